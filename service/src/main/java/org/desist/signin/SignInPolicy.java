package org.desist.signin;

import java.time.Duration;

/**
 * How failed sign-ins are answered, counted over a window of {@link #WINDOW}.
 * <ul>
 *   <li>Per username tried (known or not, so the answers reveal nothing): a delay that grows with each failure
 *   beyond the third, capped at {@link #USERNAME_MAX_DELAY}, and never a lock. A stranger can cost the owner two
 *   seconds at a sign-in, never the account; a password already verified at the account's current credential
 *   version is not delayed at all.</li>
 *   <li>Per client address (the guesser's own resource): an allowance of failures (twenty by default,
 *   {@code signInFailuresPerAddress}), a short growing delay past half of it, then a block of
 *   {@link #ADDRESS_BLOCK} once it is spent, answered 429 with Retry-After before any password is checked, so a
 *   spray over many usernames from one place stops there.</li>
 * </ul>
 */
public final class SignInPolicy {
    public static final Duration WINDOW = Duration.ofMinutes(15);

    static final int USERNAME_SLOW_AFTER = 3;
    static final Duration USERNAME_STEP = Duration.ofMillis(500);
    static final Duration USERNAME_MAX_DELAY = Duration.ofSeconds(2);

    static final Duration ADDRESS_STEP = Duration.ofMillis(100);
    static final Duration ADDRESS_MAX_DELAY = Duration.ofSeconds(1);
    /** The default allowance of failures from one address in a window. */
    public static final int ADDRESS_BLOCK_AFTER = 20;

    public static final Duration ADDRESS_BLOCK = Duration.ofMinutes(15);

    private SignInPolicy() {}

    /** The pause before checking a password, given the failures counted in the window so far. */
    static Duration delay(int usernameFailures, int addressFailures, int addressAllowance) {
        Duration byName = grown(usernameFailures, USERNAME_SLOW_AFTER, USERNAME_STEP, USERNAME_MAX_DELAY);
        Duration byAddress = grown(addressFailures, Math.max(1, addressAllowance / 2), ADDRESS_STEP, ADDRESS_MAX_DELAY);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    private static Duration grown(int failures, int slowAfter, Duration step, Duration max) {
        if (failures < slowAfter) {
            return Duration.ZERO;
        }
        Duration delay = step.multipliedBy(failures - slowAfter + 1L);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
