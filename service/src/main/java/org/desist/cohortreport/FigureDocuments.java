package org.desist.cohortreport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosureRequest;
import org.desist.disclosure.Disclosures;
import org.desist.disclosure.DocumentKind;
import org.desist.pdf.PrintedDate;

/**
 * The cohort and programme figures as documents that leave the service (the PDF reports and the tidy CSVs),
 * drawn from the very figures the JSON gives ({@link CohortFigures}). Each download is disclosed to a named
 * recipient for a purpose: written to the ledger of disclosures with its audit row ({@link Disclosures}) once
 * rendered in full, before it is sent. (Unsuppressed figures are also audited as an export, by
 * {@link CohortFigures}, as they are in JSON.)
 */
public class FigureDocuments {

    private final CohortFigures figures;
    private final CohortReportPdf cohortPdf;
    private final ProgrammeReportPdf programmePdf;
    private final Disclosures disclosures;
    private final Clock clock;

    public FigureDocuments(
            CohortFigures figures,
            CohortReportPdf cohortPdf,
            ProgrammeReportPdf programmePdf,
            Disclosures disclosures,
            Clock clock) {
        this.figures = figures;
        this.cohortPdf = cohortPdf;
        this.programmePdf = programmePdf;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    /** A document ready to download. */
    public record Download(String fileName, byte[] content) {}

    /** Saved as {@code <site>-<cohort name>-report-<date>.pdf}. */
    public Download cohort(
            Caller caller,
            String cohortId,
            LocalDate from,
            LocalDate to,
            boolean unsuppressed,
            DisclosureRequest request) {
        CohortReport report = figures.report(caller, cohortId, from, to, unsuppressed);
        byte[] content = cohortPdf.render(report, generated(caller), disclosures.line(request));
        disclosures.record(
                caller,
                request,
                new Disclosures.About(
                        DocumentKind.cohort_report_pdf,
                        null,
                        cohortId,
                        report.cohort().siteCode()),
                content);
        return new Download(
                DownloadName.of(
                        report.cohort().siteCode(),
                        report.cohort().name(),
                        "report",
                        report.asOf().toString()),
                content);
    }

    /** The tidy CSV of a cohort's figures, saved as {@code cohort-<id>-report.csv}. */
    public Download cohortCsv(
            Caller caller,
            String cohortId,
            LocalDate from,
            LocalDate to,
            boolean unsuppressed,
            DisclosureRequest request) {
        CohortReport report = figures.report(caller, cohortId, from, to, unsuppressed);
        byte[] content = FiguresCsv.of(report.figures()).getBytes(StandardCharsets.UTF_8);
        disclosures.record(
                caller,
                request,
                new Disclosures.About(
                        DocumentKind.cohort_report_csv,
                        null,
                        cohortId,
                        report.cohort().siteCode()),
                content);
        return new Download("cohort-" + report.cohort().id() + "-report.csv", content);
    }

    /** Saved as {@code programme-<from>-to-<to>-report-<date>.pdf}; counting the cohorts the scope takes. */
    public Download programme(
            Caller caller,
            LocalDate from,
            LocalDate to,
            boolean unsuppressed,
            ComparisonScope scope,
            DisclosureRequest request) {
        ProgrammeComparison comparison = figures.comparison(caller, from, to, unsuppressed, scope);
        byte[] content = programmePdf.render(comparison, generated(caller), disclosures.line(request));
        disclosures.record(
                caller, request, new Disclosures.About(DocumentKind.programme_report_pdf, null, null, null), content);
        return new Download(
                DownloadName.of(
                        "programme",
                        comparison.from().toString(),
                        "to",
                        comparison.to().toString(),
                        "report",
                        comparison.asOf().toString()),
                content);
    }

    /** The tidy CSV of the comparison, saved as {@code programme-comparison.csv}. */
    public Download comparisonCsv(
            Caller caller,
            LocalDate from,
            LocalDate to,
            boolean unsuppressed,
            ComparisonScope scope,
            DisclosureRequest request) {
        ProgrammeComparison comparison = figures.comparison(caller, from, to, unsuppressed, scope);
        byte[] content = FiguresCsv.of(comparison.figures()).getBytes(StandardCharsets.UTF_8);
        disclosures.record(
                caller,
                request,
                new Disclosures.About(DocumentKind.programme_comparison_csv, null, null, null),
                content);
        return new Download("programme-comparison.csv", content);
    }

    /** The foot of every page, as on the case summaries: {@code Generated 24 Nov 2026 14:03 UTC by lead (programme lead)}. */
    private String generated(Caller caller) {
        return "Generated " + PrintedDate.utc(clock.instant()) + " by " + caller.username() + " ("
                + caller.user().roleLabel() + ")";
    }
}
