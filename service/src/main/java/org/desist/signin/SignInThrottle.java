package org.desist.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link SignInPolicy} over the sign_in_throttle table, which every instance shares and a restart keeps. Consulted
 * only before a password is checked with Argon2: one read, and a write per failure.
 */
public class SignInThrottle {
    static final String USERNAME = "username";
    static final String ADDRESS = "address";
    /** Longer names are cut: nobody's username is this long, and the row stays small. */
    private static final int MAX_SUBJECT = 128;

    /** What to do before checking a password: refuse for a while, or pause, then check. */
    public record Verdict(Optional<Duration> blockedFor, Duration delay) {
        /** The answer while the address is blocked (429 with Retry-After), whoever checks the password. */
        public Refusal.Throttled refusal() {
            return new Refusal.Throttled(
                    "Too many failed logins from this address; try again later", blockedFor.orElse(Duration.ZERO));
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final int failuresPerAddress;

    /** {@code failuresPerAddress}: how many failures one address may have in a window before it is blocked. */
    public SignInThrottle(Jdbi jdbi, Clock clock, int failuresPerAddress) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.failuresPerAddress = failuresPerAddress;
    }

    public Verdict before(String username, String address) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(SignInPolicy.WINDOW);
        int byName = 0;
        int byAddress = 0;
        Optional<Duration> blocked = Optional.empty();
        for (ThrottleDao.Count count : jdbi.withExtension(
                ThrottleDao.class, throttle -> throttle.counts(nameKey(username), addressKey(address)))) {
            if (count.blockedUntil() != null && count.blockedUntil().isAfter(now)) {
                blocked = Optional.of(Duration.between(now, count.blockedUntil()));
            }
            int current = count.windowStart().isAfter(staleBefore) ? count.failures() : 0;
            if (USERNAME.equals(count.kind())) {
                byName = current;
            } else {
                byAddress = current;
            }
        }
        return new Verdict(blocked, SignInPolicy.delay(byName, byAddress, failuresPerAddress));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(SignInPolicy.WINDOW);
        jdbi.useTransaction(handle -> {
            ThrottleDao throttle = handle.attach(ThrottleDao.class);
            throttle.failed(USERNAME, nameKey(username), now, staleBefore, Integer.MAX_VALUE, null);
            throttle.failed(
                    ADDRESS,
                    addressKey(address),
                    now,
                    staleBefore,
                    failuresPerAddress,
                    now.plus(SignInPolicy.ADDRESS_BLOCK));
            throttle.expire(staleBefore, now);
        });
    }

    /** Names differing only in case are one name to the throttle, so case cannot multiply the guesses. */
    private static String nameKey(String username) {
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return key.length() > MAX_SUBJECT ? key.substring(0, MAX_SUBJECT) : key;
    }

    private static String addressKey(String address) {
        String key = address == null ? "" : address;
        return key.length() > MAX_SUBJECT ? key.substring(0, MAX_SUBJECT) : key;
    }
}
