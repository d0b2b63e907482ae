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

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.fromResponse(Problems.response(
                        401, "Send valid credentials: HTTP Basic, or a Bearer token from POST /api/tokens", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"")
                .build();
    }
}
