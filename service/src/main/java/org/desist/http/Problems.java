package org.desist.http;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the one place their shape is decided. */
public final class Problems {
    private Problems() {}

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    public static Response response(int status, String detail, List<FieldError> errors) {
        return response(new Problem("about:blank", title(status), status, detail, errors, null));
    }

    public static Response withHeader(Response response, String name, String value) {
        return Response.fromResponse(response).header(name, value).build();
    }

    public static String title(int status) {
        if (status == 413) {
            return "Content Too Large"; // RFC 9110's name; JAX-RS still has the older "Request Entity Too Large"
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
