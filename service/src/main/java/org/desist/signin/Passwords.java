package org.desist.signin;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). Only the PHC-format hash is
 * stored. Unknown users are checked against a dummy hash so that they cost the same time as a wrong
 * password.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    /** Long pass-phrases are welcome and never truncated; the bound only stops hashing megabytes. */
    public static final int MAX_LENGTH = 1024;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    private static final String DUMMY_HASH = hash("not-a-password-of-anyone-here");

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
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
