package org.desist.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** Who is on a case: its team now and before, allocating a part and ending an allocation. */
@Path("/participants/{id}/team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Case team")
public class TeamResource {
    private final CaseTeams teams;

    public TeamResource(CaseTeams teams) {
        this.teams = teams;
    }

    @GET
    @Requires(Action.TEAM_READ)
    @Operation(
            operationId = "getCaseTeam",
            summary = "The case's team now, and its ended allocations",
            description = "`current`: the open allocations, one per part at most; `ended`: the history, latest"
                    + " ended first. Audited as a read (resource `case_team`).")
    public CaseTeam get(@PathParam("id") String id, @Context Caller caller) {
        return teams.read(caller, id);
    }

    @POST
    @Requires(Action.TEAM_ALLOCATE)
    @Operation(
            operationId = "allocateToCaseTeam",
            summary = "Allocate an account to a part on the case",
            description = "The account must be enabled, work at the case's site and hold the Desist role the part"
                    + " needs (key_worker: clinician, responsible_officer: probation, advocate: advocate,"
                    + " police_contact: police, cps_lawyer: cps), else 422 on `username`. A part the case holds"
                    + " already ends the day before `from` (its row is kept as history); `from` must then be after"
                    + " that allocation began (422).")
    @ApiResponse(
            responseCode = "201",
            description = "Allocated: the allocation; `Location` is the case's team, where it is listed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Allocation.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The account holds the part on the case already, or another allocation of the part was"
                    + " made at the same moment. Nothing changed.")
    public Response allocate(
            @PathParam("id") String id,
            @NotNull @Valid NewAllocation request,
            @Context UriInfo uri,
            @Context Caller caller) {
        Allocation made = teams.allocate(caller, id, request);
        return Response.created(uri.getAbsolutePath()).entity(made).build();
    }

    @POST
    @Path("/{allocationId}/end")
    @Requires(Action.TEAM_ALLOCATE)
    @Operation(
            operationId = "endCaseTeamAllocation",
            summary = "End an allocation",
            description = "`to` is its last day, not before it began (422). The row stays, as history.")
    @ApiResponse(responseCode = "409", description = "The allocation has ended already")
    public Allocation end(
            @PathParam("id") String id,
            @PathParam("allocationId") String allocationId,
            @NotNull @Valid AllocationEnd request,
            @Context Caller caller) {
        return teams.end(caller, id, allocationId, request);
    }
}
