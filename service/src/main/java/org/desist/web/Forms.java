package org.desist.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;
import org.desist.http.Problem;
import org.desist.http.ProblemException;
import org.desist.http.RefusalMapper;
import org.desist.refusal.Refusal;

/**
 * What every form's POST does: try the change; if the service refuses it (the API's 4xx: a field at fault, a
 * conflict, a stale version), show the same form again with the problem, at the API's status, having saved
 * nothing. Anything else is not the form's fault and goes to {@link PageErrorMapper}.
 */
public final class Forms {
    private Forms() {}

    public static Response submit(Supplier<Response> change, Function<Problem, Page> formAgain) {
        Problem problem;
        try {
            return change.get();
        } catch (FormBinding.FormRejected rejected) {
            problem = rejected.problem();
        } catch (Refusal refusal) {
            if (refusal instanceof Refusal.NotFound || refusal instanceof Refusal.MergedInto) {
                throw refusal; // the page itself is gone: no form to show again
            }
            problem = RefusalMapper.problem(refusal);
        } catch (ProblemException refused) {
            problem = refused.toProblem();
        }
        return Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(formAgain.apply(problem))
                .build();
    }
}
