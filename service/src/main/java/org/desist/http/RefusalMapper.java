package org.desist.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;

/** The domain's refusals as problem+json: the one place a kind of refusal gets its status. */
public class RefusalMapper implements ExceptionMapper<Refusal> {
    private static final Refusal.Kinds<Problem> PROBLEMS = new Refusal.Kinds<>() {
        @Override
        public Problem notFound(Refusal.NotFound refusal) {
            return problem(404, refusal);
        }

        @Override
        public Problem conflict(Refusal.Conflict refusal) {
            return new Problem(
                    "about:blank",
                    Problems.title(409),
                    409,
                    refusal.getMessage(),
                    errors(refusal),
                    null,
                    refusal.matches(),
                    null,
                    null);
        }

        @Override
        public Problem invalid(Refusal.Invalid refusal) {
            return problem(422, refusal);
        }

        @Override
        public Problem badParameter(Refusal.BadParameter refusal) {
            return problem(400, refusal);
        }

        @Override
        public Problem forbidden(Refusal.Forbidden refusal) {
            return problem(403, refusal);
        }

        @Override
        public Problem mergedInto(Refusal.MergedInto refusal) {
            return new Problem(
                    "about:blank",
                    Problems.title(410),
                    410,
                    refusal.getMessage(),
                    List.of(),
                    null,
                    List.of(),
                    refusal.survivorId(),
                    refusal.survivorCaseRef());
        }

        @Override
        public Problem staleVersion(Refusal.StaleVersion refusal) {
            return problem(412, refusal);
        }

        @Override
        public Problem versionRequired(Refusal.VersionRequired refusal) {
            return problem(428, refusal);
        }

        @Override
        public Problem unavailable(Refusal.Unavailable refusal) {
            return problem(503, refusal);
        }

        @Override
        public Problem throttled(Refusal.Throttled refusal) {
            return problem(429, refusal);
        }

        @Override
        public Problem unauthenticated(Refusal.Unauthenticated refusal) {
            return problem(401, refusal);
        }
    };

    @Override
    public Response toResponse(Refusal refusal) {
        Response response = Problems.response(problem(refusal));
        if (refusal instanceof Refusal.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return Problems.withHeader(response, "Retry-After", Long.toString(seconds));
        }
        if (refusal instanceof Refusal.Unauthenticated) {
            return ProblemUnauthorizedHandler.challenged(response);
        }
        return response;
    }

    /** The body the refusal is answered with. */
    public static Problem problem(Refusal refusal) {
        return refusal.accept(PROBLEMS);
    }

    private static Problem problem(int status, Refusal refusal) {
        return new Problem("about:blank", Problems.title(status), status, refusal.getMessage(), errors(refusal), null);
    }

    private static List<FieldError> errors(Refusal refusal) {
        return refusal.fields().stream().map(RefusalMapper::error).toList();
    }

    private static FieldError error(FieldReason field) {
        return new FieldError(field.field(), field.reason());
    }
}
