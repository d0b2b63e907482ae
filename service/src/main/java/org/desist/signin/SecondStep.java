package org.desist.signin;

import java.util.OptionalInt;

/**
 * The second factor as issuing a token needs it: {@code org.desist.secondfactor.SecondFactors} answers, wired by
 * the application (that package builds on this one, so this one names only what it asks).
 */
public interface SecondStep {
    /** Whether the account must present a second factor to get a token. */
    boolean needed(String username);

    /**
     * Checks a code or a recovery code, throttled, each usable once; refuses with a {@link
     * org.desist.refusal.Refusal} naming the field. Answers how many recovery codes remain when one was used.
     */
    OptionalInt present(String username, String code, String recoveryCode, String address, String requestId);
}
