package org.desist.enrolment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;

@Path("/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolments")
public class EnrolmentResource {
    private final EnrolmentService enrolments;

    public EnrolmentResource(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @POST
    @Requires(Action.ENROLMENT_OPEN)
    @Operation(
            operationId = "openEnrolment",
            summary = "Enrol a participant in a cohort",
            description = "Starts in state `referred`. 409 when the participant already has an open enrolment"
                    + " or the daily review has not accepted them for intervention.")
    @ApiResponse(
            responseCode = "409",
            description = "The participant already has an open enrolment, or the daily"
                    + " review has not accepted them for intervention")
    public Response open(@NotNull @Valid NewEnrolment request, @Context UriInfo uri, @Context Caller caller) {
        Enrolment enrolment = enrolments.open(caller, request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(enrolment.id()).build())
                .entity(enrolment)
                .build();
    }

    @GET
    @Requires(Action.ENROLMENT_READ)
    @Operation(
            operationId = "listEnrolments",
            summary = "List enrolments, oldest first",
            description = "`from`/`to` filter on the date of the"
                    + " latest move (the opening date until the first move), so `state=enrolled&from=...` finds those enrolled"
                    + " since a day. `participantId` lists one participant's enrolments.")
    public Page<Enrolment> list(
            @QueryParam("cohortId") String cohortId,
            @QueryParam("participantId") String participantId,
            @QueryParam("state") EnrolmentState state,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                enrolments.list(
                        caller, cohortId, participantId, state, dates.ordered().period(), paging.request()),
                paging,
                uri);
    }

    @GET
    @Path("/{id}")
    @Requires(Action.ENROLMENT_READ)
    @Operation(operationId = "getEnrolment", summary = "One enrolment with its full history")
    public Enrolment get(@PathParam("id") String id, @Context Caller caller) {
        return enrolments.read(caller, id);
    }

    @POST
    @Path("/{id}/transitions")
    @Requires(Action.ENROLMENT_MOVE)
    @Operation(
            operationId = "moveEnrolment",
            summary = "Move an enrolment to another state",
            description = "referred → assessing | withdrawn; assessing → enrolled | not_suitable | withdrawn;"
                    + " enrolled → completed | withdrawn | disengaged | breached | transferred."
                    + " Other moves are 409; a move dated before the previous one is 422.")
    @ApiResponse(responseCode = "409", description = "The lifecycle does not allow this move from the current state")
    public Enrolment move(@PathParam("id") String id, @NotNull @Valid Transition transition, @Context Caller caller) {
        return enrolments.move(caller, id, transition);
    }
}
