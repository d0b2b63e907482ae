package org.desist.identityprovider;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import org.desist.audit.AuditLog;
import org.desist.refusal.StartRefused;
import org.desist.signin.ProviderTokens;
import org.desist.user.Accounts;
import org.desist.web.Screens;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in with the organisation's identity provider (OpenID Connect), wired in one place: the sign-in page's
 * button and its callback, the provider's access tokens as bearer tokens, and the administrators' links between
 * provider subjects and accounts. Without an issuer configured only the links' API is there (and answers 503 to a
 * new link).
 */
public final class IdentityProvider {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityProvider.class);
    /** A day: more, and a provider's session of yesterday would still sign someone in without a password. */
    private static final io.dropwizard.util.Duration MOST_AUTHENTICATION_AGE = io.dropwizard.util.Duration.hours(24);

    private final IdentityProviderSettings settings;
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final LinkedAccounts links;
    private final OpenIdProvider provider;

    private IdentityProvider(
            IdentityProviderSettings settings, Jdbi jdbi, Clock clock, AuditLog audit, OpenIdProvider provider) {
        this.settings = settings;
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.links = new LinkedAccounts(jdbi, settings);
        this.provider = provider;
    }

    /** Checks the settings (a provider half-configured refuses to start); the provider is asked nothing yet. */
    public static IdentityProvider configure(
            IdentityProviderSettings settings, Jdbi jdbi, Clock clock, AuditLog audit) {
        if (!settings.configured()) {
            return new IdentityProvider(settings, jdbi, clock, audit, null);
        }
        if (!ProviderTransport.secure(settings.getIssuer())) {
            throw new StartRefused("identityProvider.issuer (DESIST_OIDC_ISSUER) must be an https:// URL (plain http://"
                    + " only on loopback: 127.0.0.0/8, [::1], localhost): " + settings.getIssuer());
        }
        if (settings.getMaxAuthenticationAge().toSeconds() > MOST_AUTHENTICATION_AGE.toSeconds()) {
            throw new StartRefused("identityProvider.maxAuthenticationAge (DESIST_OIDC_MAX_AGE) must be at most "
                    + MOST_AUTHENTICATION_AGE + ": " + settings.getMaxAuthenticationAge());
        }
        if (settings.getClientId().isEmpty()) {
            throw new StartRefused("identityProvider.clientId (DESIST_OIDC_CLIENT_ID) must be set with the issuer");
        }
        if (settings.getClientSecret().isEmpty() && settings.getPrivateKeyFile().isEmpty()) {
            throw new StartRefused("identityProvider needs clientSecret (DESIST_OIDC_CLIENT_SECRET) or privateKeyFile"
                    + " (DESIST_OIDC_PRIVATE_KEY_FILE)");
        }
        LOG.info(
                "Sign-in with the identity provider {} as client {}; its access tokens {}",
                settings.getIssuer(),
                settings.getClientId(),
                settings.getAudience().isEmpty()
                        ? "are not taken (no audience configured)"
                        : "are taken as bearer tokens for audience " + settings.getAudience());
        return new IdentityProvider(settings, jdbi, clock, audit, new OpenIdProvider(settings));
    }

    /** For {@link org.desist.signin.SignIn}: the provider's JWT access tokens, or none when there is no provider. */
    public ProviderTokens tokens() {
        return provider == null ? ProviderTokens.NONE : new ProviderAccessTokens(provider, settings, links, jdbi);
    }

    /** The links' API, and (with a provider) the sign-in page's button and the flow's two pages. */
    public void install(JerseyEnvironment jersey, Screens screens, Accounts accounts) {
        jersey.register(new IdentityLinkResource(new IdentityLinks(jdbi, clock, audit, accounts, links)));
        if (provider != null) {
            screens.register(new ProviderSignInPages(
                    new ProviderSignIn(provider, settings, links, jdbi, clock, audit), screens, settings));
            screens.offerIdentityProvider(settings.getButtonText());
        }
    }
}
