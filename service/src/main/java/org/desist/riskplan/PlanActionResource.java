package org.desist.riskplan;

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

@Path("/participants/{id}/risk-plan/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk management plan")
public class PlanActionResource {
    private final RecordKeeper<PlanAction, NewPlanAction> actions;

    public PlanActionResource(RecordKeeper<PlanAction, NewPlanAction> actions) {
        this.actions = actions;
    }

    @POST
    @Requires(Action.PLAN_ACTION_RECORD)
    @Operation(
            operationId = "addPlanAction",
            summary = "Add an action to the risk management plan",
            description =
                    "Who (agency, owner) does what"
                            + " by when; dueOn and reviewOn may lie ahead but not before the participant's referral. Starts open.")
    public Response add(
            @PathParam("id") String participantId,
            @NotNull @Valid NewPlanAction body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(actions.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.PLAN_ACTION_READ)
    @Operation(
            operationId = "listPlanActions",
            summary = "The plan's actions, latest due first",
            description = "`from`/`to` filter on dueOn;" + " `overdue` marks open actions due before today.")
    public Page<PlanAction> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                actions.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.PLAN_ACTION_READ)
    @Operation(operationId = "getPlanAction", summary = "One action of the plan")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(actions.read(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/transitions")
    @Requires(Action.PLAN_ACTION_RECORD)
    @Operation(
            operationId = "closePlanAction",
            summary = "Mark an action done or dropped",
            description = "open → done | dropped, once, with the date and the reason. Other moves are 409; a date"
                    + " in the future or before the participant's referral is 422.")
    public Response close(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @NotNull @Valid PlanActionTransition transition,
            @Context Caller caller) {
        return RecordResponses.ok(
                actions.progress(caller, participantId, id, PlanActions.close(transition, caller.username())));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.PLAN_ACTION_RECORD)
    @Operation(
            operationId = "amendPlanAction",
            summary = "Amend an action of the plan",
            description = "Merge patch of what was agreed (not its"
                    + " state: that moves by transitions). Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier version is kept in the"
                    + " history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewPlanAction.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                actions.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.PLAN_ACTION_READ)
    @Operation(operationId = "getPlanActionHistory", summary = "Every version of an action of the plan, oldest first")
    public History<PlanAction> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(actions.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.PLAN_ACTION_RECORD)
    @Operation(
            operationId = "markPlanActionEnteredInError",
            summary = "Mark an action of the plan entered in error",
            description = "Kept, not deleted; it drops" + " out of figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                actions.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
