package org.desist.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import org.desist.audit.AuditHeadExportSettings;
import org.desist.audit.AuditKeys;
import org.desist.identityprovider.IdentityProviderSettings;
import org.desist.pdf.RenderRehearsal;
import org.desist.secondfactor.SecondFactorSettings;
import org.desist.signin.SignInPolicy;
import org.desist.web.Screens;

public class DesistConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    /** Apply pending Liquibase changesets when the server starts; off leaves it to {@code db migrate}. */
    private boolean migrateOnStart = true;

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    /** How long a bearer token from POST /api/tokens stays valid. */
    @NotNull
    private Duration tokenLifetime = Duration.hours(8);

    @JsonProperty
    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    @JsonProperty
    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    /** How long a bearer token may go unused before it is refused, however long its lifetime. */
    @NotNull
    private Duration tokenIdleTimeout = Duration.minutes(30);

    @JsonProperty
    public Duration getTokenIdleTimeout() {
        return tokenIdleTimeout;
    }

    @JsonProperty
    public void setTokenIdleTimeout(Duration tokenIdleTimeout) {
        this.tokenIdleTimeout = tokenIdleTimeout;
    }

    /** How long a temporary password from an administrator's reset works, if not changed first. */
    @NotNull
    private Duration temporaryPasswordLifetime = Duration.hours(72);

    @JsonProperty
    public Duration getTemporaryPasswordLifetime() {
        return temporaryPasswordLifetime;
    }

    @JsonProperty
    public void setTemporaryPasswordLifetime(Duration temporaryPasswordLifetime) {
        this.temporaryPasswordLifetime = temporaryPasswordLifetime;
    }

    /**
     * The secret that keys the evaluation export's pseudonyms (HMAC-SHA256). No default: without it the
     * export answers 503 rather than fall back to a key anyone could know.
     */
    private String pseudonymKey = "";

    @JsonProperty
    public String getPseudonymKey() {
        return pseudonymKey;
    }

    @JsonProperty
    public void setPseudonymKey(String pseudonymKey) {
        this.pseudonymKey = pseudonymKey;
    }

    /**
     * The secret that seals the audit chain (HMAC-SHA256), from the environment, never the database. Unset on
     * SQLite, a key file beside the database is used (made on the first start); unset on PostgreSQL, the service
     * refuses to start.
     */
    private String auditKey = "";

    /** Keys that sealed rows before a rotation, comma-separated: they verify, never seal. */
    private String auditPreviousKeys = "";

    @JsonProperty
    public String getAuditKey() {
        return auditKey;
    }

    @JsonProperty
    public void setAuditKey(String auditKey) {
        this.auditKey = auditKey;
    }

    @JsonProperty
    public String getAuditPreviousKeys() {
        return auditPreviousKeys;
    }

    @JsonProperty
    public void setAuditPreviousKeys(String auditPreviousKeys) {
        this.auditPreviousKeys = auditPreviousKeys;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    /**
     * Proxies whose X-Forwarded-For is believed (addresses, CIDR blocks or ranges); none by default, so the
     * connection's peer is the client. A list, or one comma-separated text (DESIST_TRUSTED_PROXIES).
     */
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    private List<String> trustedProxies = List.of();

    @JsonProperty
    public List<String> getTrustedProxies() {
        return trustedProxies.stream()
                .filter(java.util.Objects::nonNull)
                .flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? List.of() : trustedProxies;
    }

    /**
     * Failed sign-ins one client address may have within 15 minutes before it is refused for 15 minutes
     * (SignInPolicy). Raise it only for many people behind one address that no trusted proxy tells apart.
     */
    @Min(1)
    private int signInFailuresPerAddress = SignInPolicy.ADDRESS_BLOCK_AFTER;

    @JsonProperty
    public int getSignInFailuresPerAddress() {
        return signInFailuresPerAddress;
    }

    @JsonProperty
    public void setSignInFailuresPerAddress(int signInFailuresPerAddress) {
        this.signInFailuresPerAddress = signInFailuresPerAddress;
    }

    /** The PDF rehearsal at start-up and the warm-up after it ({@link RenderRehearsal}). */
    @Valid
    @NotNull
    private RenderRehearsal.Settings pdfRehearsal = new RenderRehearsal.Settings();

    @JsonProperty
    public RenderRehearsal.Settings getPdfRehearsal() {
        return pdfRehearsal;
    }

    @JsonProperty
    public void setPdfRehearsal(RenderRehearsal.Settings pdfRehearsal) {
        this.pdfRehearsal = pdfRehearsal;
    }

    /** The audit keys this configuration names (see {@link AuditKeys#load}). */
    public AuditKeys auditKeys(boolean createKeyFile) {
        return AuditKeys.load(getAuditKey(), getAuditPreviousKeys(), getDatabase(), createKeyFile);
    }

    /** The screens' browser sessions: timeouts, and whether a TLS proxy is in front. */
    @Valid
    @NotNull
    private Screens.Settings web = new Screens.Settings();

    @JsonProperty
    public Screens.Settings getWeb() {
        return web;
    }

    @JsonProperty
    public void setWeb(Screens.Settings web) {
        this.web = web;
    }

    /** Whether every account must present a second factor (TOTP) besides its password. */
    @Valid
    @NotNull
    private SecondFactorSettings secondFactor = new SecondFactorSettings();

    @JsonProperty
    public SecondFactorSettings getSecondFactor() {
        return secondFactor;
    }

    @JsonProperty
    public void setSecondFactor(SecondFactorSettings secondFactor) {
        this.secondFactor = secondFactor;
    }

    /** The organisation's OpenID Connect provider, for signing in with it; off while it has no issuer. */
    @Valid
    @NotNull
    private IdentityProviderSettings identityProvider = new IdentityProviderSettings();

    @JsonProperty
    public IdentityProviderSettings getIdentityProvider() {
        return identityProvider;
    }

    @JsonProperty
    public void setIdentityProvider(IdentityProviderSettings identityProvider) {
        this.identityProvider = identityProvider;
    }

    /** Quotas on reads, PDFs and exports, unusual reading, and concurrent password hashing (issue 20). */
    @Valid
    @NotNull
    private org.desist.quota.QuotaSettings quotas = new org.desist.quota.QuotaSettings();

    @JsonProperty
    public org.desist.quota.QuotaSettings getQuotas() {
        return quotas;
    }

    @JsonProperty
    public void setQuotas(org.desist.quota.QuotaSettings quotas) {
        this.quotas = quotas;
    }

    /** Retention review periods per record class (issue 19, retention/): six years after a case closes. */
    @Valid
    @NotNull
    private org.desist.retention.RetentionSettings retention = new org.desist.retention.RetentionSettings();

    @JsonProperty
    public org.desist.retention.RetentionSettings getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(org.desist.retention.RetentionSettings retention) {
        this.retention = retention;
    }

    // issue 20, items 7 and 8 (events): the token cap and the audit head's export

    /** At most this many live bearer tokens per account: one more revokes the oldest. */
    @Min(1)
    private int maxTokensPerAccount = 10;

    @JsonProperty
    public int getMaxTokensPerAccount() {
        return maxTokensPerAccount;
    }

    @JsonProperty
    public void setMaxTokensPerAccount(int maxTokensPerAccount) {
        this.maxTokensPerAccount = maxTokensPerAccount;
    }

    /** Copies of the audit chain's head outside the database, on a schedule: off while its {@code every} is unset. */
    @Valid
    @NotNull
    private AuditHeadExportSettings auditHeadExport = new AuditHeadExportSettings();

    @JsonProperty
    public AuditHeadExportSettings getAuditHeadExport() {
        return auditHeadExport;
    }

    @JsonProperty
    public void setAuditHeadExport(AuditHeadExportSettings auditHeadExport) {
        this.auditHeadExport = auditHeadExport;
    }

    /** The API's request forms: the deprecated switch that keeps search terms and reasons in the query string. */
    @Valid
    @NotNull
    private ApiSettings api = new ApiSettings();

    @JsonProperty
    public ApiSettings getApi() {
        return api;
    }

    @JsonProperty
    public void setApi(ApiSettings api) {
        this.api = api;
    }

    /** When the attention rules run: the at-once ones in each write's transaction, the sweep on a schedule. */
    @Valid
    @NotNull
    private org.desist.attention.AttentionSettings attention = new org.desist.attention.AttentionSettings();

    @JsonProperty
    public org.desist.attention.AttentionSettings getAttention() {
        return attention;
    }

    @JsonProperty
    public void setAttention(org.desist.attention.AttentionSettings attention) {
        this.attention = attention;
    }

    /** Alert email over SMTP (email/): off while email.host is empty. */
    @Valid
    @NotNull
    private org.desist.email.EmailSettings email = new org.desist.email.EmailSettings();

    @JsonProperty
    public org.desist.email.EmailSettings getEmail() {
        return email;
    }

    @JsonProperty
    public void setEmail(org.desist.email.EmailSettings email) {
        this.email = email;
    }
}
