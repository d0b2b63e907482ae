package org.desist.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.http.ProblemException;

/**
 * What a password alone still opens for an account that needs a second factor (required for all, or enrolled):
 * getting two factors, and nothing else. It may enrol ({@link Action#SECOND_FACTOR}; replacing a factor already
 * enrolled needs a current code, which the service asks for), get a token (which needs the code), change its
 * password (which needs the code too when enrolled), and reach the screens' sign-in steps and home page (the
 * screens send a session half-way through sign-in to its second step before this check). Anything else: 401
 * saying how to get a token with two factors, or 403 saying to enrol first; audited as denied.
 */
final class PasswordAlone {
    private static final Set<Action> ALLOWED = EnumSet.of(
            Action.SECOND_FACTOR, Action.TOKEN_ISSUE, Action.OWN_PASSWORD_CHANGE, Action.SIGN_IN, Action.HOME);

    private final SecondFactorNeeds needs;
    private final Predicate<ContainerRequestContext> twoFactors;
    private final AuditLog audit;

    PasswordAlone(SecondFactorNeeds needs, Predicate<ContainerRequestContext> twoFactors, AuditLog audit) {
        this.needs = needs;
        this.twoFactors = twoFactors;
        this.audit = audit;
    }

    static boolean allowed(Action action) {
        return ALLOWED.contains(action);
    }

    void check(ContainerRequestContext request, Caller caller, Action action) {
        if (action != null && allowed(action) || twoFactors.test(request)) {
            return;
        }
        String username = caller.username();
        boolean enrolled = needs.enrolled(username);
        if (!enrolled && !needs.required()) {
            return;
        }
        String type = action == null ? "unknown" : action.resourceType();
        if (enrolled) {
            audit.denied(caller, type, null, null, Outcome.UNAUTHENTICATED);
            throw new ProblemException(
                    401,
                    "Unauthorized",
                    "A password alone is not enough for this: get a token with POST /api/tokens and a current code"
                            + " of your second factor, and send it as 'Authorization: Bearer <token>'",
                    List.of());
        }
        audit.denied(caller, type, null, null, Outcome.FORBIDDEN);
        throw new ProblemException(
                403,
                "Forbidden",
                "Enrol a second factor first: POST /api/me/second-factor, then POST /api/me/second-factor/confirm",
                List.of());
    }
}
