package org.desist.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
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

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals and the daily review")
public class ReferralResource {
    private static final String REFERRAL = """
            "siteCode": "STAC", "receivedOn": "2026-02-01", "source": "police",
            "referrer": "DC 4521 Patel, Met Police stalking unit",
            "behaviour": "Repeated unwanted messages and following the victim to work over six months",
            "victimRef": "VA-2026-0147", "legalStatus": "Released under investigation; non-molestation order in force",
            """;
    private static final String NEW_PERSON = "{" + REFERRAL + """
            "participant": {"givenName": "Daniel", "familyName": "Hale", "dateOfBirth": "1987-03-14",
                            "pncId": "2019/0012345A", "nhsNumber": "943 476 5919"}}""";
    private static final String KNOWN_PERSON = "{" + REFERRAL + """
            "participantId": "0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90"}""";
    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @POST
    @Requires(Action.REFERRAL_RECEIVE)
    @Operation(
            operationId = "receiveReferral",
            summary = "Take a referral in",
            description =
                    "Creates the participant and its case reference, or attaches to `participantId` (a participant"
                            + " of a site the caller covers; the referral is taken at `siteCode`, which the caller must also"
                            + " cover: a move of area). A `participant` who is already known is never a second case: an NHS"
                            + " number or PNC id a live participant holds is 409 naming the field (`participant.nhsNumber`,"
                            + " `participant.pncId`); the same name and date of birth (case, spacing and accents ignored,"
                            + " either way round) is 409 naming `participant`, unless `confirmedNewPerson` is true with"
                            + " `confirmedNewPersonReason` (audited as `new_person_confirmation`, the reason kept). The 409"
                            + " lists in `matches` the participants the caller may see; one at a site outside the caller's"
                            + " scope is named only by its site, with who can act on it.")
    @ApiResponse(
            responseCode = "409",
            description = "The person is already known: `errors` names the field that"
                    + " matched, `matches` the participants the caller may see (id, case reference, name, date of birth,"
                    + " site); a match at a site the caller cannot see is described in `detail` by its site only")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewReferral.class),
                            examples = {
                                // one of participant and participantId, never both (swagger UI would send both); the
                                // first by name is shown
                                @ExampleObject(
                                        name = "newPerson",
                                        summary = "A person new to the programme",
                                        value = NEW_PERSON),
                                @ExampleObject(
                                        name = "sameSiteParticipant",
                                        summary = "A participant already known at the site",
                                        value = KNOWN_PERSON)
                            }))
    public Response receive(@NotNull @Valid NewReferral request, @Context UriInfo uri, @Context Caller caller) {
        Referral referral = referrals.receive(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id()).build())
                .entity(referral)
                .build();
    }

    @GET
    @Requires(Action.REFERRAL_READ)
    @Operation(
            operationId = "listReferrals",
            summary = "The daily review queue",
            description = "Awaiting review first, oldest first; then reviewed, high priority first and oldest first."
                    + " `from`/`to` filter on receivedOn; `participantId` lists one participant's referrals.")
    public Page<Referral> queue(
            @QueryParam("siteCode") String siteCode,
            @QueryParam("participantId") String participantId,
            @QueryParam("status") ReferralStatus status,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                referrals.queue(
                        caller, siteCode, participantId, status, dates.ordered().period(), paging.request()),
                paging,
                uri);
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
    @Operation(
            operationId = "reviewReferral",
            summary = "Record the daily review's priority and decision",
            description = "Optionally with the S-DASH triage screening (questions at /reference/screening-questions);"
                    + " the referral then shows its count of yes answers. A second review is 409.")
    @ApiResponse(responseCode = "409", description = "The referral has already been reviewed")
    public Referral review(@PathParam("id") String id, @NotNull @Valid NewReview review, @Context Caller caller) {
        return referrals.review(caller, id, review);
    }
}
