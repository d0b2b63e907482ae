package org.desist.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** When someone leaves or moves: all their parts on a site's cases go to another account at once. */
@Path("/sites/{code}/team-reallocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Case team")
public class ReallocationResource {
    private final CaseTeams teams;

    public ReallocationResource(CaseTeams teams) {
        this.teams = teams;
    }

    @POST
    @Requires(Action.TEAM_REALLOCATE)
    @Operation(
            operationId = "reallocateCaseTeams",
            summary = "Move every open allocation of one account at the site to another",
            description = "In one transaction: each open allocation of `from` on a case of the site ends the day"
                    + " before `on` and `to` takes the part from `on`. All move or none: 422 on `to` when it cannot"
                    + " take one of the parts (its role, a disabled account, another site), on `on` when an allocation"
                    + " began on or after it. Each allocation ended and made is audited (resource `case_team`)."
                    + " A site outside the caller's is 404.")
    public Reallocated reallocate(
            @PathParam("code") String code, @NotNull @Valid Reallocation request, @Context Caller caller) {
        return teams.reallocate(caller, code, request);
    }
}
