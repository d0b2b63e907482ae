package org.desist.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.caserecord.EnteredInError;
import org.desist.caserecord.History;
import org.desist.caserecord.RecordKeeper;
import org.desist.caserecord.RecordResponses;
import org.desist.http.ChangeReason;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;
import org.desist.http.Versions;

@Path("/participants/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionResource {
    private final RecordKeeper<Session, SessionBody> sessions;

    public SessionResource(RecordKeeper<Session, SessionBody> sessions) {
        this.sessions = sessions;
    }

    @POST
    @Requires(Action.SESSION_RECORD)
    @Operation(
            operationId = "scheduleSession",
            summary = "Schedule a session",
            description = "Individual or group therapy, psychiatric review, nurse"
                    + " contact or case consultation; it may lie ahead. Its outcome is recorded later, once.")
    public Response schedule(
            @PathParam("id") String participantId,
            @NotNull @Valid NewSession body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(sessions.create(caller, participantId, body.asBody()), uri);
    }

    @GET
    @Requires(Action.SESSION_READ)
    @Operation(
            operationId = "listSessions",
            summary = "The case's sessions, latest scheduled first",
            description = "from/to filter on the date" + " of the scheduled time in London. Notes only for clinicians.")
    public Page<Session> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                sessions.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.SESSION_READ)
    @Operation(operationId = "getSession", summary = "One session")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(sessions.read(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/outcome")
    @Requires(Action.SESSION_RECORD)
    @Operation(
            operationId = "recordSessionOutcome",
            summary = "Record a session's outcome",
            description = "Once, and not before the scheduled time;"
                    + " a second outcome is 409 (amend the first with PATCH). Engagement only when attended or late.")
    public Response outcome(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @NotNull @Valid NewOutcome body,
            @Context Caller caller) {
        return RecordResponses.ok(
                sessions.progress(caller, participantId, id, new RecordOutcome(body, caller.username())));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.SESSION_RECORD)
    @Operation(
            operationId = "amendSession",
            summary = "Amend a session",
            description =
                    "Merge patch of the schedule and, once recorded, the"
                            + " outcome (which cannot be removed). Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier version is kept.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SessionBody.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                sessions.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.SESSION_READ)
    @Operation(operationId = "getSessionHistory", summary = "Every version of a session, oldest first")
    public History<Session> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(sessions.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.SESSION_RECORD)
    @Operation(
            operationId = "markSessionEnteredInError",
            summary = "Mark a session entered in error",
            description = "Kept, not deleted; it drops out of" + " figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                sessions.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
