package org.desist.secondfactor;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time recovery codes as people copy them: ten characters from an alphabet without look-alikes (no 0/o,
 * 1/l/i), in two groups of five. About 49 bits each; kept only as Argon2id hashes, and throttled like passwords.
 */
final class RecoveryCodeText {
    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodeText() {}

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code in the form it was hashed in, whatever case, spaces or dashes the person typed; null if it cannot
     * be a recovery code (so no Argon2 is spent on it).
     */
    static String normal(String typed) {
        if (typed == null) {
            return null;
        }
        String letters = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (letters.length() != LENGTH || !letters.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return letters.substring(0, LENGTH / 2) + "-" + letters.substring(LENGTH / 2);
    }
}
