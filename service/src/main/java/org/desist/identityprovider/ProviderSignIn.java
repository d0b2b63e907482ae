package org.desist.identityprovider;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.LogSafe;
import org.desist.auth.SecurityEvents;
import org.desist.signin.ApiTokens;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser's sign-in through the organisation's identity provider, in two halves that any instance may serve:
 * {@link #start} keeps the state's hash, the nonce and the PKCE verifier in the database and sends the browser to
 * the provider; {@link #finish} takes that row (once: a replayed state or code finds nothing), checks that the
 * same browser came back, redeems the code and checks the ID token, and finds the account linked to its subject.
 * Every refusal is logged (never a token) and audited as a failed sign-in.
 */
class ProviderSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIn.class);
    /** How long the provider may keep the browser: a sign-in not finished by then starts again. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The clocks of Desist and the provider may differ this much (the SDK's default for ID tokens). */
    private static final Duration CLOCK_SKEW =
            Duration.ofSeconds(com.nimbusds.openid.connect.sdk.validators.IDTokenValidator.DEFAULT_MAX_CLOCK_SKEW);

    private static final String IDENTITY_PROVIDER = "identity_provider";

    /** Where to send the browser, and the secret its cookie keeps so that only it can finish. */
    record Started(URI redirect, String browserSecret) {}

    /** Who signed in, whether the provider asserted a second factor, and the page to go on to. */
    record Finished(String username, boolean twoFactors, String returnTo) {}

    private final OpenIdProvider provider;
    private final IdentityProviderSettings settings;
    private final LinkedAccounts links;
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;

    ProviderSignIn(
            OpenIdProvider provider,
            IdentityProviderSettings settings,
            LinkedAccounts links,
            Jdbi jdbi,
            Clock clock,
            AuditLog audit) {
        this.provider = provider;
        this.settings = settings;
        this.links = links;
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    Started start(URI callback, String returnTo, String address, String requestId) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String browserSecret = ApiTokens.newToken();
        URI redirect;
        try {
            redirect = provider.authorizationRequest(callback, state, nonce, verifier);
        } catch (ProviderRefusal refusal) {
            throw refused(refusal, null, address, requestId);
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            ProviderSignInDao pending = handle.attach(ProviderSignInDao.class);
            pending.deleteStartedBefore(now.minus(LIFETIME));
            pending.insert(
                    ApiTokens.hash(state.getValue()),
                    ApiTokens.hash(browserSecret),
                    nonce.getValue(),
                    verifier.getValue(),
                    returnTo,
                    now);
        });
        return new Started(redirect, browserSecret);
    }

    /** The callback: its query parameters and the browser's secret (null without the cookie). */
    Finished finish(
            URI callback,
            Map<String, List<String>> parameters,
            String browserSecret,
            String address,
            String requestId) {
        String username = null;
        try {
            AuthenticationResponse response = parse(callback, parameters);
            ProviderSignInDao.Pending pending = take(response.getState(), browserSecret);
            if (response instanceof AuthenticationErrorResponse error) {
                throw new ProviderRefusal(
                        ProviderRefusal.Reason.PROVIDER_ERROR,
                        "the provider answered " + error.getErrorObject().getCode());
            }
            AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
            if (success.getIssuer() != null && !success.getIssuer().getValue().equals(provider.issuer())) {
                throw new ProviderRefusal(
                        ProviderRefusal.Reason.BAD_ID_TOKEN, "the callback names another issuer (RFC 9207)");
            }
            if (success.getAuthorizationCode() == null) {
                throw new ProviderRefusal(ProviderRefusal.Reason.PROVIDER_ERROR, "the callback holds no code");
            }
            IDTokenClaimsSet claims = provider.redeem(
                    success.getAuthorizationCode(),
                    callback,
                    new CodeVerifier(pending.codeVerifier()),
                    new Nonce(pending.nonce()));
            recentEnough(claims);
            String subject = subject(claims);
            username = links.of(subject).orElseThrow(() -> new Unlinked(subject));
            boolean twoFactors = settings.secondFactor(
                    claims.getAMR() == null
                            ? List.of()
                            : claims.getAMR().stream()
                                    .map(amr -> amr.getValue())
                                    .toList(),
                    claims.getACR() == null ? null : claims.getACR().getValue());
            LOG.info(
                    "Login succeeded for user '{}' through the identity provider{}",
                    LogSafe.text(username),
                    twoFactors ? ", which asserted a second factor" : "");
            SecurityEvents.signedIn(IDENTITY_PROVIDER, username, address, requestId);
            return new Finished(username, twoFactors, pending.returnTo());
        } catch (ProviderRefusal refusal) {
            throw refused(refusal, username, address, requestId);
        }
    }

    /** The account's session could not start: it is disabled. Logged and audited like every refusal. */
    ProviderRefusal disabled(String username, String address, String requestId) {
        return refused(
                new ProviderRefusal(ProviderRefusal.Reason.DISABLED, "the linked account is disabled"),
                username,
                address,
                requestId);
    }

    private ProviderRefusal refused(ProviderRefusal refusal, String username, String address, String requestId) {
        LOG.warn(
                "Login through the identity provider refused{} from {}: {}",
                username == null ? "" : " for user '" + LogSafe.text(username) + "'",
                LogSafe.text(address),
                LogSafe.text(refusal.getMessage()));
        SecurityEvents.signInFailed(
                IDENTITY_PROVIDER,
                username,
                refusal.reason().name().toLowerCase(java.util.Locale.ROOT),
                address,
                requestId);
        audit.signInFailed(username, address, requestId, Outcome.UNAUTHENTICATED);
        return refusal;
    }

    private static AuthenticationResponse parse(URI callback, Map<String, List<String>> parameters) {
        try {
            return AuthenticationResponseParser.parse(callback, parameters);
        } catch (ParseException e) {
            throw new ProviderRefusal(ProviderRefusal.Reason.UNKNOWN_STATE, "a callback that is not OpenID Connect's");
        }
    }

    /** The sign-in this state began, taken so that nobody can finish it again; it must be this browser's. */
    private ProviderSignInDao.Pending take(State state, String browserSecret) {
        if (state == null) {
            throw new ProviderRefusal(ProviderRefusal.Reason.UNKNOWN_STATE, "a callback without a state");
        }
        String stateHash = ApiTokens.hash(state.getValue());
        Optional<ProviderSignInDao.Pending> taken = jdbi.inTransaction(handle -> {
            ProviderSignInDao pending = handle.attach(ProviderSignInDao.class);
            Optional<ProviderSignInDao.Pending> found = pending.find(stateHash);
            return found.isPresent() && pending.take(stateHash) == 1 ? found : Optional.empty();
        });
        if (taken.isEmpty()) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.UNKNOWN_STATE, "an unknown state: never issued, expired or used already");
        }
        ProviderSignInDao.Pending pending = taken.get();
        if (browserSecret == null
                || !MessageDigest.isEqual(
                        pending.browserHash().getBytes(StandardCharsets.UTF_8),
                        ApiTokens.hash(browserSecret).getBytes(StandardCharsets.UTF_8))) {
            throw new ProviderRefusal(ProviderRefusal.Reason.UNKNOWN_STATE, "the state was issued to another browser");
        }
        if (!clock.instant().isBefore(pending.startedAt().plus(LIFETIME))) {
            throw new ProviderRefusal(ProviderRefusal.Reason.UNKNOWN_STATE, "the sign-in took too long");
        }
        return pending;
    }

    /**
     * ASVS V7.6.1: the provider must have checked the person (password, smartcard) within the maximum age Desist
     * sent as {@code max_age}, so a provider session left open does not sign anyone in on its own. OpenID Connect
     * makes {@code auth_time} required when {@code max_age} is asked; the SDK does not compare it, so this does,
     * with the SDK's own clock skew for ID tokens.
     */
    private void recentEnough(IDTokenClaimsSet claims) {
        Instant authenticated;
        try {
            authenticated = claims.getAuthenticationTime() == null
                    ? null
                    : claims.getAuthenticationTime().toInstant();
        } catch (RuntimeException e) {
            authenticated = null;
        }
        if (authenticated == null) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.STALE_AUTHENTICATION,
                    "the ID token has no auth_time, though max_age was asked");
        }
        Instant now = clock.instant();
        if (authenticated.isAfter(now.plus(CLOCK_SKEW))) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.STALE_AUTHENTICATION, "the ID token's auth_time is in the future");
        }
        Duration age = Duration.between(authenticated, now);
        Duration most = Duration.ofSeconds(settings.getMaxAuthenticationAge().toSeconds());
        if (age.compareTo(most.plus(CLOCK_SKEW)) > 0) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.STALE_AUTHENTICATION,
                    "the provider last authenticated the person " + age.toMinutes()
                            + " minutes ago, longer than identityProvider.maxAuthenticationAge ("
                            + settings.getMaxAuthenticationAge() + ")");
        }
    }

    private String subject(IDTokenClaimsSet claims) {
        Object value = "sub".equals(settings.getUsernameClaim())
                ? claims.getSubject().getValue()
                : claims.getClaim(settings.getUsernameClaim());
        if (!(value instanceof String subject) || subject.isBlank()) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.BAD_ID_TOKEN, "the ID token has no claim " + settings.getUsernameClaim());
        }
        return subject;
    }

    /** A subject no account is linked to: the page tells the person whom to ask, and what to give them. */
    static final class Unlinked extends ProviderRefusal {
        private final String subject;

        Unlinked(String subject) {
            super(ProviderRefusal.Reason.UNLINKED, "no account is linked to subject '" + subject + "'");
            this.subject = subject;
        }

        String subject() {
            return subject;
        }
    }
}
