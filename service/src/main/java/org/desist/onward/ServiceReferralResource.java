package org.desist.onward;

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

@Path("/participants/{id}/service-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Onward referrals")
public class ServiceReferralResource {
    private final RecordKeeper<ServiceReferral, NewServiceReferral> referrals;

    public ServiceReferralResource(RecordKeeper<ServiceReferral, NewServiceReferral> referrals) {
        this.referrals = referrals;
    }

    @POST
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    @Operation(
            operationId = "makeServiceReferral",
            summary = "Make an onward referral",
            description = "To mental health (community_mental_health_team,"
                    + " talking_therapies, inpatient), substance misuse (drug, alcohol) or other support (housing,"
                    + " employment, domestic_abuse_programme); `other` fits every service. Starts in state `made`.")
    public Response make(
            @PathParam("id") String participantId,
            @NotNull @Valid NewServiceReferral body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(referrals.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.SERVICE_REFERRAL_READ)
    @Operation(
            operationId = "listServiceReferrals",
            summary = "The case's onward referrals, newest first, each with its history")
    public Page<ServiceReferral> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                referrals.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.SERVICE_REFERRAL_READ)
    @Operation(operationId = "getServiceReferral", summary = "One onward referral with its history")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(referrals.read(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/transitions")
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    @Operation(
            operationId = "moveServiceReferral",
            summary = "Move an onward referral to another state",
            description = "made → accepted | declined; accepted → engaged | disengaged; engaged → completed |"
                    + " disengaged. Other moves are 409; a move in the future, before the participant's referral"
                    + " or before the previous move is 422.")
    public Response move(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @NotNull @Valid ServiceReferralTransition transition,
            @Context Caller caller) {
        return RecordResponses.ok(
                referrals.progress(caller, participantId, id, ServiceReferrals.move(transition, caller.username())));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    @Operation(
            operationId = "amendServiceReferral",
            summary = "Amend an onward referral",
            description =
                    "Merge patch of what was made (not its state:"
                            + " that moves by transitions). Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier version is kept in the history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewServiceReferral.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                referrals.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.SERVICE_REFERRAL_READ)
    @Operation(operationId = "getServiceReferralHistory", summary = "Every version of an onward referral, oldest first")
    public History<ServiceReferral> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(referrals.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.SERVICE_REFERRAL_RECORD)
    @Operation(
            operationId = "markServiceReferralEnteredInError",
            summary = "Mark an onward referral entered in error",
            description = "Kept, not deleted; it drops out" + " of figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                referrals.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
