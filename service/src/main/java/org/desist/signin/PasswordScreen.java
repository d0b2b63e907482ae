package org.desist.signin;

import java.util.Collection;

public final class PasswordScreen {
    private PasswordScreen() {}

    public static String weakness(String password, Collection<String> context) {
        return Passwords.weakness(password);
    }
}
