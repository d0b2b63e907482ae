package org.desist.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other mapper explains. A race caught by a unique index is the 409 the checked path would
 * have given. A database out of reach is 503 with Retry-After: one log line a request under its incident
 * id, and the stack trace at most once a minute, so that an outage does not bury the log. Anything else is
 * logged in full under an incident id. The client sees only the id, never a trace or a driver's words.
 */
public class ServerErrorMapper implements jakarta.ws.rs.ext.ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerErrorMapper.class);
    /** Long enough for a database restart or fail-over, short enough not to keep clients away after it. */
    static final int RETRY_AFTER_SECONDS = 30;

    private static final long TRACE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final AtomicLong lastTrace = new AtomicLong(System.nanoTime() - TRACE_EVERY_NANOS);

    @Override
    public Response toResponse(Throwable exception) {
        var conflict = DatabaseFailure.conflict(exception);
        if (conflict.isPresent()) {
            LOG.info("A unique key caught a concurrent write: {}", conflict.get());
            return Problems.response(409, conflict.get(), List.of());
        }
        String incident = UUID.randomUUID().toString();
        if (DatabaseFailure.unavailable(exception)) {
            if (traceDue()) {
                LOG.error(
                        "Incident {}: the database is unavailable ({}); the next stack trace in a minute at the"
                                + " earliest",
                        incident,
                        reason(exception),
                        exception);
            } else {
                LOG.error("Incident {}: the database is unavailable ({})", incident, reason(exception));
            }
            return Problems.withHeader(
                    Problems.response(new Problem(
                            "about:blank",
                            "Service Unavailable",
                            503,
                            "The database is unavailable just now (out of reach or overloaded); try again later, or quote"
                                    + " incident " + incident,
                            List.of(),
                            incident)),
                    HttpHeaders.RETRY_AFTER,
                    Integer.toString(RETRY_AFTER_SECONDS));
        }
        LOG.error("Incident {}", incident, exception);
        return Problems.response(new Problem(
                "about:blank",
                "Internal Server Error",
                500,
                "The service could not complete the request; quote incident " + incident,
                List.of(),
                incident));
    }

    private boolean traceDue() {
        long now = System.nanoTime();
        long last = lastTrace.get();
        return now - last >= TRACE_EVERY_NANOS && lastTrace.compareAndSet(last, now);
    }

    /**
     * The driver's reason: the outermost SQL error's state and words (a connection message names a host
     * and port, no data), else the innermost cause's kind.
     */
    private static String reason(Throwable exception) {
        Throwable root = exception;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return "SQLState " + sql.getSQLState() + ": " + sql.getMessage();
            }
            root = cause;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
