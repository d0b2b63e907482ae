package org.desist.audit.trail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditRecord;
import org.desist.auth.Caller;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;

/**
 * "Who looked at this person's record, and why?" Reading the log is itself logged. An administrator bound to
 * sites reads only the rows within them: about their sites' participants, about accounts within their sites,
 * and what those accounts did that names no participant.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {
    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Requires(Action.AUDIT_READ)
    @Operation(
            operationId = "searchAudit",
            summary = "Search the audit log, newest first",
            description =
                    "`from`/`to` filter on the day (in UTC,"
                            + " as the log's times are) a row was written. An administrator bound to sites finds only the rows about"
                            + " their sites' participants and about accounts within their sites, and those accounts' other rows.")
    public Page<AuditRecord> search(
            @QueryParam("participantId") String participantId,
            @QueryParam("username") String username,
            @Parameter(description = "Only rows of this action") @QueryParam("action") AuditAction action,
            @BeanParam DateRange dates,
            @Parameter(description = "Only rows older than this seq; `next` links use it") @QueryParam("before") @Min(1)
                    Long before,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        List<AuditRecord> rows = trail.search(
                caller, participantId, username, action, dates.ordered().period(), before, paging.request());
        if (rows.size() <= paging.getLimit()) {
            return new Page<>(rows, null);
        }
        // The log grows while it is read (this very read adds a row): page by seq, not by offset.
        List<AuditRecord> page = rows.subList(0, paging.getLimit());
        URI next = uri.getRequestUriBuilder()
                .replaceQueryParam("offset")
                .replaceQueryParam("before", page.get(page.size() - 1).seq())
                .build();
        return new Page<>(List.copyOf(page), next.getRawPath() + "?" + next.getRawQuery());
    }
}
