package org.desist.email;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The configuration's {@code email}: the SMTP server alerts are sent through ({@code DESIST_SMTP_*}). Without a
 * host email is off: alerts wait in the inbox, their outbox rows wait too, and the start says so once.
 */
public class EmailSettings {
    private String host = "";

    @Min(1)
    @Max(65535)
    private int port = 587;

    private String username = "";
    private String password = "";
    private String from = "";
    private boolean startTls = true;
    private String baseUrl = "";

    /** The local hour (Europe/London) after which each day's digest is queued. */
    @Min(0)
    @Max(23)
    private int digestHour = 7;

    /** How often the outbox is looked at for mail due. */
    @NotNull
    private Duration sendEvery = Duration.seconds(15);

    /** The first retry's wait; it doubles with each failure, up to {@link #retryAtMost}. */
    @NotNull
    private Duration retryAfter = Duration.minutes(1);

    @NotNull
    private Duration retryAtMost = Duration.hours(1);

    /** How long one instance holds a row it is sending before another may take it. */
    @NotNull
    private Duration claimFor = Duration.minutes(2);

    public boolean isOn() {
        return host != null && !host.isBlank();
    }

    @JsonProperty
    public String getHost() {
        return host;
    }

    @JsonProperty
    public void setHost(String host) {
        this.host = host;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public String getUsername() {
        return username;
    }

    @JsonProperty
    public void setUsername(String username) {
        this.username = username;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password;
    }

    @JsonProperty
    public String getFrom() {
        return from;
    }

    @JsonProperty
    public void setFrom(String from) {
        this.from = from;
    }

    @JsonProperty
    public boolean isStartTls() {
        return startTls;
    }

    @JsonProperty
    public void setStartTls(boolean startTls) {
        this.startTls = startTls;
    }

    @JsonProperty
    public String getBaseUrl() {
        return baseUrl;
    }

    @JsonProperty
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @JsonProperty
    public int getDigestHour() {
        return digestHour;
    }

    @JsonProperty
    public void setDigestHour(int digestHour) {
        this.digestHour = digestHour;
    }

    @JsonProperty
    public Duration getSendEvery() {
        return sendEvery;
    }

    @JsonProperty
    public void setSendEvery(Duration sendEvery) {
        this.sendEvery = sendEvery;
    }

    @JsonProperty
    public Duration getRetryAfter() {
        return retryAfter;
    }

    @JsonProperty
    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @JsonProperty
    public Duration getRetryAtMost() {
        return retryAtMost;
    }

    @JsonProperty
    public void setRetryAtMost(Duration retryAtMost) {
        this.retryAtMost = retryAtMost;
    }

    @JsonProperty
    public Duration getClaimFor() {
        return claimFor;
    }

    @JsonProperty
    public void setClaimFor(Duration claimFor) {
        this.claimFor = claimFor;
    }
}
