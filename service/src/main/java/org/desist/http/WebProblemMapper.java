package org.desist.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.glassfish.jersey.server.ParamException;

/**
 * Jersey's own refusals (unknown path, wrong method, unsupported media type, unparseable parameter)
 * as problem+json. A parameter Jersey could not convert is the client's mistake: 400 naming it.
 */
public class WebProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()
                && original.getMediaType() != null
                && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
            return original;
        }
        if (exception instanceof ParamException param) {
            Throwable cause = param.getCause();
            String reason = cause instanceof IllegalArgumentException
                            && cause.getMessage() != null
                            && cause.getMessage().startsWith("must ")
                    ? cause.getMessage()
                    : "is not valid";
            String name = param.getParameterName();
            return Problems.response(400, name + " " + reason, List.of(new FieldError(name, reason)));
        }
        int status = original.getStatus();
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(status, detail(status), List.of()));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.WWW_AUTHENTICATE) || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 403 -> "Your role may not do this";
            case 404 -> "No resource at this address";
            case 405 -> "This address does not accept that method";
            case 406 -> "None of the media types in Accept can be produced here";
            case 415 -> "The request body's media type is not accepted here";
            default -> Problems.title(status);
        };
    }
}
