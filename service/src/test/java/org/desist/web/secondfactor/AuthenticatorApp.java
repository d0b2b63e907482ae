package org.desist.web.secondfactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.common.io.BaseEncoding;
import java.security.InvalidKeyException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/** An authenticator app as a test holds one: the codes of the key a page showed (RFC 6238, by java-otp). */
final class AuthenticatorApp {
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();
    private static final Duration STEP = TOTP.getTimeStep();

    private final Key key;

    /** The key as the page shows it: base32 in groups of four. */
    AuthenticatorApp(String shownKey) {
        byte[] secret = BaseEncoding.base32().decode(shownKey.replace(" ", "").toUpperCase(Locale.ROOT));
        this.key = new SecretKeySpec(secret, TOTP.getAlgorithm());
    }

    /** The code the app shows now. */
    String code() {
        return code(Instant.now());
    }

    /**
     * The code of the next 30-second step: accepted with the one step of drift allowed, and after a code of this
     * step was used (each code is accepted once), without waiting for the clock.
     */
    String nextCode() {
        return code(Instant.now().plus(STEP));
    }

    /** Six digits that are none of the codes accepted about now. */
    String wrongCode() {
        Instant now = Instant.now();
        Set<String> accepted =
                Set.of(code(now.minus(STEP)), code(now), code(now.plus(STEP)), code(now.plus(STEP.multipliedBy(2))));
        for (int candidate = 123456; ; candidate = (candidate + 111111) % 1_000_000) {
            String wrong = String.format(Locale.ROOT, "%06d", candidate);
            if (!accepted.contains(wrong)) {
                return wrong;
            }
        }
    }

    private String code(Instant at) {
        try {
            return TOTP.generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
