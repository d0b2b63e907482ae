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

/** The data protection officer's decision on a case due for review: retain it until a day, or dispose of it. */
@Path("/participants/{id}/retention-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class RetentionDecisionResource {
    private final RetentionService retention;

    public RetentionDecisionResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Requires(Action.RETENTION_DECIDE)
    @Operation(
            operationId = "decideRetention",
            summary = "Retain a case due for review until a day, or dispose of it",
            description = "`retain` needs `until` (after today: the case comes up again that day) and `reason`;"
                    + " `dispose` takes neither (422 otherwise). Disposal erases the identity and every record's"
                    + " content and versions in one transaction and keeps a content-free record (docs/"
                    + "data-protection.md). Audited as `retain` or `dispose`.")
    @ApiResponse(
            responseCode = "201",
            description = "Decided: the decision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetentionDecision.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The case is open, not due for review, under a legal hold (named), or disposed of"
                    + " already (another disposal won). Nothing changed.")
    public Response decide(
            @PathParam("id") String id,
            @NotNull @Valid NewRetentionDecision request,
            @Context UriInfo uri,
            @Context Caller caller) {
        RetentionDecision made = retention.decide(caller, id, request);
        return Response.created(uri.getAbsolutePath()).entity(made).build();
    }
}
