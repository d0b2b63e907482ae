package org.desist.retention;

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

/** Legal holds, which keep a case from disposal while they are on. */
@Path("/participants/{id}/legal-holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class LegalHoldResource {
    private final RetentionService retention;

    public LegalHoldResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Requires(Action.LEGAL_HOLD)
    @Operation(
            operationId = "placeLegalHold",
            summary = "Place a legal hold on a case",
            description = "While a hold is on, the case cannot be disposed of. Audited as `legal_hold`.")
    @ApiResponse(
            responseCode = "201",
            description = "Placed: the hold",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LegalHold.class)))
    @ApiResponse(responseCode = "409", description = "The case was disposed of. Nothing changed.")
    public Response placeHold(
            @PathParam("id") String id,
            @NotNull @Valid NewLegalHold request,
            @Context UriInfo uri,
            @Context Caller caller) {
        LegalHold placed = retention.placeHold(caller, id, request);
        return Response.created(uri.getAbsolutePath()).entity(placed).build();
    }

    @POST
    @Path("/{holdId}/lift")
    @Requires(Action.LEGAL_HOLD)
    @Operation(
            operationId = "liftLegalHold",
            summary = "Lift a legal hold",
            description = "The row stays, with who lifted it and when. Audited as `legal_hold_lift`.")
    @ApiResponse(responseCode = "409", description = "The hold was lifted already, or the case disposed of")
    public LegalHold liftHold(@PathParam("id") String id, @PathParam("holdId") String holdId, @Context Caller caller) {
        return retention.liftHold(caller, id, holdId);
    }
}
