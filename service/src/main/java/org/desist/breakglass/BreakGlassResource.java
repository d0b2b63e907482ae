package org.desist.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

@Path("/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Break-glass")
public class BreakGlassResource {
    private final BreakGlass breakGlass;

    public BreakGlassResource(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    @POST
    @Requires(Action.BREAK_GLASS_OPEN)
    @Operation(
            operationId = "openByBreakGlass",
            summary = "Open a case of another site, read-only, for an hour",
            description = "For staff who read cases at their own sites and must see one elsewhere now. Give the"
                    + " case's reference and why. For an hour every GET under /participants/{id} the caller's role"
                    + " allows answers, each audited as `break_glass` with the reason as its purpose; every write is"
                    + " 403. The case's site's programme leads and every DPO are alerted at once"
                    + " (`break_glass_opened`). Audited as `break_glass` (resource `break_glass`).")
    @ApiResponse(
            responseCode = "201",
            description = "Opened: the grant, with its expiry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BreakGlassGrant.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The caller's own sites cover the case: no break-glass is needed. Nothing recorded.")
    @ApiResponse(
            responseCode = "422",
            description = "`caseReference` names no known case, or `reason` does not say why (fewer than four"
                    + " words). Nothing recorded.")
    public Response open(@NotNull @Valid NewBreakGlass request, @Context UriInfo uri, @Context Caller caller) {
        BreakGlassGrant grant = breakGlass.open(caller, request);
        return Response.created(uri.getAbsolutePath()).entity(grant).build();
    }

    @GET
    @Requires(Action.BREAK_GLASS_READ)
    @Operation(
            operationId = "listOwnBreakGlassGrants",
            summary = "One's own break-glass grants, running and expired, newest first",
            description = "`from`/`to` filter on the day (in London) each was opened.")
    public Page<BreakGlassGrant> mine(
            @BeanParam DateRange dates, @Valid @BeanParam Paging paging, @Context UriInfo uri, @Context Caller caller) {
        return Page.of(breakGlass.mine(caller, dates.ordered().period(), paging.request()), paging, uri);
    }
}
