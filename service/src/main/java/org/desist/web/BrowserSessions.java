package org.desist.web;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.desist.signin.ApiTokens;
import org.desist.signin.Authentication;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions of the screens. The cookie carries 256 random bits; the database keeps only their
 * SHA-256, so every instance serves every session and a copy of the database opens none. A session ends when
 * idle too long, when too old, at sign-out, and whenever its account changes (password, rights, disabled):
 * it is good only at the credential version it began at, read afresh on every request.
 */
public class BrowserSessions {
    /** How often the idle clock is written: once a minute at most, not on every page. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public BrowserSessions(Jdbi jdbi, Clock clock, Duration idle, Duration absolute) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /**
     * A new session of a signed-in account: the cookie value, shown to the browser once; empty if disabled.
     * {@code twoFactors}: whether it was begun with two factors (see {@link org.desist.signin.Assurance});
     * {@code address}: the client's ({@link org.desist.http.ClientAddresses}), shown to the owner in their list.
     */
    public Optional<String> start(String username, boolean twoFactors, String address) {
        String value = ApiTokens.newToken();
        int made = jdbi.withExtension(
                BrowserSessionDao.class,
                sessions -> sessions.insert(
                        ApiTokens.hash(value),
                        UUID.randomUUID().toString(),
                        username,
                        ApiTokens.newToken(),
                        clock.instant(),
                        twoFactors,
                        address));
        return made == 1 ? Optional.of(value) : Optional.empty();
    }

    /**
     * The live session behind a cookie value; one that has ended is deleted and not found. {@code address} is
     * the client's, kept as the last one it was used from when the idle clock is written.
     */
    public Optional<BrowserSession> find(String cookieValue, String address) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiTokens.hash(cookieValue);
        Instant now = clock.instant();
        Optional<BrowserSession> found = jdbi.withExtension(BrowserSessionDao.class, sessions -> sessions.find(hash));
        if (found.isEmpty()) {
            return found;
        }
        BrowserSession session = found.get();
        boolean live = now.isBefore(session.lastSeenAt().plus(idle))
                && now.isBefore(session.startedAt().plus(absolute))
                && Authentication.current(jdbi, session.username(), session.credentialVersion());
        if (!live) {
            end(cookieValue);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
            jdbi.useExtension(BrowserSessionDao.class, sessions -> sessions.touch(hash, now, address));
        }
        return found;
    }

    public void end(String cookieValue) {
        if (cookieValue != null) {
            jdbi.useExtension(BrowserSessionDao.class, sessions -> sessions.delete(ApiTokens.hash(cookieValue)));
        }
    }

    /** Removes the rows of sessions nobody can use any more. */
    public int sweep() {
        Instant now = clock.instant();
        return jdbi.withExtension(
                BrowserSessionDao.class, sessions -> sessions.deleteEnded(now.minus(idle), now.minus(absolute)));
    }

    /** Whether a form's token is this session's, compared in constant time. */
    public static boolean tokenMatches(BrowserSession session, String offered) {
        return offered != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        offered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
