package org.desist.http;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A refusal the domain explains to the client: the service throws it, {@link ProblemExceptionMapper}
 * writes it as problem+json. Nothing has been written when it is thrown inside a transaction.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final List<MatchedParticipant> matches;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, List.of());
    }

    /** A refusal that lists the records the request matched, for those who may see them. */
    protected ProblemException(int status, String title, String detail, List<FieldError> errors,
                               List<MatchedParticipant> matches) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.matches = List.copyOf(matches);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not Found", "No " + what + " with id '" + id + "'", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(422, "Unprocessable Content", field + " " + reason,
                List.of(new FieldError(field, reason)));
    }

    public static ProblemException badParameter(String parameter, String reason) {
        return new ProblemException(Status.BAD_REQUEST.getStatusCode(), "Bad Request", parameter + " " + reason,
                List.of(new FieldError(parameter, reason)));
    }

    /** The participant was merged into another: 410, naming the survivor (only to a caller who may see it). */
    public static ProblemException mergedInto(String id, String survivorId, String survivorCaseRef) {
        return new Merged(id, survivorId, survivorCaseRef);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors, null, matches, null, null);
    }

    private static final class Merged extends ProblemException {
        private final String survivorId;
        private final String survivorCaseRef;

        Merged(String id, String survivorId, String survivorCaseRef) {
            super(410, "Gone", "Participant " + id + " was merged into " + survivorCaseRef + " (" + survivorId
                    + "), which now holds the whole case: use that participant", List.of());
            this.survivorId = survivorId;
            this.survivorCaseRef = survivorCaseRef;
        }

        @Override
        public Problem toProblem() {
            return new Problem("about:blank", "Gone", 410, getMessage(), List.of(), null, List.of(), survivorId, survivorCaseRef);
        }
    }
}
