package org.desist.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosureParameters;

/** The case summaries as the PDF documents that leave the system. */
@Path("/participants/{id}/reports")
@Produces(SummaryReportResource.PDF)
@Tag(name = "Case summaries")
public class SummaryReportResource {
    static final String PDF = "application/pdf";
    static final String DISCLOSED = "For a named recipient and purpose (both required: 400 naming each one missing),"
            + " printed on every page; written to the case's ledger of disclosures with the SHA-256 of the bytes"
            + " sent, and audited as a disclosure.";

    private final CaseSummaries summaries;

    public SummaryReportResource(CaseSummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @Path("probation")
    @Requires(Action.SUMMARY_PROBATION)
    @Operation(
            summary = "The probation case summary as PDF",
            description = DISCLOSED,
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The PDF, as an attachment",
                            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))))
    public Response probationPdf(
            @PathParam("id") String participantId, @BeanParam DisclosureParameters disclosure, @Context Caller caller) {
        return download(summaries.pdf(caller, participantId, Audience.probation, disclosure.request()));
    }

    @GET
    @Path("cps")
    @Requires(Action.SUMMARY_CPS)
    @Operation(
            summary = "The CPS case summary as PDF",
            description = DISCLOSED,
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The PDF, as an attachment",
                            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))))
    public Response cpsPdf(
            @PathParam("id") String participantId, @BeanParam DisclosureParameters disclosure, @Context Caller caller) {
        return download(summaries.pdf(caller, participantId, Audience.cps, disclosure.request()));
    }

    private static Response download(CaseSummaries.Download download) {
        return Response.ok(download.content(), PDF)
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .build();
    }
}
