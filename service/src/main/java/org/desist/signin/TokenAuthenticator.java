package org.desist.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.desist.auth.User;
import org.jdbi.v3.core.Jdbi;

/**
 * Bearer tokens: looked up by their hash on every request; expired, revoked, idle or disabled-account tokens
 * fail. The idle clock is written at most once a minute (and once however many instances see the token in
 * that minute), so a token in steady use costs one read a request, not a write.
 */
public class TokenAuthenticator {
    /** How often the idle clock is written: as browser sessions do. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A token's owner, its id (what names it in its owner's list; none for the identity provider's), and how strongly they signed in for it. */
    public record Bearer(User user, String tokenId, Assurance assurance) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idle;

    public TokenAuthenticator(Jdbi jdbi, Clock clock, Duration idle) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idle = idle;
    }

    /** {@code address}: the client's, kept as the last one the token was used from when the idle clock moves. */
    public Optional<Bearer> authenticate(String token, String address) {
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> {
            TokenDao tokens = handle.attach(TokenDao.class);
            Optional<TokenDao.Owner> found = tokens.activeOwner(ApiTokens.hash(token), now, now.minus(idle));
            Instant touchedBefore = now.minus(TOUCH_EVERY);
            found.filter(owner -> owner.lastUsedAt().isBefore(touchedBefore))
                    .ifPresent(owner -> tokens.touch(owner.id(), now, touchedBefore, address));
            return found.map(owner -> new Bearer(
                    handle.attach(Credentials.class).user(owner.username()),
                    owner.id(),
                    Assurance.of(owner.twoFactors())));
        });
    }
}
