package org.desist.identityprovider;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration's {@code identityProvider}: the organisation's OpenID Connect provider. Off while no issuer is
 * set. The client authenticates with its secret, or with a JWT signed by its private key (a PEM file) when one is
 * named. Lists take YAML lists or one comma-separated text (the DESIST_OIDC_* variables).
 */
public class IdentityProviderSettings {
    private String issuer = "";
    private String clientId = "";
    private String clientSecret = "";
    private String privateKeyFile = "";
    private String privateKeyId = "";
    private String usernameClaim = "sub";
    private List<String> secondFactorAmr = List.of();
    private List<String> secondFactorAcr = List.of();
    private String audience = "";
    private String buttonText = "Sign in with your organisation's account";
    private String callbackUrl = "";
    private List<String> scopes = List.of("openid");
    private Duration maxAuthenticationAge = Duration.hours(1);

    public boolean configured() {
        return !issuer.isBlank();
    }

    @JsonProperty
    public String getIssuer() {
        return issuer;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
        this.issuer = issuer == null ? "" : issuer.strip();
    }

    @JsonProperty
    public String getClientId() {
        return clientId;
    }

    @JsonProperty
    public void setClientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId.strip();
    }

    @JsonProperty
    public String getClientSecret() {
        return clientSecret;
    }

    @JsonProperty
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret == null ? "" : clientSecret;
    }

    /** A PEM file holding the client's RSA or EC private key: private_key_jwt instead of the secret. */
    @JsonProperty
    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    @JsonProperty
    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile == null ? "" : privateKeyFile.strip();
    }

    /** The key id the provider registered for that key, sent as the client assertion's {@code kid}. */
    @JsonProperty
    public String getPrivateKeyId() {
        return privateKeyId;
    }

    @JsonProperty
    public void setPrivateKeyId(String privateKeyId) {
        this.privateKeyId = privateKeyId == null ? "" : privateKeyId.strip();
    }

    /** The claim whose value an administrator links to an account: {@code sub} unless the provider advises else. */
    @JsonProperty
    public String getUsernameClaim() {
        return usernameClaim;
    }

    @JsonProperty
    public void setUsernameClaim(String usernameClaim) {
        this.usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "sub" : usernameClaim.strip();
    }

    /** {@code amr} values any one of which says the provider checked a second factor (e.g. mfa, otp, hwk). */
    @JsonProperty
    public List<String> getSecondFactorAmr() {
        return secondFactorAmr;
    }

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setSecondFactorAmr(List<String> secondFactorAmr) {
        this.secondFactorAmr = words(secondFactorAmr);
    }

    /** {@code acr} values that say the provider checked a second factor. */
    @JsonProperty
    public List<String> getSecondFactorAcr() {
        return secondFactorAcr;
    }

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setSecondFactorAcr(List<String> secondFactorAcr) {
        this.secondFactorAcr = words(secondFactorAcr);
    }

    /** The {@code aud} the provider's access tokens must carry to be taken as bearer tokens; none: not taken. */
    @JsonProperty
    public String getAudience() {
        return audience;
    }

    @JsonProperty
    public void setAudience(String audience) {
        this.audience = audience == null ? "" : audience.strip();
    }

    /** The sign-in page's button, e.g. "Sign in with NHS CIS2". */
    @JsonProperty
    public String getButtonText() {
        return buttonText;
    }

    @JsonProperty
    public void setButtonText(String buttonText) {
        if (buttonText != null && !buttonText.isBlank()) {
            this.buttonText = buttonText.strip();
        }
    }

    /**
     * The redirect URI registered at the provider, e.g. https://desist.example.org/sign-in/provider/callback.
     * Unset, it is made from the request (right without a proxy that rewrites the host).
     */
    @JsonProperty
    public String getCallbackUrl() {
        return callbackUrl;
    }

    @JsonProperty
    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl == null ? "" : callbackUrl.strip();
    }

    /** The scopes asked for; {@code openid} is always among them. */
    @JsonProperty
    public List<String> getScopes() {
        return scopes;
    }

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setScopes(List<String> scopes) {
        List<String> given = words(scopes);
        this.scopes = given.contains("openid")
                ? given
                : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), given.stream())
                        .toList();
    }

    /**
     * How long ago the provider may last have checked the person (sent as {@code max_age}; an ID token whose
     * {@code auth_time} is older, or missing, signs nobody in): a live session at the provider alone is not enough.
     */
    @JsonProperty
    public Duration getMaxAuthenticationAge() {
        return maxAuthenticationAge;
    }

    @JsonProperty
    public void setMaxAuthenticationAge(Duration maxAuthenticationAge) {
        this.maxAuthenticationAge = maxAuthenticationAge == null ? Duration.hours(1) : maxAuthenticationAge;
    }

    /** Whether these {@code amr} and {@code acr} values assert a second factor. */
    boolean secondFactor(List<String> amr, String acr) {
        Set<String> wanted = Set.copyOf(secondFactorAmr);
        return amr != null && amr.stream().anyMatch(wanted::contains) || acr != null && secondFactorAcr.contains(acr);
    }

    private static List<String> words(List<String> given) {
        if (given == null) {
            return List.of();
        }
        return given.stream()
                .filter(Objects::nonNull)
                .flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }
}
