package org.desist.quota;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code quotas:} block of config.yml: how many requests of each {@link Metered} kind one account and one
 * client address may make in a window, when an account's reading is unusual, and how many password hashes may be
 * computed at once. The defaults are far above a clinician's busiest day (docs/security.md, "Quotas").
 */
public class QuotaSettings {

    /** One quota: requests per account and per client address within a fixed window. */
    public static class Limit {
        @Min(1)
        private int perAccount;

        @Min(1)
        private int perAddress;

        @NotNull
        private Duration window;

        public Limit() {}

        Limit(int perAccount, int perAddress, Duration window) {
            this.perAccount = perAccount;
            this.perAddress = perAddress;
            this.window = window;
        }

        @JsonProperty
        public int getPerAccount() {
            return perAccount;
        }

        @JsonProperty
        public void setPerAccount(int perAccount) {
            this.perAccount = perAccount;
        }

        @JsonProperty
        public int getPerAddress() {
            return perAddress;
        }

        @JsonProperty
        public void setPerAddress(int perAddress) {
            this.perAddress = perAddress;
        }

        @JsonProperty
        public Duration getWindow() {
            return window;
        }

        @JsonProperty
        public void setWindow(Duration window) {
            this.window = window;
        }
    }

    /** An account's reads in a day against its own daily average over the last 30 days. */
    public static class Unusual {
        @DecimalMin("1.0")
        private double factor = 5;

        @Min(1)
        private int floor = 300;

        /** How often one instance looks at one account's reading at most. */
        @NotNull
        private Duration checkEvery = Duration.minutes(1);

        @JsonProperty
        public Duration getCheckEvery() {
            return checkEvery;
        }

        @JsonProperty
        public void setCheckEvery(Duration checkEvery) {
            this.checkEvery = checkEvery;
        }

        @JsonProperty
        public double getFactor() {
            return factor;
        }

        @JsonProperty
        public void setFactor(double factor) {
            this.factor = factor;
        }

        @JsonProperty
        public int getFloor() {
            return floor;
        }

        @JsonProperty
        public void setFloor(int floor) {
            this.floor = floor;
        }
    }

    @Valid
    @NotNull
    private Limit reads = new Limit(2_000, 10_000, Duration.hours(1));

    @Valid
    @NotNull
    private Limit pdfs = new Limit(100, 500, Duration.hours(1));

    @Valid
    @NotNull
    private Limit exports = new Limit(20, 60, Duration.hours(24));

    @Valid
    @NotNull
    private Unusual unusualReading = new Unusual();

    /** Argon2 hashes computed at once in this process; 0: twice the processors. */
    @Min(0)
    private int passwordHashes = 0;

    /** How long a sign-in waits for a turn to hash before it is answered 503. */
    @NotNull
    private Duration passwordHashWait = Duration.seconds(2);

    public Limit limit(Metered metered) {
        return switch (metered) {
            case READS -> reads;
            case PDFS -> pdfs;
            case EXPORTS -> exports;
        };
    }

    @JsonProperty
    public Limit getReads() {
        return reads;
    }

    @JsonProperty
    public void setReads(Limit reads) {
        this.reads = reads;
    }

    @JsonProperty
    public Limit getPdfs() {
        return pdfs;
    }

    @JsonProperty
    public void setPdfs(Limit pdfs) {
        this.pdfs = pdfs;
    }

    @JsonProperty
    public Limit getExports() {
        return exports;
    }

    @JsonProperty
    public void setExports(Limit exports) {
        this.exports = exports;
    }

    @JsonProperty
    public Unusual getUnusualReading() {
        return unusualReading;
    }

    @JsonProperty
    public void setUnusualReading(Unusual unusualReading) {
        this.unusualReading = unusualReading;
    }

    @JsonProperty
    public int getPasswordHashes() {
        return passwordHashes;
    }

    @JsonProperty
    public void setPasswordHashes(int passwordHashes) {
        this.passwordHashes = passwordHashes;
    }

    /** The bound in force: as configured, or twice the processors. */
    public int passwordHashesAtOnce() {
        return passwordHashes > 0 ? passwordHashes : 2 * Runtime.getRuntime().availableProcessors();
    }

    @JsonProperty
    public Duration getPasswordHashWait() {
        return passwordHashWait;
    }

    @JsonProperty
    public void setPasswordHashWait(Duration passwordHashWait) {
        this.passwordHashWait = passwordHashWait;
    }
}
