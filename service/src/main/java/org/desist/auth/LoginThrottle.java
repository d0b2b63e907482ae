package org.desist.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows, then refuses, repeated failed logins for one username, whether or not the account exists
 * (so the answer reveals nothing). Counts are kept per username for a window after the first failure.
 */
public class LoginThrottle {
    static final int SLOW_AFTER = 3;
    static final int LOCK_AFTER = 5;
    static final Duration STEP = Duration.ofMillis(500);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private record Attempts(int failures, Instant firstFailure, Instant lockedUntil) {
    }

    private final Clock clock;
    // counts are forgotten a window after the last failure, or when a lockout has run its course
    private final Cache<String, Attempts> attempts = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW.plus(LOCKOUT))
            .maximumSize(100_000)
            .build();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the username stays refused, if it is locked out now. */
    public Optional<Duration> lockedFor(String username) {
        Attempts current = attempts.getIfPresent(key(username));
        if (current == null || current.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** The pause before answering: nothing at first, then growing with each failure. */
    public Duration delayFor(String username) {
        Attempts current = attempts.getIfPresent(key(username));
        if (current == null || current.failures() < SLOW_AFTER) {
            return Duration.ZERO;
        }
        return STEP.multipliedBy(current.failures() - SLOW_AFTER + 1);
    }

    public void failed(String username) {
        Instant now = clock.instant();
        attempts.asMap().compute(key(username), (name, current) -> {
            // a count starts afresh once its window has passed or its lockout has been served
            boolean stale = current == null
                    || now.isAfter(current.firstFailure().plus(WINDOW)) && current.lockedUntil() == null
                    || current.lockedUntil() != null && !now.isBefore(current.lockedUntil());
            if (stale) {
                return new Attempts(1, now, null);
            }
            int failures = current.failures() + 1;
            return new Attempts(failures, current.firstFailure(), failures >= LOCK_AFTER ? now.plus(LOCKOUT) : null);
        });
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
