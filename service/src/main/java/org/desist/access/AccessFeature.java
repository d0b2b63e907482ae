package org.desist.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.User;
import org.desist.http.ProblemException;
import org.desist.http.ProblemUnauthorizedHandler;

/**
 * Puts authentication and the access matrix in front of every resource method: the caller must
 * authenticate, then the method's {@link Requires} action is checked against {@link AccessPolicy}; a method
 * without one is refused to everybody (deny by default). Only an action the policy names public is
 * answered without either. Refusals are audited as 'denied'. A method serving several actions by a query
 * parameter (see {@link Requires#when}) is checked for the action the parameter names; a value it does not
 * serve is 400 naming the parameter for a caller who may perform one of them, and 403 for anyone else.
 * An account signed in with a temporary password (reset by an administrator) may only change it: anything
 * else is 403 saying so, and once the temporary password has expired it is 401 like any wrong password.
 * A request signed in with a password alone, for an account that needs a second factor, may only get two
 * factors ({@link PasswordAlone}).
 */
public class AccessFeature implements DynamicFeature {
    private final AuditLog audit;
    private final ContainerRequestFilter authentication;
    private final Clock clock;
    private final PasswordAlone passwordAlone;
    private final Predicate<ContainerRequestContext> twoFactors;

    /**
     * {@code twoFactors}: whether the request's caller signed in with two factors (the sign-in filter marks it);
     * {@code needs}: which accounts need them.
     */
    public AccessFeature(
            AuditLog audit,
            ContainerRequestFilter authentication,
            Clock clock,
            SecondFactorNeeds needs,
            Predicate<ContainerRequestContext> twoFactors) {
        this.audit = audit;
        this.authentication = authentication;
        this.clock = clock;
        this.passwordAlone = new PasswordAlone(needs);
        this.twoFactors = twoFactors;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Requires[] requires = resource.getResourceMethod().getAnnotationsByType(Requires.class);
        if (requires.length > 1 || requires.length == 1 && !requires[0].when().isEmpty()) {
            context.register(authentication, Priorities.AUTHENTICATION);
            context.register(new Check(null, ActionByQuery.of(requires), audit, clock, passwordAlone, twoFactors));
            return;
        }
        Action action = actionOf(resource);
        if (AccessPolicy.isPublic(action)) {
            return;
        }
        context.register(authentication, Priorities.AUTHENTICATION);
        context.register(new Check(action, null, audit, clock, passwordAlone, twoFactors));
    }

    /** The method's {@link Requires}; swagger's description resource, which cannot carry one, describes the API. */
    public static Action actionOf(ResourceInfo resource) {
        Requires requires = resource.getResourceMethod().getAnnotation(Requires.class);
        if (requires != null) {
            return requires.value();
        }
        return resource.getResourceClass().getName().startsWith("io.swagger.") ? Action.API_DESCRIPTION : null;
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final Action fixed;
        private final ActionByQuery byQuery;
        private final AuditLog audit;
        private final Clock clock;
        private final PasswordAlone passwordAlone;
        private final Predicate<ContainerRequestContext> twoFactors;

        Check(
                Action fixed,
                ActionByQuery byQuery,
                AuditLog audit,
                Clock clock,
                PasswordAlone passwordAlone,
                Predicate<ContainerRequestContext> twoFactors) {
            this.passwordAlone = passwordAlone;
            this.twoFactors = twoFactors;
            this.fixed = fixed;
            this.byQuery = byQuery;
            this.audit = audit;
            this.clock = clock;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = CallerFilter.of(request);
            if (caller.user().mustChangePassword()) {
                onlyChangeOfTemporaryPassword(caller);
            }
            // before the query is read: an action chosen by a parameter is never one a password alone may do
            onlyTwoFactorsIfNeeded(request, caller, fixed);
            Action action = byQuery == null ? fixed : chosen(request, caller);
            if (action != null && AccessPolicy.allows(caller.user(), action)) {
                return;
            }
            var parameters = request.getUriInfo().getPathParameters();
            String id = parameters.getFirst("id");
            String recordId = parameters.getFirst("rid");
            String type = action == null ? "unknown" : action.resourceType();
            // under /participants/{id} the id is the participant's; a record there has its own {rid}
            String participantId = request.getUriInfo().getPath().startsWith("participants/") ? id : null;
            audit.denied(caller, type, recordId != null ? recordId : id, participantId, Outcome.FORBIDDEN);
            throw new ForbiddenException("Your role may not do this");
        }

        /** With a password alone, an account that needs two factors may only get them ({@link PasswordAlone}). */
        private void onlyTwoFactorsIfNeeded(ContainerRequestContext request, Caller caller, Action action) {
            PasswordAlone.Verdict verdict = passwordAlone.of(twoFactors.test(request), caller.username(), action);
            if (verdict == PasswordAlone.Verdict.PASS) {
                return;
            }
            Action named = action != null
                    ? action
                    : byQuery == null
                            ? null
                            : byQuery.actions().values().iterator().next();
            String type = named == null ? "unknown" : named.resourceType();
            if (verdict == PasswordAlone.Verdict.GET_A_TOKEN) {
                audit.denied(caller, type, null, null, Outcome.UNAUTHENTICATED);
                throw ProblemUnauthorizedHandler.refusal(PasswordAlone.GET_A_TOKEN);
            }
            audit.denied(caller, type, null, null, Outcome.FORBIDDEN);
            throw new ProblemException(403, "Forbidden", PasswordAlone.ENROL_FIRST, List.of());
        }

        private void onlyChangeOfTemporaryPassword(Caller caller) {
            User user = caller.user();
            if (!clock.instant().isBefore(user.temporaryPasswordUntil())) {
                audit.denied(caller, "account", user.username(), null, Outcome.UNAUTHENTICATED);
                throw ProblemUnauthorizedHandler.refusal();
            }
            if (fixed != Action.OWN_PASSWORD_CHANGE) {
                audit.denied(caller, "account", user.username(), null, Outcome.FORBIDDEN);
                throw new ProblemException(
                        403,
                        "Forbidden",
                        "Your password is temporary: change it with" + " POST /api/me/password before anything else",
                        List.of());
            }
        }

        /** The action the query names; for an unknown value, 400 if the caller may do any, else the first (refused). */
        private Action chosen(ContainerRequestContext request, Caller caller) {
            var named = byQuery.of(request.getUriInfo().getQueryParameters());
            if (named.isPresent()) {
                return named.get();
            }
            if (byQuery.actions().values().stream().anyMatch(action -> AccessPolicy.allows(caller.user(), action))) {
                throw ProblemException.badParameter(byQuery.parameter(), "must be one of: " + byQuery.values());
            }
            return byQuery.actions().values().iterator().next();
        }
    }
}
