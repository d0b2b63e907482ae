package org.desist.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a password alone still opens for an account that needs a second factor (required for all, or enrolled):
 * getting two factors, and nothing else. It may enrol ({@link Action#SECOND_FACTOR}; replacing a factor already
 * enrolled needs a current code, which the service asks for), get a token (which needs the code), change its
 * password (which needs the code too when enrolled), and reach the screens' sign-in steps and home page (the
 * screens send a session half-way through sign-in to its second step before the check).
 */
final class PasswordAlone {
    private static final Set<Action> ALLOWED = EnumSet.of(
            Action.SECOND_FACTOR, Action.TOKEN_ISSUE, Action.OWN_PASSWORD_CHANGE, Action.SIGN_IN, Action.HOME);

    static final String GET_A_TOKEN = "A password alone is not enough for this: get a token with POST /api/tokens"
            + " and a current code of your second factor, and send it as 'Authorization: Bearer <token>'";
    static final String ENROL_FIRST =
            "Enrol a second factor first: POST /api/me/second-factor, then POST /api/me/second-factor/confirm";

    /** Whether the request may go on to the access matrix, or how it is refused. */
    enum Verdict {
        PASS,
        /** The account has a second factor: 401, get a token with it. */
        GET_A_TOKEN,
        /** The account must have one and has none: 403, enrol first. */
        ENROL_FIRST
    }

    private final SecondFactorNeeds needs;

    PasswordAlone(SecondFactorNeeds needs) {
        this.needs = needs;
    }

    static boolean allowed(Action action) {
        return ALLOWED.contains(action);
    }

    Verdict of(boolean twoFactors, String username, Action action) {
        if (twoFactors || action != null && allowed(action)) {
            return Verdict.PASS;
        }
        if (needs.enrolled(username)) {
            return Verdict.GET_A_TOKEN;
        }
        return needs.required() ? Verdict.ENROL_FIRST : Verdict.PASS;
    }
}
