package org.desist.http;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** 401 as problem+json, naming both schemes the API accepts. The same body whatever went wrong. */
public class ProblemUnauthorizedHandler implements UnauthorizedHandler {
    /** The protection space both schemes name (RFC 9110, 11.5). */
    private static final String REALM = "desist";

    /** The 401 every refused sign-in answers, wherever it is refused. */
    public static WebApplicationException refusal() {
        return new WebApplicationException(new ProblemUnauthorizedHandler().buildResponse(BasicHeader.SCHEME, REALM));
    }

    /** A 401 that says what the credentials offered lack (a second factor), with the same challenges. */
    public static WebApplicationException refusal(String detail) {
        return new WebApplicationException(challenged(Problems.response(401, detail, List.of())));
    }

    /** The response with both schemes' challenges, as every 401 carries them. */
    public static Response challenged(Response problem) {
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"")
                .build();
    }

    @Override
    public Response buildResponse(String prefix, String realm) {
        return challenged(Problems.response(
                401, "Send valid credentials: HTTP Basic, or a Bearer token from POST /api/tokens", List.of()));
    }
}
