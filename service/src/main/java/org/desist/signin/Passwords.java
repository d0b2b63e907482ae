package org.desist.signin;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). Only the PHC-format hash is
 * stored. Unknown users are checked against a dummy hash so that they cost the same time as a wrong
 * password.
 *
 * <p>Every hash and check here takes a turn first: at most {@link #boundConcurrency}'s number at once in this
 * process (each costs 19 MiB of heap), waiting briefly for one. Without a turn it throws {@link PasswordHashingBusy}
 * (503 with Retry-After), and no failed sign-in is counted.
 */
public final class Passwords {
    private static final Logger LOG = LoggerFactory.getLogger(Passwords.class);

    private static volatile Semaphore turns =
            new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);
    private static volatile Duration wait = Duration.ofSeconds(2);
    private static final AtomicInteger IN_PROGRESS = new AtomicInteger();
    private static final AtomicInteger PEAK = new AtomicInteger();

    public static final int MIN_LENGTH = 12;
    /** Long pass-phrases are welcome and never truncated; the bound only stops hashing megabytes. */
    public static final int MAX_LENGTH = 1024;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    private static final String DUMMY_HASH = hash("not-a-password-of-anyone-here");

    private Passwords() {}

    /** At most {@code atOnce} hashes at a time in this process, each waiting up to {@code patience} for a turn. */
    public static void boundConcurrency(int atOnce, Duration patience) {
        turns = new Semaphore(atOnce, true);
        wait = patience;
        PEAK.set(IN_PROGRESS.get());
    }

    /** Hashes being computed now, in this process. */
    public static int inProgress() {
        return IN_PROGRESS.get();
    }

    /** The most computed at once since {@link #boundConcurrency} was last called. */
    public static int peak() {
        return PEAK.get();
    }

    public static String hash(String password) {
        return withTurn(
                () -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return withTurn(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    private static <T> T withTurn(Supplier<T> argon2) {
        Semaphore held = turns;
        boolean got;
        try {
            got = held.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            LOG.warn("Password hashing busy: no turn within {} ms; answered 503", wait.toMillis());
            throw new PasswordHashingBusy();
        }
        try {
            PEAK.accumulateAndGet(IN_PROGRESS.incrementAndGet(), Math::max);
            return argon2.get();
        } finally {
            IN_PROGRESS.decrementAndGet();
            held.release();
        }
    }

    /** Spends the time of one check and returns false: for usernames that do not exist. */
    public static boolean matchesNothing(String password) {
        matches(password == null ? "" : password, DUMMY_HASH);
        return false;
    }

    /** Why a new password's length is refused, or null; the whole rule is {@link PasswordScreen#weakness}. */
    static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (password.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
