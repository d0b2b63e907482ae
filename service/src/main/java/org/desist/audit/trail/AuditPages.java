package org.desist.audit.trail;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditRecord;
import org.desist.auth.Caller;
import org.desist.http.DateRange;
import org.desist.http.ProblemException;
import org.desist.listing.PageRequest;
import org.desist.web.Screens;

/**
 * The audit log for administrators: the filters of GET /api/audit as a GET form, its answer as a table, paged
 * by seq as the API pages it (the log grows while it is read: this very read adds a row).
 */
@Hidden
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {
    static final int PAGE = 50;

    private final AuditTrail trail;

    public AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Requires(Action.AUDIT_READ)
    public Response search(
            @QueryParam("username") String username,
            @QueryParam("participantId") String participantId,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("before") String before,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        MultivaluedMap<String, String> filters = new MultivaluedHashMap<>();
        put(filters, "username", username);
        put(filters, "participantId", participantId);
        put(filters, "action", action);
        put(filters, "from", from);
        put(filters, "to", to);
        AuditPage page = new AuditPage(Screens.viewer(request), filters);
        try {
            DateRange days = new DateRange(date("from", from), date("to", to)).ordered();
            List<AuditRecord> rows = trail.search(
                    caller,
                    blankToNull(participantId),
                    blankToNull(username),
                    action(action),
                    days.period(),
                    seq(before),
                    new PageRequest(PAGE, 0));
            return Response.ok(page.showing(rows, PAGE)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page.refused(filters, refused.toProblem()))
                    .build();
        }
    }

    private static void put(MultivaluedMap<String, String> filters, String name, String value) {
        if (value != null && !value.isBlank()) {
            filters.putSingle(name, value.strip());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A date as the API's query parameter reads it; the API answers 400 to one it cannot read, so does the page. */
    private static LocalDate date(String name, String value) {
        String text = blankToNull(value);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be a date as yyyy-mm-dd");
        }
    }

    private static AuditAction action(String value) {
        String text = blankToNull(value);
        try {
            return text == null ? null : AuditAction.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("action", "must be one of the actions listed");
        }
    }

    private static Long seq(String before) {
        String text = blankToNull(before);
        try {
            Long seq = text == null ? null : Long.valueOf(text);
            if (seq != null && seq < 1) {
                throw ProblemException.badParameter("before", "must be at least 1");
            }
            return seq;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("before", "must be a number");
        }
    }
}
