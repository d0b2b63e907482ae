package org.desist.signin;

import io.dropwizard.auth.basic.BasicCredentials;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.LogSafe;
import org.desist.auth.SecurityEvents;
import org.desist.auth.User;
import org.desist.http.BasicHeader;
import org.desist.http.ClientAddresses;
import org.desist.http.ProblemUnauthorizedHandler;
import org.desist.http.RequestIds;
import org.desist.http.SessionInUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic or a Bearer token, on every request to a method that is not public (see
 * {@link org.desist.access.AccessFeature}). A password already verified at the account's current credential
 * version passes on one read; any other is throttled ({@link SignInThrottle}) and checked with Argon2. Every
 * refusal of offered credentials is logged and audited with the client's address and the request's id; the
 * answer is the same 401 whatever went wrong, or 429 while the address is blocked.
 */
@Priority(Priorities.AUTHENTICATION)
public class SignIn implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
    private static final String BEARER = "Bearer";
    private static final String OWN_TOKEN_PREFIX = "dst_";
    private static final String PASSWORD = "password";

    private final PasswordAuthenticator passwords;
    private final TokenAuthenticator tokens;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final ProviderTokens providerTokens;

    public SignIn(
            PasswordAuthenticator passwords,
            TokenAuthenticator tokens,
            SignInThrottle throttle,
            AuditLog audit,
            ProviderTokens providerTokens) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.providerTokens = providerTokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (BasicHeader.isBasic(authorization)) {
            Optional<BasicCredentials> credentials = BasicHeader.credentials(authorization);
            if (credentials.isEmpty()) {
                throw refused(request, null, "malformed", "Login refused: a Basic header that is not name:password");
            }
            signIn(request, password(request, credentials.get()), SecurityContext.BASIC_AUTH);
            Assurance.PASSWORD_ONLY.mark(request);
        } else if (BasicHeader.hasScheme(authorization, BEARER)) {
            String token = authorization.substring(BEARER.length() + 1).strip();
            // Desist's own tokens begin dst_; anything else may be the identity provider's JWT access token
            Optional<TokenAuthenticator.Bearer> bearer = token.startsWith(OWN_TOKEN_PREFIX)
                    ? tokens.authenticate(token, ClientAddresses.of(request), RequestIds.of(request))
                    : providerTokens.authenticate(token);
            if (bearer.isEmpty()) {
                // an own token's refusal is logged where it is known why (TokenAuthenticator), with its id
                throw refused(
                        request,
                        null,
                        token.startsWith(OWN_TOKEN_PREFIX) ? null : "identity_provider_token",
                        "Bearer token refused: unknown, expired, idle or revoked");
            }
            signIn(request, bearer.get().user(), BEARER);
            bearer.get().assurance().mark(request);
            SessionInUse.mark(request, bearer.get().tokenId());
        } else {
            // no credentials offered, or a scheme nobody here speaks: nothing was tried, so nothing is audited
            throw unauthorized();
        }
    }

    private User password(ContainerRequestContext request, BasicCredentials credentials) {
        return password(
                credentials.getUsername(),
                credentials.getPassword(),
                ClientAddresses.of(request),
                RequestIds.of(request));
    }

    /**
     * One password sign-in, as the API makes it for HTTP Basic and the screens for their sign-in form: the same
     * throttle, log lines and audit rows. Refused, it throws the API's answer: 401, or 429 while the address is
     * blocked ({@link WebApplicationException#getResponse()} says which).
     */
    public User password(String username, String password, String address, String requestId) {
        BasicCredentials credentials = new BasicCredentials(username, password);
        Optional<Credentials.Account> account = passwords.account(username);
        Optional<User> remembered = passwords.remembered(credentials, account);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        SignInThrottle.Verdict verdict = throttle.before(username, address);
        if (verdict.blockedFor().isPresent()) {
            LOG.warn(
                    "Login refused for user '{}' from {}: too many failures from that address",
                    LogSafe.text(username),
                    LogSafe.text(address));
            SecurityEvents.signInFailed(PASSWORD, username, "throttled", address, requestId);
            audit.signInFailed(username, address, requestId, Outcome.THROTTLED);
            throw verdict.refusal();
        }
        pause(verdict.delay());
        Optional<User> user = passwords.verify(credentials, account);
        if (user.isEmpty()) {
            // A success does not clear the counts: the owner's own traffic would otherwise keep resetting a
            // guesser's tally. Failures age out with the window.
            throttle.failed(username, address);
            throw refused(
                    address,
                    requestId,
                    username,
                    "wrong_password_or_unknown_account",
                    "Login failed for user '" + LogSafe.text(username) + "'");
        }
        SecurityEvents.signedIn(PASSWORD, username, address, requestId);
        return user.get();
    }

    private WebApplicationException refused(
            ContainerRequestContext request, String usernameTried, String reason, String why) {
        return refused(ClientAddresses.of(request), RequestIds.of(request), usernameTried, reason, why);
    }

    /** {@code reason}: the event's short reason, or null when the event was logged where the reason is known. */
    private WebApplicationException refused(
            String address, String requestId, String usernameTried, String reason, String why) {
        LOG.warn("{} from {}", why, LogSafe.text(address));
        if (reason != null) {
            SecurityEvents.signInFailed(
                    reason.equals("identity_provider_token") ? "token" : PASSWORD,
                    usernameTried,
                    reason,
                    address,
                    requestId);
        }
        audit.signInFailed(usernameTried, address, requestId, Outcome.UNAUTHENTICATED);
        return unauthorized();
    }

    private static WebApplicationException unauthorized() {
        return ProblemUnauthorizedHandler.refusal();
    }

    /** Makes the user the request's principal, for {@link org.desist.access.CallerFilter} and what follows. */
    public static void signIn(ContainerRequestContext request, User user, String scheme) {
        boolean secure = request.getSecurityContext() != null
                && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return user.roles().stream().anyMatch(held -> held.name().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return scheme;
            }
        });
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
