package org.desist.signin;

/**
 * No turn to hash a password came within the wait ({@link Passwords#boundConcurrency}): the service is busy. The
 * caller did nothing wrong, so it is 503 with Retry-After ({@link PasswordHashingBusyMapper}), not 429.
 */
public class PasswordHashingBusy extends RuntimeException {
    public PasswordHashingBusy() {
        super("Too many passwords are being checked at once just now; try again in a moment", null, false, false);
    }
}
