package org.desist.victimsafety;

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

@Path("/participants/{id}/victim-safety")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Victim safety")
public class VictimSafetyResource {
    private final RecordKeeper<VictimSafetyConcern, NewVictimSafetyConcern> concerns;

    public VictimSafetyResource(RecordKeeper<VictimSafetyConcern, NewVictimSafetyConcern> concerns) {
        this.concerns = concerns;
    }

    @POST
    @Requires(Action.VICTIM_SAFETY_RECORD)
    @Operation(
            operationId = "recordVictimSafetyConcern",
            summary = "Record a concern for the victim's safety",
            description = "Raised by the victim advocate,"
                    + " with the action taken. The victim is named only by a referral's victimRef.")
    public Response record(
            @PathParam("id") String participantId,
            @NotNull @Valid NewVictimSafetyConcern body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(concerns.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.VICTIM_SAFETY_READ)
    @Operation(operationId = "listVictimSafetyConcerns", summary = "The case's concerns, newest first")
    public Page<VictimSafetyConcern> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                concerns.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.VICTIM_SAFETY_READ)
    @Operation(operationId = "getVictimSafetyConcern", summary = "One victim-safety concern")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(concerns.read(caller, participantId, id));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.VICTIM_SAFETY_RECORD)
    @Operation(
            operationId = "amendVictimSafetyConcern",
            summary = "Amend a victim-safety concern",
            description =
                    "Merge patch. Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier"
                            + " version is kept in the history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewVictimSafetyConcern.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                concerns.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.VICTIM_SAFETY_READ)
    @Operation(
            operationId = "getVictimSafetyConcernHistory",
            summary = "Every version of a victim-safety concern, oldest first")
    public History<VictimSafetyConcern> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(concerns.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.VICTIM_SAFETY_RECORD)
    @Operation(
            operationId = "markVictimSafetyConcernEnteredInError",
            summary = "Mark a victim-safety concern entered in error",
            description = "Kept, not deleted; it drops out of" + " figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                concerns.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
