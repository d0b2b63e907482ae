package org.desist.signin;

import java.time.Clock;
import java.util.Optional;
import org.desist.auth.User;
import org.jdbi.v3.core.Jdbi;

/** Bearer tokens: looked up by their hash on every request; expired, revoked or disabled-account tokens fail. */
public class TokenAuthenticator {
    /** A token's owner, and how strongly they signed in when it was issued. */
    public record Bearer(User user, Assurance assurance) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public TokenAuthenticator(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<Bearer> authenticate(String token) {
        return jdbi.withHandle(handle -> handle.attach(TokenDao.class)
                .activeOwner(ApiTokens.hash(token), clock.instant())
                .map(owner -> new Bearer(
                        handle.attach(Credentials.class).user(owner.username()), Assurance.of(owner.twoFactors()))));
    }
}
