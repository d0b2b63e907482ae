package org.desist.incident;

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

@Path("/participants/{id}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
public class IncidentResource {
    private final RecordKeeper<Incident, NewIncident> incidents;

    public IncidentResource(RecordKeeper<Incident, NewIncident> incidents) {
        this.incidents = incidents;
    }

    @POST
    @Requires(Action.INCIDENT_RECORD)
    @Operation(
            operationId = "recordIncident",
            summary = "Record an incident",
            description = "A breach, new allegation, contact with the victim,"
                    + " arrest, charge or conviction. After exit it counts toward reoffending.")
    public Response record(
            @PathParam("id") String participantId,
            @NotNull @Valid NewIncident body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(incidents.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.INCIDENT_READ)
    @Operation(operationId = "listIncidents", summary = "The case's incidents, newest first")
    public Page<Incident> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                incidents.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.INCIDENT_READ)
    @Operation(operationId = "getIncident", summary = "One incident")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(incidents.read(caller, participantId, id));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.INCIDENT_RECORD)
    @Operation(
            operationId = "amendIncident",
            summary = "Amend an incident",
            description =
                    "Merge patch. Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier"
                            + " version is kept in the history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewIncident.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                incidents.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.INCIDENT_READ)
    @Operation(operationId = "getIncidentHistory", summary = "Every version of an incident, oldest first")
    public History<Incident> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(incidents.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.INCIDENT_RECORD)
    @Operation(
            operationId = "markIncidentEnteredInError",
            summary = "Mark an incident entered in error",
            description = "Kept, not deleted; it drops out of" + " figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                incidents.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
