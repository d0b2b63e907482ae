package org.desist.http;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A refusal the HTTP layer explains to the client (a filter, a parameter, a header): {@link ProblemExceptionMapper}
 * writes it as problem+json. Services refuse in the domain's words instead ({@link org.desist.refusal.Refusal}).
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badParameter(String parameter, String reason) {
        return new ProblemException(
                Status.BAD_REQUEST.getStatusCode(),
                "Bad Request",
                parameter + " " + reason,
                List.of(new FieldError(parameter, reason)));
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors, null);
    }
}
