package org.desist.participant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;
import org.desist.http.Versions;
import org.desist.listing.PageRequest;

@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
public class ParticipantResource {
    private final ParticipantService participants;

    public ParticipantResource(ParticipantService participants) {
        this.participants = participants;
    }

    @GET
    @Requires(Action.PARTICIPANT_READ)
    @Operation(
            operationId = "listParticipants",
            summary = "Find participants",
            description = "Live participants of the caller's sites (a participant"
                    + " merged into another is never listed), matching every term given: `q` a part of the name (either"
                    + " order) of the caller's sites, filtered by `enrolmentState` (the state of the latest enrolment) and"
                    + " `priority` (the daily review's priority of the latest reviewed referral); `from`/`to` filter on the"
                    + " day (in London) the participant was created, with their first referral. To find someone by name,"
                    + " case reference, NHS number, PNC id or date of birth use POST /participants/search: those terms"
                    + " are refused here (400 naming the parameter), since an address ends up in logs and histories.")
    public Page<Participant> list(
            @QueryParam("siteCode") String siteCode,
            @Valid @BeanParam ParticipantSearch search,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                participants.list(caller, siteCode, search, dates.ordered().period(), paging.request()), paging, uri);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Action.PARTICIPANT_READ)
    @Operation(
            operationId = "searchParticipants",
            summary = "Find participants by name, case reference, NHS number, PNC id or date of birth",
            description = "As GET /participants lists them, matching every term of the body: `q` a part of the name"
                    + " (either order) or of the case reference, ignoring case, spacing and accents (`zoe mckay` finds"
                    + " Zoë Mc Kay); `nhsNumber` the whole NHS number, spaces ignored; `pncId` the whole PNC id, case"
                    + " and spaces ignored; `dateOfBirth`; `enrolmentState`; `priority`; `siteCode`; `from`/`to` the"
                    + " day created. The terms travel in the body so that no address holds them; the next page is the"
                    + " same body with `offset` set to `nextOffset`.")
    public ParticipantsFound search(@NotNull @Valid SearchTerms terms, @Context Caller caller) {
        PageRequest page = terms.page();
        return ParticipantsFound.of(
                participants.list(caller, terms.siteCode(), terms.search(), terms.period(), page), page);
    }

    @GET
    @Path("/{id}")
    @Requires(Action.PARTICIPANT_READ)
    @Operation(
            operationId = "getParticipant",
            summary = "One participant",
            description = "The ETag header carries the version to send in If-Match. To the DPO also `restricted`"
                    + " and `restrictionPurpose` (restriction of processing); a restricted case is 403 to anyone"
                    + " else.")
    @ApiResponse(
            responseCode = "200",
            description = "The participant",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The record's version, to send back in If-Match when changing it, as it"
                                    + " came (a compressed answer carries it as \"1--gzip\")",
                            schema = @Schema(type = "string", example = "\"1\"")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    public Response get(@PathParam("id") String id, @Context Caller caller) {
        Participant participant = participants.read(caller, id);
        ParticipantView shown = caller.user().has(Role.dpo)
                ? ParticipantView.forDpo(participant, participants.restrictionPurpose(id))
                : ParticipantView.of(participant);
        return Response.ok(shown).tag(Versions.tag(participant.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.PARTICIPANT_AMEND)
    @Operation(
            operationId = "amendParticipant",
            summary = "Amend identity fields (JSON merge patch)",
            description = "Needs If-Match with the ETag last read: 428 without it, 412 when stale. An NHS number or"
                    + " PNC id that another live participant holds is 409 naming the field, with that participant in"
                    + " `matches` when the caller may see its site (else only the site is named): two records of one"
                    + " person are merged, not given the same number.")
    @ApiResponse(
            responseCode = "409",
            description = "The NHS number or PNC id belongs to another live participant"
                    + " (`errors` names the field; `matches` lists the holder if the caller may see it)")
    @RequestBody(content = @Content(schema = @Schema(implementation = Identity.class)))
    public Response amend(
            @PathParam("id") String id,
            @Parameter(description = "ETag of the version being changed", required = true)
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        Participant participant = participants.amend(caller, id, Versions.expected(ifMatch), patch);
        return Response.ok(participant).tag(Versions.tag(participant.version())).build();
    }
}
