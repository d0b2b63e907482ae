package org.desist.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty refuses before a request reaches the API — an address it will not decode ({@code %2e%2e},
 * {@code %00}, a lone {@code %}), a method Dropwizard does not allow (TRACE, PROPFIND), a request line
 * or headers it cannot parse or that are too long — answered as problem+json like every other refusal,
 * for every method, instead of Jetty's HTML page (or an empty body). Jetty's own message is not
 * echoed: it can quote the input.
 */
public class ProblemErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // Jetty writes a page for GET, POST and HEAD only: a refused TRACE would get no body
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    /** A request Jetty's parser rejected, before there is a request to dispatch. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int status) {
        Problem problem = new Problem("about:blank", title(status), status, detail(status), List.of(), null);
        try {
            return TrailingNewline.ended(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String title(int status) {
        String title = Problems.title(status);
        return title.equals("Error") && HttpStatus.getMessage(status) != null ? HttpStatus.getMessage(status) : title;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request line, address or headers could not be read";
            case 404 -> "No resource at this address";
            case 405 -> "This address does not accept that method";
            case 413 -> "The request is too large";
            case 414 -> "The address is too long";
            case 431 -> "The request headers are too large";
            default -> title(status);
        };
    }
}
