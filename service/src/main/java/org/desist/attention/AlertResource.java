package org.desist.attention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {
    private final AlertInbox inbox;

    public AlertResource(AlertInbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @Requires(Action.ALERT_READ)
    @Operation(
            operationId = "listAlerts",
            summary = "The caller's alerts, newest first",
            description =
                    "Alerts the caller was told of (as a member of the case's team, or as a reviewer of its"
                            + " site), of cases at the caller's sites. `state`: open (not yet acknowledged by the caller),"
                            + " acknowledged (by the caller, not yet cleared) or cleared. An alert holds no free text: the"
                            + " rule, the case, the kind of record and its date; the record's id only for a role that may read"
                            + " that kind. `participantId` lists one case's; `from`/`to` filter on the day it was raised (London).")
    @ApiResponse(responseCode = "404", description = "`participantId` names no case at the caller's sites")
    public Page<Alert> list(
            @Parameter(description = "open (default), acknowledged or cleared")
                    @QueryParam("state")
                    @DefaultValue("open")
                    AlertState state,
            @QueryParam("participantId") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                inbox.list(caller, state, participantId, dates.ordered().period(), paging.request()), paging, uri);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Requires(Action.ALERT_ACKNOWLEDGE)
    @Operation(
            operationId = "acknowledgeAlert",
            summary = "Acknowledge an alert, with a note",
            description = "The note is the caller's own record of what they did, shown to nobody else. Once everyone"
                    + " told has acknowledged an incident, a session concern, a raised risk or a victim-safety"
                    + " concern, its alert is cleared; the other rules clear when their condition ends.")
    @ApiResponse(responseCode = "404", description = "No alert of this id was told to the caller")
    @ApiResponse(responseCode = "409", description = "Already acknowledged by the caller, or cleared")
    public Alert acknowledge(
            @PathParam("id") String id, @NotNull @Valid NewAcknowledgement body, @Context Caller caller) {
        return inbox.acknowledge(caller, id, body.note());
    }
}
