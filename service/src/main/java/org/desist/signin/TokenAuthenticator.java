package org.desist.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.desist.auth.SecurityEvents;
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

    public Optional<Bearer> authenticate(String token, String address) {
        return authenticate(token, address, null);
    }

    /**
     * {@code address}: the client's, kept as the last one the token was used from when the idle clock moves. A
     * refusal is logged ({@link SecurityEvents}) with why, and with the token's id and owner when it is one of
     * ours that is no longer live.
     */
    public Optional<Bearer> authenticate(String token, String address, String requestId) {
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> {
            TokenDao tokens = handle.attach(TokenDao.class);
            Optional<TokenDao.Owner> found = tokens.activeOwner(ApiTokens.hash(token), now, now.minus(idle));
            if (found.isEmpty()) {
                logRefusal(tokens.anyByHash(ApiTokens.hash(token)), now, address, requestId);
            }
            Instant touchedBefore = now.minus(TOUCH_EVERY);
            found.filter(owner -> owner.lastUsedAt().isBefore(touchedBefore))
                    .ifPresent(owner -> tokens.touch(owner.id(), now, touchedBefore, address));
            return found.map(owner -> new Bearer(
                    handle.attach(Credentials.class).user(owner.username()),
                    owner.id(),
                    Assurance.of(owner.twoFactors())));
        });
    }

    private void logRefusal(Optional<TokenDao.Refused> known, Instant now, String address, String requestId) {
        if (known.isEmpty()) {
            SecurityEvents.signInFailed("token", null, "unknown_token", address, requestId);
            return;
        }
        TokenDao.Refused token = known.get();
        String why = token.revokedAt() != null
                ? "revoked"
                : !token.expiresAt().isAfter(now)
                        ? "expired"
                        : !token.lastUsedAt().isAfter(now.minus(idle)) ? "idle" : "account_disabled";
        SecurityEvents.tokenRefused(token.username(), token.id(), why, address, requestId);
    }
}
