package org.desist.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.Arrays;

/**
 * JSON answers end with a newline, as text should, so a terminal's prompt never lands on their last line
 * and line-oriented tools see a complete line. Runs inside any content coding (default priority), so the
 * newline is compressed with the rest.
 */
public class TrailingNewline implements WriterInterceptor {
    static final int NEWLINE = '\n';

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.proceed();
        if (isJson(context.getMediaType())) {
            context.getOutputStream().write(NEWLINE);
        }
    }

    public static boolean isJson(MediaType type) {
        return type != null
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** The same rule for the few JSON bodies written outside Jersey (Jetty's own errors, the health check). */
    public static byte[] ended(byte[] json) {
        byte[] withNewline = Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = NEWLINE;
        return withNewline;
    }
}
