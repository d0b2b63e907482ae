package org.desist.signin;

import io.dropwizard.auth.Authenticator;
import java.time.Clock;
import java.util.Optional;
import org.desist.auth.User;
import org.jdbi.v3.core.Jdbi;

/** Bearer tokens: looked up by their hash on every request; expired, revoked or disabled-account tokens fail. */
public class TokenAuthenticator implements Authenticator<String, User> {
    private final Jdbi jdbi;
    private final Clock clock;

    public TokenAuthenticator(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<User> authenticate(String token) {
        return jdbi.withHandle(handle -> handle.attach(TokenDao.class)
                .activeOwner(ApiTokens.hash(token), clock.instant())
                .map(username -> handle.attach(Credentials.class).user(username)));
    }
}
