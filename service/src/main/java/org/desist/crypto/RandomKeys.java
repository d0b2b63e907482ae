package org.desist.crypto;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Base64;
import java.util.Optional;

/**
 * Whether a configured key is a random one of at least 256 bits (ASVS 11.1.2, 11.4.4, 13.3.x), told without ever
 * showing it. A key is written as base64 (or base64url, padding optional) of at least {@link #MIN_BYTES} random
 * bytes, as {@code openssl rand -base64 32} makes. Decoding alone does not tell a typed phrase (words and digits
 * are base64's alphabet too), so zxcvbn must also find nothing guessable in the text: its estimate must be at least
 * 10^{@link #MIN_GUESSES_LOG10_PER_CHARACTER} guesses a character. Random base64 scores 10^0.95 or more a character
 * (zxcvbn's brute-force rate is 10), hex 10^0.92; phrases of words, even in camel case with digits, 10^0.87 or less.
 * The key's text is used as it is (its UTF-8 bytes key the HMAC), so a key that passes seals as before.
 */
public final class RandomKeys {
    public static final int MIN_BYTES = 32;
    public static final double MIN_GUESSES_LOG10_PER_CHARACTER = 0.9;
    /** What every refusal says to do. */
    public static final String HOW_TO_MAKE_ONE = "make one with: openssl rand -base64 32";

    private static final int MEASURED = 96;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private RandomKeys() {}

    /** Why this text is not a random key of at least 256 bits (never quoting it), or empty when it is one. */
    public static Optional<String> weakness(String text) {
        String key = text == null ? "" : text.strip();
        if (key.isEmpty()) {
            return Optional.of("is not set");
        }
        byte[] decoded = decoded(key);
        if (decoded == null || decoded.length < MIN_BYTES) {
            return Optional.of(
                    "must be base64 of at least " + MIN_BYTES + " random bytes (256 bits); " + HOW_TO_MAKE_ONE);
        }
        // zxcvbn's time grows much faster than the length: the first MEASURED characters (of a key of 72 bytes and
        // more) stand for the whole
        String measured = key.substring(0, Math.min(key.length(), MEASURED));
        Strength strength = ZXCVBN.measure(measured);
        try {
            if (strength.getGuessesLog10() < MIN_GUESSES_LOG10_PER_CHARACTER * measured.length()) {
                return Optional.of("looks typed (words, names, dates, sequences or repeats), not base64 of " + MIN_BYTES
                        + " random bytes (256 bits); " + HOW_TO_MAKE_ONE);
            }
            return Optional.empty();
        } finally {
            strength.wipe();
        }
    }

    private static byte[] decoded(String key) {
        String unpadded = key.endsWith("==")
                ? key.substring(0, key.length() - 2)
                : key.endsWith("=") ? key.substring(0, key.length() - 1) : key;
        try {
            return unpadded.indexOf('-') >= 0 || unpadded.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(unpadded)
                    : Base64.getDecoder().decode(unpadded);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
