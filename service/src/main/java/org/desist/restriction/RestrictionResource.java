package org.desist.restriction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

@Path("/participants/{id}/restriction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Restriction of processing")
public class RestrictionResource {
    private final Restrictions restrictions;

    public RestrictionResource(Restrictions restrictions) {
        this.restrictions = restrictions;
    }

    @POST
    @Requires(Action.RESTRICTION)
    @Operation(
            operationId = "restrictProcessing",
            summary = "Restrict processing of the case",
            description = "While restricted, every write of the case is 409 and nothing changes; only the DPO may"
                    + " read it (GET /participants/{id}, which then shows `restricted` and the purpose, and the"
                    + " subject-access export), each read audited with the purpose; anyone else's read is 403."
                    + " Audited as `restrict` with the purpose.")
    @ApiResponse(
            responseCode = "201",
            description = "Restricted",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Restriction.class)))
    @ApiResponse(responseCode = "409", description = "The case is restricted already. Nothing changed.")
    public Response restrict(
            @PathParam("id") String id,
            @NotNull @Valid NewRestriction request,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Response.created(uri.getAbsolutePath())
                .entity(restrictions.restrict(caller, id, request))
                .build();
    }

    @POST
    @Path("/lift")
    @Requires(Action.RESTRICTION)
    @Operation(
            operationId = "liftRestriction",
            summary = "Lift the restriction of processing",
            description = "The case may be read and written as before. Audited as `restriction_lift` with the"
                    + " restriction's purpose. The lifted restriction is kept as the case's history.")
    @ApiResponse(responseCode = "409", description = "The case is not restricted. Nothing changed.")
    public Restriction lift(@PathParam("id") String id, @Context Caller caller) {
        return restrictions.lift(caller, id);
    }
}
