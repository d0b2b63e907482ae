package org.desist.cohortreport;

import java.time.Clock;
import java.time.LocalDate;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.pdf.PrintedDate;

/**
 * The cohort and programme reports as PDF documents, drawn from the very figures the JSON gives
 * ({@link CohortFigures}). Like every document that leaves the service, each download is audited as an
 * export; an unsuppressed one already is, by the figures it was made from.
 */
public class FigureDocuments {

    private final CohortFigures figures;
    private final CohortReportPdf cohortPdf;
    private final ProgrammeReportPdf programmePdf;
    private final AuditLog audit;
    private final Clock clock;

    public FigureDocuments(
            CohortFigures figures,
            CohortReportPdf cohortPdf,
            ProgrammeReportPdf programmePdf,
            AuditLog audit,
            Clock clock) {
        this.figures = figures;
        this.cohortPdf = cohortPdf;
        this.programmePdf = programmePdf;
        this.audit = audit;
        this.clock = clock;
    }

    /** A document ready to download. */
    public record Download(String fileName, byte[] content) {}

    /** Saved as {@code <site>-<cohort name>-report-<date>.pdf}. */
    public Download cohort(Caller caller, String cohortId, LocalDate from, LocalDate to, boolean unsuppressed) {
        CohortReport report = figures.report(caller, cohortId, from, to, unsuppressed);
        byte[] content = cohortPdf.render(report, generated(caller));
        if (!unsuppressed) {
            audit.export(caller, "cohort_report", cohortId, null);
        }
        return new Download(
                DownloadName.of(
                        report.cohort().siteCode(),
                        report.cohort().name(),
                        "report",
                        report.asOf().toString()),
                content);
    }

    /** Saved as {@code programme-<from>-to-<to>-report-<date>.pdf}; programme to date. */
    public Download programme(Caller caller, LocalDate from, LocalDate to, boolean unsuppressed) {
        return programme(caller, from, to, unsuppressed, ComparisonScope.programme);
    }

    /** As above, counting the cohorts the scope takes; the first page says which. */
    public Download programme(
            Caller caller, LocalDate from, LocalDate to, boolean unsuppressed, ComparisonScope scope) {
        ProgrammeComparison comparison = figures.comparison(caller, from, to, unsuppressed, scope);
        byte[] content = programmePdf.render(comparison, generated(caller));
        if (!unsuppressed) {
            audit.export(caller, "programme_report", null, null);
        }
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

    /** The foot of every page, as on the case summaries: {@code Generated 24 Nov 2026 14:03 UTC by lead (programme lead)}. */
    private String generated(Caller caller) {
        return "Generated " + PrintedDate.utc(clock.instant()) + " by " + caller.username() + " ("
                + caller.user().roleLabel() + ")";
    }
}
