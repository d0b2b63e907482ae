package org.desist.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Request bodies are bounded: the largest a client has reason to send is a JSON record with free-text
 * notes, a few kilobytes. A body over {@link #MAX_BYTES} is refused with 413 before anything is written:
 * at once, from Content-Length, when the client declares it (before authentication, so no password is
 * checked for it); otherwise (a chunked body) as soon as more than the limit has been read, so at most
 * the limit and one buffer is ever held, never the whole body.
 *
 * <p>The filter puts a counting stream in front of the body; the interceptor turns the stream's
 * overflow into the problem answer around whichever reader parses the body (Jackson for JSON), which
 * passes a plain {@link IOException} through rather than reporting it as a bad field.
 */
@PreMatching
@Priority(3)
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {
    /** 1 MiB: a hundred times the largest legitimate body, and small enough to hold for a moment. */
    public static final long MAX_BYTES = 1024 * 1024;

    public static final String DETAIL = "The request body is larger than the limit of " + MAX_BYTES + " bytes (1 MiB)";

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared.strip())) {
            throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), MAX_BYTES));
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (e instanceof WebApplicationException) {
                throw e;
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Overflow) {
                    throw tooLarge();
                }
            }
            throw e;
        }
    }

    /** Jetty has already refused a Content-Length that is not a number; one too long for a long is over too. */
    private static boolean isOver(String declared) {
        if (declared.isEmpty() || !declared.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return declared.length() > 18 || Long.parseLong(declared) > MAX_BYTES;
    }

    static ProblemException tooLarge() {
        return new ProblemException(413, "Content Too Large", DETAIL, List.of());
    }

    /** Thrown by the stream once more than the limit has been read. */
    private static final class Overflow extends IOException {
        Overflow() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    /** Counts what is read and fails, with {@link Overflow}, once the count passes the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                counted(skipped);
            }
            return skipped;
        }

        private void counted(long n) throws Overflow {
            count += n;
            if (count > limit) {
                throw new Overflow();
            }
        }
    }
}
