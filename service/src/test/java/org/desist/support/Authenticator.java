package org.desist.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/** An authenticator app for tests: the codes of a base32 secret the API answered (RFC 6238, SHA1, 6, 30 s). */
public final class Authenticator {
    private Authenticator() {}

    public static String code(String secret) {
        return code(secret, Instant.now());
    }

    public static String code(String secret, Instant at) {
        try {
            return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1")
                    .generateOneTimePasswordString(
                            new SecretKeySpec(BaseEncoding.base32().decode(secret), "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code of the next step (good once, within the drift allowed), for a second call in the same 30 seconds. */
    public static String nextCode(String secret) {
        return code(secret, Instant.now().plusSeconds(30));
    }
}
