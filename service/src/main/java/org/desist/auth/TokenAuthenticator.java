package org.desist.auth;

import io.dropwizard.auth.Authenticator;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bearer tokens: looked up by their hash; expired, revoked or disabled-account tokens fail. */
public class TokenAuthenticator implements Authenticator<String, User> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthenticator.class);
    private final Jdbi jdbi;
    private final Clock clock;

    public TokenAuthenticator(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<User> authenticate(String token) {
        Optional<User> user = jdbi.withHandle(handle -> handle.attach(TokenDao.class)
                .activeOwner(ApiTokens.hash(token), clock.instant())
                .map(username -> handle.attach(Credentials.class).user(username)));
        if (user.isEmpty()) {
            LOG.warn("Bearer token refused: unknown, expired or revoked");
        }
        return user;
    }
}
