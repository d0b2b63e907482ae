package org.desist.cohortreport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.disclosure.DownloadParameters;
import org.desist.http.DateRange;

@Path("/cohorts/{id}/report")
@Tag(name = "Cohort figures")
public class CohortReportResource {
    private static final List<MediaType> OFFERED =
            List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(Formats.CSV), MediaType.valueOf(Formats.PDF));

    private final CohortFigures figures;
    private final FigureDocuments documents;

    public CohortReportResource(CohortFigures figures, FigureDocuments documents) {
        this.figures = figures;
        this.documents = documents;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV, Formats.PDF})
    @Requires(Action.COHORT_REPORT)
    @Operation(
            summary = "A cohort's figures",
            description = "JSON by default; Accept: text/csv gives a tidy CSV (one"
                    + " row per figure, breakdown and period), Accept: application/pdf the cohort report with charts. from/to"
                    + " default to the cohort's start and today. Counts from 1 to 4 are suppressed (\"<5\") in every format,"
                    + " and so is what would let them be worked out, unless a programme lead asks for ?unsuppressed=true,"
                    + " which is audited as an export. The PDF (saved as <site>-<cohort name>-report-<date>.pdf, marked"
                    + " OFFICIAL-SENSITIVE, with its method note) and the CSV are disclosures: they need recipient and"
                    + " purpose (400 naming each one missing; the JSON takes neither), printed on every page of the PDF,"
                    + " and are written to the ledger of disclosures with the SHA-256 of the bytes sent and audited as a"
                    + " disclosure. Definitions: docs/metrics.md.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The figures",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = CohortReport.class)),
                                @Content(mediaType = Formats.CSV, schema = @Schema(type = "string")),
                                @Content(mediaType = Formats.PDF, schema = @Schema(type = "string", format = "binary"))
                            }))
    public Response report(
            @PathParam("id") String cohortId,
            @BeanParam DateRange dates,
            @Parameter(
                            description = "true: counts from 1 to 4 as they are (programme leads only;"
                                    + " audited as an export)")
                    @QueryParam("unsuppressed")
                    String unsuppressed,
            @BeanParam DownloadParameters disclosure,
            @Context HttpHeaders headers,
            @Context Caller caller) {
        MediaType format = Formats.chosen(headers, OFFERED);
        boolean open = Formats.flag("unsuppressed", unsuppressed);
        if (format.toString().equals(Formats.PDF)) {
            return pdf(documents.cohort(caller, cohortId, dates.getFrom(), dates.getTo(), open, disclosure.request()));
        }
        if (format.toString().equals(Formats.CSV)) {
            return csv(
                    documents.cohortCsv(caller, cohortId, dates.getFrom(), dates.getTo(), open, disclosure.request()));
        }
        CohortReport report = figures.report(caller, cohortId, dates.getFrom(), dates.getTo(), open);
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The PDF as a download; the programme lead's screens send the same answer. */
    public static Response pdf(FigureDocuments.Download pdf) {
        return Response.ok(pdf.content(), Formats.PDF)
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .build();
    }

    /** A tidy CSV of figures as a download. */
    public static Response csv(FigureDocuments.Download csv) {
        return Response.ok(csv.content(), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + csv.fileName() + "\"")
                .build();
    }
}
