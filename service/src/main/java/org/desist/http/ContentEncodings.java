package org.desist.http;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * Jetty inflates a body sent with {@code Content-Encoding: gzip}; one that is not gzip at all fails while
 * it is read, with Jetty's RuntimeException around a ZipException, which would otherwise be a 500. It is
 * the client's mistake: 400 naming the header.
 */
public class ContentEncodings implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ZipException || cause instanceof DataFormatException) {
                    throw new ProblemException(
                            400,
                            "Bad Request",
                            "The request body is not encoded as its Content-Encoding says",
                            List.of(new FieldError("Content-Encoding", "does not match the body")));
                }
            }
            throw e;
        }
    }
}
