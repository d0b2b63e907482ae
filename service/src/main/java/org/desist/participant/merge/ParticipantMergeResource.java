package org.desist.participant.merge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.desist.participant.Participant;

/** A resource of its own so that the merge, a rare act of a lead or an administrator, stays apart from the case. */
@Path("/participants/{id}/merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
public class ParticipantMergeResource {
    private final ParticipantMerge merge;

    public ParticipantMergeResource(ParticipantMerge merge) {
        this.merge = merge;
    }

    @POST
    @Requires(Action.PARTICIPANT_MERGE)
    @Operation(
            operationId = "mergeParticipant",
            summary = "Merge a participant entered twice into the one that" + " survives",
            description = "For a programme lead or an administrator whose sites cover both participants. In one"
                    + " transaction every referral, enrolment and case record of the participant addressed moves to"
                    + " `into`; the participant addressed keeps its identity versions and from then on answers 410"
                    + " Gone, naming the survivor, at every address under `/participants/{id}` (the survivor's"
                    + " subject access report lists it). Audited as an update (resource `participant_merge`) of both."
                    + " Answers the survivor.")
    @ApiResponse(
            responseCode = "409",
            description =
                    "Both participants have an open enrolment (named in `detail`:"
                            + " close one first), or `into` was itself merged into another participant (named). Nothing changed.")
    @ApiResponse(
            responseCode = "410",
            description = "The participant addressed was already merged: `mergedInto` and"
                    + " `mergedIntoCaseRef` name the survivor")
    public Participant merge(@PathParam("id") String id, @NotNull MergeRequest request, @Context Caller caller) {
        return merge.merge(caller, id, request);
    }
}
