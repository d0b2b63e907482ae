package org.desist.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/**
 * The case summary as JSON, for clients that render their own. (A class path of its own, not
 * {@code /participants/{id}}: that would outrank ParticipantResource for every participant address.)
 */
@Path("/participants/{id}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case summaries")
public class SummaryResource {
    private final CaseSummaries summaries;

    public SummaryResource(CaseSummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @Requires(value = Action.SUMMARY_PROBATION, when = "audience=probation")
    @Requires(value = Action.SUMMARY_CPS, when = "audience=cps")
    @Operation(
            summary = "The case summary for probation or the CPS, holding what its PDF prints",
            description = "The audience decides what it holds and who may read it (probation: clinician,"
                    + " probation; cps: clinician, cps). Audited as an export.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The summary for the audience asked for",
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(
                                                            oneOf = {ProbationSummary.class, CpsSummary.class},
                                                            discriminatorProperty = "audience"))))
    public CaseSummary caseSummary(
            @PathParam("id") String participantId,
            @Parameter(required = true) @QueryParam("audience") Audience audience,
            @Context Caller caller) {
        return summaries.summary(caller, participantId, audience);
    }
}
