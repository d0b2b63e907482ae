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
import org.desist.disclosure.DisclosureParameters;
import org.desist.disclosure.DownloadParameters;

@Path("/programme")
@Tag(name = "Cohort figures")
public class ProgrammeResource {
    private static final List<MediaType> OFFERED =
            List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(Formats.CSV));

    private final CohortFigures figures;
    private final ProgrammeExport export;
    private final FigureDocuments documents;

    public ProgrammeResource(CohortFigures figures, ProgrammeExport export, FigureDocuments documents) {
        this.figures = figures;
        this.export = export;
        this.documents = documents;
    }

    @GET
    @Path("/comparison")
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV})
    @Requires(Action.PROGRAMME_COMPARISON)
    @Operation(
            summary = "The cohort figures side by side per site and per model",
            description = "from and to are required. Each site the caller covers, then each model (the sum of its"
                    + " sites). Small numbers suppressed as in the cohort report, unless a programme lead asks for"
                    + " ?unsuppressed=true (audited as an export). ?scope=period counts only the cohorts running in"
                    + " the period (their enrolments, targets and end dates); programme, the default, every cohort to"
                    + " date: the answer says which. Accept: text/csv gives the tidy CSV, a disclosure: it needs"
                    + " recipient and purpose (the JSON takes neither), is written to the ledger of disclosures with"
                    + " the SHA-256 of the bytes sent and audited as a disclosure. A bad parameter is 400 naming it.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The figures",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ProgrammeComparison.class)),
                                @Content(mediaType = Formats.CSV, schema = @Schema(type = "string"))
                            }))
    public Response comparison(
            @BeanParam RequiredDates dates,
            @Parameter(
                            description = "true: counts from 1 to 4 as they are (programme leads only;"
                                    + " audited as an export)")
                    @QueryParam("unsuppressed")
                    String unsuppressed,
            @Parameter(
                            description = "Which cohorts' enrolments, targets and end dates count: programme (the"
                                    + " default: every cohort of each site, to date) or period (only the cohorts whose"
                                    + " dates overlap from..to)",
                            schema = @Schema(implementation = ComparisonScope.class, defaultValue = "programme"))
                    @QueryParam("scope")
                    String scope,
            @BeanParam DownloadParameters disclosure,
            @Context HttpHeaders headers,
            @Context Caller caller) {
        MediaType format = Formats.chosen(headers, OFFERED);
        if (format.toString().equals(Formats.CSV)) {
            return CohortReportResource.csv(documents.comparisonCsv(
                    caller,
                    dates.getFrom(),
                    dates.getTo(),
                    Formats.flag("unsuppressed", unsuppressed),
                    ComparisonScope.parameter(scope),
                    disclosure.request()));
        }
        ProgrammeComparison comparison = figures.comparison(
                caller,
                dates.getFrom(),
                dates.getTo(),
                Formats.flag("unsuppressed", unsuppressed),
                ComparisonScope.parameter(scope));
        return Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/report")
    @Produces(Formats.PDF)
    @Requires(Action.PROGRAMME_COMPARISON)
    @Operation(
            operationId = "getProgrammeReport",
            summary = "The programme report: every site and model side by side, as a PDF",
            description = "The figures of /programme/comparison for the same from and to (both required), printed for"
                    + " programme leads: charts of enrolment against target, attendance, completion and reoffending"
                    + " per site and model, a table of every figure with a column per group, and the method note."
                    + " Marked OFFICIAL-SENSITIVE, page x of y on every page; saved as"
                    + " programme-<from>-to-<to>-report-<date>.pdf. Small numbers suppressed (\"<5\", drawn as such)"
                    + " unless a programme lead asks for ?unsuppressed=true. ?scope= as for the comparison; the first"
                    + " page says which cohorts it counts. A disclosure: recipient and purpose are required (400 naming"
                    + " each one missing), printed on every page, written to the ledger of disclosures with the"
                    + " SHA-256 of the bytes sent and audited as a disclosure.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The PDF",
                            content =
                                    @Content(
                                            mediaType = Formats.PDF,
                                            schema = @Schema(type = "string", format = "binary"))))
    public Response report(
            @BeanParam RequiredDates dates,
            @Parameter(
                            description = "true: counts from 1 to 4 as they are (programme leads only;"
                                    + " audited as an export)")
                    @QueryParam("unsuppressed")
                    String unsuppressed,
            @Parameter(
                            description = "Which cohorts' enrolments, targets and end dates count: programme (the"
                                    + " default: every cohort of each site, to date) or period (only the cohorts whose"
                                    + " dates overlap from..to)",
                            schema = @Schema(implementation = ComparisonScope.class, defaultValue = "programme"))
                    @QueryParam("scope")
                    String scope,
            @BeanParam DisclosureParameters disclosure,
            @Context Caller caller) {
        FigureDocuments.Download pdf = documents.programme(
                caller,
                dates.getFrom(),
                dates.getTo(),
                Formats.flag("unsuppressed", unsuppressed),
                ComparisonScope.parameter(scope),
                disclosure.request());
        return Response.ok(pdf.content(), Formats.PDF)
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                .build();
    }

    @GET
    @Path("/export")
    @Produces(Formats.CSV)
    @Requires(Action.PROGRAMME_EXPORT)
    @Operation(
            summary = "Pseudonymised participant-level CSV for evaluators",
            description = "One row per enrolment opened in [from, to] at the caller's sites: a stable keyed pseudonym"
                    + " per participant (never the case reference), age band instead of date of birth, months instead"
                    + " of dates, no names and no free text. from and to are required, and so are recipient and purpose"
                    + " (400 naming each one missing): written to the ledger of disclosures with the SHA-256 of the"
                    + " bytes sent and audited as a disclosure. 503 when"
                    + " the pseudonym key (pseudonymKey, DESIST_PSEUDONYM_KEY) is not configured.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The CSV",
                        content = @Content(mediaType = Formats.CSV, schema = @Schema(type = "string"))),
                @ApiResponse(
                        responseCode = "503",
                        description = "No pseudonym key is configured (pseudonymKey,"
                                + " DESIST_PSEUDONYM_KEY): the setting is named in `errors`")
            })
    public Response export(
            @BeanParam RequiredDates dates, @BeanParam DisclosureParameters disclosure, @Context Caller caller) {
        return Response.ok(export.csv(caller, dates.getFrom(), dates.getTo(), disclosure.request()), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"programme-export.csv\"")
                .build();
    }
}
