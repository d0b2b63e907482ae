package org.desist.agenda;

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
import java.time.LocalDate;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.disclosure.DownloadParameters;

/** A site's daily review agenda: JSON, or with {@code Accept: application/pdf} the PDF, as the cohort report is asked. */
@Path("/sites/{code}/review-agenda")
@Tag(name = "Sites")
public class ReviewAgendaResource {
    static final String PDF = "application/pdf";
    private static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

    private final ReviewAgendas agendas;

    public ReviewAgendaResource(ReviewAgendas agendas) {
        this.agendas = agendas;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @Requires(Action.REVIEW_AGENDA)
    @Operation(
            summary = "A site's daily review agenda",
            description =
                    "For the site's daily meeting: referrals awaiting review oldest first, incidents and desistance"
                            + " reviews that raised risk since the last meeting, overdue plan actions, legal measures ending within"
                            + " 14 days, and the open alerts by case. Each part is null (and named in withheld) for a role that may"
                            + " not read its kind of record; an alert's record id only for a role that may read that kind. JSON by"
                            + " default; Accept: application/pdf gives the agenda as a PDF (saved as <site>-review-agenda-<date>.pdf,"
                            + " marked OFFICIAL-SENSITIVE), a disclosure: recipient and purpose are required (400 naming each one"
                            + " missing; the JSON takes neither), printed on every page, and written to the ledger of each"
                            + " case shown with the SHA-256 of the bytes sent, audited as a disclosure; the JSON is audited"
                            + " as a read of each case shown."
                            + " A site outside the caller's sites is 404.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The agenda",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ReviewAgenda.class)),
                                @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))
                            }))
    public Response agenda(
            @PathParam("code") String siteCode,
            @Parameter(
                            description = "The day of the meeting (yyyy-mm-dd); today in London when left out",
                            example = "2026-06-03")
                    @QueryParam("date")
                    LocalDate date,
            @Parameter(
                            description =
                                    "The last meeting (yyyy-mm-dd), not after date; the working day before date when"
                                            + " left out",
                            example = "2026-06-02")
                    @QueryParam("since")
                    LocalDate since,
            @BeanParam DownloadParameters disclosure,
            @Context HttpHeaders headers,
            @Context Caller caller) {
        if (prefersPdf(headers)) {
            ReviewAgendas.Download pdf = agendas.pdf(caller, siteCode, date, since, disclosure.request());
            return Response.ok(pdf.content(), PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                    .build();
        }
        return Response.ok(agendas.agenda(caller, siteCode, date, since), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** The caller's Accept, in Jersey's order of preference: the PDF when it comes before JSON. */
    static boolean prefersPdf(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(PDF_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
