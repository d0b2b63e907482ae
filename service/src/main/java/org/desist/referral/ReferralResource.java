package org.desist.referral;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
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
import org.desist.api.DateRange;
import org.desist.api.Page;
import org.desist.api.Paging;
import org.desist.access.Action;
import org.desist.access.Caller;
import org.desist.access.Requires;

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals and the daily review")
public class ReferralResource {
    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @POST
    @Requires(Action.REFERRAL_RECEIVE)
    @Operation(operationId = "receiveReferral", summary = "Take a referral in",
            description = "Creates the participant and its case reference, or attaches to `participantId` (a participant"
                    + " of a site the caller covers; the referral is taken at `siteCode`, which the caller must also"
                    + " cover: a move of area). A `participant` who is already known is never a second case: an NHS"
                    + " number or PNC id a live participant holds is 409 naming the field (`participant.nhsNumber`,"
                    + " `participant.pncId`); the same name and date of birth (case, spacing and accents ignored,"
                    + " either way round) is 409 naming `participant`, unless `confirmedNewPerson` is true with"
                    + " `confirmedNewPersonReason` (audited as `new_person_confirmation`, the reason kept). The 409"
                    + " lists in `matches` the participants the caller may see; one at a site outside the caller's"
                    + " scope is named only by its site, with who can act on it.")
    @ApiResponse(responseCode = "409", description = "The person is already known: `errors` names the field that"
            + " matched, `matches` the participants the caller may see (id, case reference, name, date of birth,"
            + " site); a match at a site the caller cannot see is described in `detail` by its site only")
    public Response receive(@NotNull @Valid NewReferral request, @Context UriInfo uri, @Context Caller caller) {
        Referral referral = referrals.receive(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id()).build()).entity(referral).build();
    }

    @GET
    @Requires(Action.REFERRAL_READ)
    @Operation(operationId = "listReferrals", summary = "The daily review queue",
            description = "Awaiting review first, oldest first; then reviewed, high priority first and oldest first."
                    + " `from`/`to` filter on receivedOn.")
    public Page<Referral> queue(@QueryParam("siteCode") String siteCode, @QueryParam("status") ReferralStatus status,
                                @BeanParam DateRange dates, @Valid @BeanParam Paging paging, @Context UriInfo uri,
                                @Context Caller caller) {
        return Page.of(referrals.queue(caller, siteCode, status, dates.ordered(), paging), paging, uri);
    }

    @GET
    @Path("/{id}")
    @Requires(Action.REFERRAL_READ)
    @Operation(operationId = "getReferral", summary = "One referral")
    public Referral get(@PathParam("id") String id, @Context Caller caller) {
        return referrals.read(caller, id);
    }

    @POST
    @Path("/{id}/review")
    @Requires(Action.REFERRAL_REVIEW)
    @Operation(operationId = "reviewReferral", summary = "Record the daily review's priority and decision",
            description = "Optionally with the S-DASH triage screening (questions at /reference/screening-questions);"
                    + " the referral then shows its count of yes answers. A second review is 409.")
    @ApiResponse(responseCode = "409", description = "The referral has already been reviewed")
    public Referral review(@PathParam("id") String id, @NotNull @Valid NewReview review,
                           @Context Caller caller) {
        return referrals.review(caller, id, review);
    }
}
