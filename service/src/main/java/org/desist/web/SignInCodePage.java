package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.ClientAddresses;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.http.ProblemException;
import org.desist.http.Problems;
import org.desist.http.RefusalMapper;
import org.desist.http.RequestIds;
import org.desist.refusal.Refusal;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.Assurance;

/**
 * Sign-in's second step: a current code of the account's authenticator app, or one of its recovery codes. The
 * service checks it (the password's throttle, each code once, audited); a right one replaces the session with
 * one begun with two factors and goes on to the page asked for. A recovery code's answer says how many are left.
 */
@Hidden
@Path(SignInResource.CODE)
@Produces(MediaType.TEXT_HTML)
public class SignInCodePage {
    /** Fewer recovery codes left than this, and the page says to get new ones. */
    static final int FEW_RECOVERY_CODES = 4;

    private final SecondFactors secondFactors;
    private final SessionRenewal renewal;

    SignInCodePage(SecondFactors secondFactors, SessionRenewal renewal) {
        this.secondFactors = secondFactors;
        this.renewal = renewal;
    }

    @GET
    @Requires(Action.SECOND_FACTOR)
    public Response form(
            @QueryParam("next") String next,
            @QueryParam("recovery") String recovery,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        if (!owed(request, caller)) {
            return Screens.seeOther(SignInResource.returnTo(next));
        }
        return Response.ok(new CodePage(Screens.viewer(request), recovery != null).withValues(sent(next)))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SECOND_FACTOR)
    public Response present(
            @FormParam("code") String code,
            @FormParam("recoveryCode") String recoveryCode,
            @FormParam("recovery") String recovery,
            @FormParam("next") String next,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        String goOn = SignInResource.returnTo(next);
        if (!owed(request, caller)) {
            return Screens.seeOther(goOn);
        }
        boolean byRecoveryCode = recovery != null && !recovery.isEmpty();
        String field = byRecoveryCode ? "recoveryCode" : "code";
        String offered = byRecoveryCode ? recoveryCode : code;
        if (offered == null || offered.isBlank()) {
            return again(
                    request,
                    byRecoveryCode,
                    next,
                    problem(
                            422,
                            field,
                            byRecoveryCode
                                    ? "Enter one of your recovery codes"
                                    : "Enter the 6-digit code from your authenticator app"),
                    null);
        }
        SecondFactors.Presented presented;
        try {
            presented = secondFactors.present(
                    caller.username(),
                    byRecoveryCode
                            ? new SecondFactors.Proof(null, offered.strip())
                            : new SecondFactors.Proof(offered.strip(), null),
                    ClientAddresses.of(request),
                    RequestIds.of(request));
        } catch (Refusal.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            String retryAfter = Long.toString(seconds);
            Problem problem = new Problem(
                    "about:blank",
                    Problems.title(429),
                    429,
                    "Too many wrong codes. Try again in " + SignInResource.minutes(retryAfter) + ".",
                    List.of(),
                    null);
            return again(request, byRecoveryCode, next, problem, retryAfter);
        } catch (Refusal refusal) {
            return again(request, byRecoveryCode, next, worded(RefusalMapper.problem(refusal), field), null);
        } catch (ProblemException refused) {
            return again(request, byRecoveryCode, next, worded(refused.toProblem(), field), null);
        }
        SessionRenewal.Renewed renewed = renewal.renew(request, caller.username(), true);
        if (!presented.recoveryCodeUsed()) {
            return Response.seeOther(URI.create(goOn)).cookie(renewed.cookie()).build();
        }
        return Response.ok(new RecoveryCodeUsedPage(renewed.viewer(), presented.recoveryCodesLeft(), goOn))
                .cookie(renewed.cookie())
                .build();
    }

    /** Whether this session still owes the code: one begun with two factors, or of an account without any, does not. */
    private boolean owed(ContainerRequestContext request, Caller caller) {
        return Assurance.of(request) != Assurance.TWO_FACTORS && secondFactors.enrolled(caller.username());
    }

    private static Response again(
            ContainerRequestContext request, boolean byRecoveryCode, String next, Problem problem, String retryAfter) {
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new CodePage(Screens.viewer(request), byRecoveryCode).refused(sent(next), problem));
        return retryAfter == null
                ? answer.build()
                : answer.header("Retry-After", retryAfter).build();
    }

    /** A wrong code in the page's words (the service's name the field, not what to do about it). */
    private static Problem worded(Problem problem, String field) {
        if (problem.status() != 401) {
            return problem;
        }
        String reason = "code".equals(field)
                ? "The code is not right. Enter the code your app shows now: each code works once"
                : "The recovery code is not right, or has been used";
        return problem(401, field, reason);
    }

    private static Problem problem(int status, String field, String reason) {
        return new Problem(
                "about:blank", Problems.title(status), status, reason, List.of(new FieldError(field, reason)), null);
    }

    private static MultivaluedMap<String, String> sent(String next) {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle("next", SignInResource.returnTo(next));
        return values;
    }

    /** The second step's form: the authenticator's code, or a recovery code. */
    public static final class CodePage extends Page {
        private final boolean recovery;

        CodePage(Viewer viewer, boolean recovery) {
            super("secondfactor/code.ftlh", viewer, recovery ? "Enter a recovery code" : "Enter your code");
            this.recovery = recovery;
        }

        public boolean isRecovery() {
            return recovery;
        }
    }

    /** Signed in with a recovery code: how many are left, and where to go on to. */
    public static final class RecoveryCodeUsedPage extends Page {
        private final int left;
        private final String next;

        RecoveryCodeUsedPage(Viewer viewer, int left, String next) {
            super("secondfactor/recovery-code-used.ftlh", viewer, "You used a recovery code");
            this.left = left;
            this.next = next;
        }

        public int getLeft() {
            return left;
        }

        public boolean isFewLeft() {
            return left < FEW_RECOVERY_CODES;
        }

        public String getNext() {
            return next;
        }
    }
}
