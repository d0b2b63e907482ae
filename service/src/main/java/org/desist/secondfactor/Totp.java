package org.desist.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 as every authenticator app speaks it: HMAC-SHA1, six digits, 30-second steps, secrets of 160 random
 * bits in base32. A code is good for its own step and one step either side, for clocks that drift.
 */
final class Totp {
    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final String ISSUER = "Desist";
    private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return BASE32.encode(secret);
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of the step {@code at} falls in. */
    static String code(String secret, Instant at) {
        return code(key(secret), at);
    }

    /** Whether the text can be a code at all: six digits (spaces an app shows between groups are dropped). */
    static boolean wellFormed(String code) {
        return code != null && normal(code).matches("[0-9]{" + DIGITS + "}");
    }

    /** The step, within the drift allowed around {@code now}, whose code this is; empty if none. */
    static OptionalLong matchingStep(String secret, String code, Instant now) {
        if (!wellFormed(code)) {
            return OptionalLong.empty();
        }
        byte[] offered = normal(code).getBytes(StandardCharsets.US_ASCII);
        Key key = key(secret);
        long current = step(now);
        OptionalLong matched = OptionalLong.empty();
        // every candidate is computed and compared, so the time taken says nothing about which step matched
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            byte[] expected =
                    code(key, Instant.ofEpochSecond(step * STEP.getSeconds())).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, offered) && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    /** The key-uri format authenticator apps read from a QR code. */
    static String otpauthUri(String username, String secret) {
        String label = encode(ISSUER) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String normal(String code) {
        return code.replace(" ", "");
    }

    private static Key key(String secret) {
        return new SecretKeySpec(BASE32.decode(secret), "HmacSHA1");
    }

    private static String code(Key key, Instant at) {
        try {
            // a generator per call: cheap, and nothing shared between threads
            return new TimeBasedOneTimePasswordGenerator(
                            STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1)
                    .generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A stored second-factor secret is not a key", e);
        }
    }
}
