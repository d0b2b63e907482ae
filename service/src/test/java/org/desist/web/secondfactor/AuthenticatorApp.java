package org.desist.web.secondfactor;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.desist.support.Authenticator;

/** An authenticator app as a test holds one: the codes of the key a page showed ({@link Authenticator}'s). */
final class AuthenticatorApp {
    private static final Duration STEP = Duration.ofSeconds(30);

    private final String secret;

    /** The key as the page shows it: base32 in groups of four. */
    AuthenticatorApp(String shownKey) {
        this.secret = shownKey.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** The code the app shows now. */
    String code() {
        return Authenticator.code(secret);
    }

    /**
     * The code of the next 30-second step: accepted with the one step of drift allowed, and after a code of this
     * step was used (each code is accepted once), without waiting for the clock.
     */
    String nextCode() {
        return Authenticator.nextCode(secret);
    }

    /** Six digits that are none of the codes accepted about now. */
    String wrongCode() {
        Instant now = Instant.now();
        Set<String> accepted = Set.of(
                Authenticator.code(secret, now.minus(STEP)),
                Authenticator.code(secret, now),
                Authenticator.code(secret, now.plus(STEP)),
                Authenticator.code(secret, now.plus(STEP.multipliedBy(2))));
        for (int candidate = 123456; ; candidate = (candidate + 111111) % 1_000_000) {
            String wrong = String.format(Locale.ROOT, "%06d", candidate);
            if (!accepted.contains(wrong)) {
                return wrong;
            }
        }
    }
}
