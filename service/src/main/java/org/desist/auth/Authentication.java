package org.desist.auth;

import com.github.benmanes.caffeine.cache.CaffeineSpec;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * HTTP Basic or a Bearer token on every API call but the public description, through Dropwizard's auth filters. Password checks
 * are cached for a few minutes so Argon2 is not on every request's path; an account change forgets
 * its cached logins at once.
 */
public final class Authentication {
    public static final String REALM = "desist";
    private final CachingAuthenticator<BasicCredentials, User> passwords;
    private final ContainerRequestFilter filter;

    private Authentication(CachingAuthenticator<BasicCredentials, User> passwords, ContainerRequestFilter filter) {
        this.passwords = passwords;
        this.filter = filter;
    }

    public static Authentication install(Environment environment, Jdbi jdbi, Clock clock) {
        CachingAuthenticator<BasicCredentials, User> passwords = new CachingAuthenticator<>(environment.metrics(),
                new PasswordAuthenticator(jdbi), CaffeineSpec.parse("maximumSize=10000,expireAfterWrite=5m"));
        AuthFilter<BasicCredentials, User> basic = new BasicCredentialAuthFilter.Builder<User>()
                .setAuthenticator(new ThrottledLogin(new LoginThrottle(clock), passwords))
                .setRealm(REALM)
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter();
        AuthFilter<String, User> bearer = new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(new TokenAuthenticator(jdbi, clock))
                .setPrefix("Bearer")
                .setRealm(REALM)
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter();
        @SuppressWarnings("rawtypes")
        List<AuthFilter> chain = List.of(basic, bearer);
        return new Authentication(passwords, new ChainedAuthFilter<>(chain));
    }

    /**
     * Basic, then Bearer. {@link org.desist.access.AccessFeature} puts it in front of every resource method
     * whose action is not public, so a method nobody thought about is authenticated all the same.
     */
    public ContainerRequestFilter filter() {
        return filter;
    }

    /** Forgets cached logins of one user, after their password changed or their account was disabled. */
    public void forget(String username) {
        passwords.invalidateAll(credentials -> credentials.getUsername().equals(username));
    }
}
