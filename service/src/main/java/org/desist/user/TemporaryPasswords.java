package org.desist.user;

import java.security.SecureRandom;
import java.util.Collection;
import org.desist.signin.PasswordScreen;

/**
 * Passwords the service makes for a reset or a new account: 20 characters from an alphabet without
 * look-alikes (about 99 bits), in groups of four so they can be read out and typed. Each passes the rule a
 * chosen password must pass ({@link PasswordScreen}); one that happens not to is drawn again.
 */
final class TemporaryPasswords {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {}

    static String next(Collection<String> context) {
        String password = draw();
        while (PasswordScreen.weakness(password, context) != null) {
            password = draw();
        }
        return password;
    }

    private static String draw() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
