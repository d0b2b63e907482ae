package org.desist.signin;

import jakarta.ws.rs.container.ContainerRequestFilter;
import java.time.Clock;
import java.time.Duration;
import org.desist.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

/**
 * HTTP Basic or a Bearer token on every API call but the public description ({@link SignIn}). Nothing about
 * an account is trusted from memory past one request: each reads the account's credential version (or the
 * token's row), so a change made on any instance holds on all of them at once.
 */
public final class Authentication {
    private final SignIn filter;
    private final SignInThrottle throttle;

    private Authentication(SignIn filter, SignInThrottle throttle) {
        this.filter = filter;
        this.throttle = throttle;
    }

    /** {@code tokenIdle}: how long a bearer token may go unused before it is refused. */
    public static Authentication install(
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            int signInFailuresPerAddress,
            Duration tokenIdle,
            ProviderTokens providerTokens) {
        SignInThrottle throttle = new SignInThrottle(jdbi, clock, signInFailuresPerAddress);
        return new Authentication(
                new SignIn(
                        new PasswordAuthenticator(jdbi),
                        new TokenAuthenticator(jdbi, clock, tokenIdle),
                        throttle,
                        audit,
                        providerTokens),
                throttle);
    }

    /** The sign-in throttle, for every other place that checks a password (changing one's own, for instance). */
    public SignInThrottle throttle() {
        return throttle;
    }

    /** Password sign-in for the screens' form: the API's throttle, logs and audit ({@link SignIn#password}). */
    public SignIn passwords() {
        return filter;
    }

    /** Whether an account is at that credential version and enabled: what keeps a browser session good. */
    public static boolean current(Jdbi jdbi, String username, long credentialVersion) {
        return jdbi.withExtension(Credentials.class, accounts -> accounts.account(username))
                .filter(account -> !account.disabled() && account.credentialVersion() == credentialVersion)
                .isPresent();
    }

    /**
     * Basic, then Bearer. {@link org.desist.access.AccessFeature} puts it in front of every resource method
     * whose action is not public, so a method nobody thought about is authenticated all the same.
     */
    public ContainerRequestFilter filter() {
        return filter;
    }
}
