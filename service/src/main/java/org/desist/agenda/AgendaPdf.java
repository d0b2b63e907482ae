package org.desist.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import org.desist.auth.Caller;
import org.desist.pdf.PdfExport;
import org.desist.pdf.PrintedDate;
import org.desist.pdf.RenderRehearsal;
import org.desist.pdf.ReportTemplates;
import org.desist.summary.SummaryLine;
import org.desist.summary.SummaryLines;
import org.desist.time.ProgrammeClock;

/**
 * The agenda on paper: {@code reports/review-agenda.jrxml}, a master with the case summaries' page head and foot,
 * styles and body ({@code summary-body}), filled with the agenda's parts as summary lines and exported as PDF/A
 * ({@link PdfExport}). A part withheld from the reader's role is not printed at all, not even its heading.
 */
public final class AgendaPdf {
    static final String MASTER = "review-agenda";
    static final String BODY = "summary-body";
    static final String DASH = "\u2014";

    private final ReportTemplates templates;
    private final PdfExport export;
    private final Map<String, Object> parts;

    public AgendaPdf(ReportTemplates templates, PdfExport export) {
        this.templates = templates;
        this.export = export;
        this.parts = Map.of("DESIST_STYLES", templates.styles(), "BODY", templates.report(BODY));
        templates.report(MASTER);
    }

    /** {@code disclosed} is the "Disclosed to ..." line at the foot of every page. */
    byte[] render(ReviewAgenda agenda, Caller caller, Instant at, String disclosed) {
        String generated = "Generated " + PrintedDate.utc(at) + " by " + caller.username() + " ("
                + caller.user().roleLabel() + ")";
        String subtitle = agenda.siteName() + ", " + PrintedDate.day(agenda.date()) + ": since "
                + PrintedDate.day(agenda.since());
        return fill(
                agenda.siteCode(),
                subtitle,
                generated,
                disclosed,
                "Daily review agenda \u2014 " + agenda.siteCode() + ", " + PrintedDate.day(agenda.date()),
                lines(agenda));
    }

    private byte[] fill(
            String site, String subtitle, String generated, String disclosed, String title, List<SummaryLine> lines) {
        Map<String, Object> parameters = new HashMap<>(parts);
        parameters.put("SITE", site);
        parameters.put("SUBJECT", subtitle);
        parameters.put("GENERATED", generated);
        parameters.put("DISCLOSED", disclosed);
        parameters.put("LINES", new JRBeanCollectionDataSource(lines));
        try {
            JasperPrint print = JasperFillManager.getInstance(templates.context())
                    .fill(templates.report(MASTER), parameters, new JREmptyDataSource(1));
            return export.export(print, new PdfExport.About(title, "The daily review meeting's agenda of a site"));
        } catch (JRException e) {
            throw new IllegalStateException("Could not render " + MASTER, e);
        }
    }

    /** The parts in the agenda's order; each part the reader may not read is left out. */
    static List<SummaryLine> lines(ReviewAgenda agenda) {
        SummaryLines lines = new SummaryLines();
        int number = 0;
        if (agenda.referralsAwaitingReview() != null) {
            lines.section(++number + ". Referrals awaiting review, oldest first")
                    .table(
                            List.of("Received", "Case", "Referred by", "Waiting"),
                            agenda.referralsAwaitingReview(),
                            row -> List.of(
                                    PrintedDate.day(row.receivedOn()),
                                    row.caseRef(),
                                    words(row.source()),
                                    row.daysWaiting() + (row.daysWaiting() == 1 ? " day" : " days")),
                            row -> row.daysWaiting() > 1,
                            "None waiting");
        }
        if (agenda.incidentsSince() != null || agenda.riskRaisedSince() != null) {
            lines.section(++number + ". Since the last meeting (" + PrintedDate.day(agenda.since()) + ")");
            if (agenda.incidentsSince() != null) {
                lines.subheading("Incidents")
                        .table(
                                List.of("Date", "Case", "Kind", "Source"),
                                agenda.incidentsSince(),
                                row -> List.of(
                                        PrintedDate.day(row.occurredOn()),
                                        row.caseRef(),
                                        words(row.kind()),
                                        words(row.source())),
                                row -> true,
                                "None recorded");
            }
            if (agenda.riskRaisedSince() != null) {
                lines.subheading("Risk raised at a desistance review")
                        .table(
                                List.of("Reviewed", "Case", "Domains raised", "Fixation"),
                                agenda.riskRaisedSince(),
                                row -> List.of(
                                        PrintedDate.day(row.reviewedOn()),
                                        row.caseRef(),
                                        row.raisedDomains().isEmpty()
                                                ? DASH
                                                : String.join(
                                                        ", ",
                                                        row.raisedDomains().stream()
                                                                .map(AgendaPdf::words)
                                                                .toList()),
                                        row.fixation() + " of 10"),
                                row -> true,
                                "None recorded");
            }
        }
        if (agenda.overduePlanActions() != null) {
            lines.section(++number + ". Overdue plan actions")
                    .table(
                            List.of("Due", "Case", "Action", "Agency and owner"),
                            agenda.overduePlanActions(),
                            row -> List.of(
                                    PrintedDate.day(row.dueOn()) + " (" + row.daysOverdue() + " days over)",
                                    row.caseRef(),
                                    row.action(),
                                    words(row.agency()) + ": " + row.owner()),
                            row -> true,
                            "None overdue");
        }
        if (agenda.legalMeasuresEnding() != null) {
            lines.section(++number + ". Legal measures ending within " + ReviewAgendas.ENDING_WITHIN_DAYS + " days")
                    .table(
                            List.of("Ends", "Case", "Measure", "From"),
                            agenda.legalMeasuresEnding(),
                            row -> List.of(
                                    PrintedDate.day(row.until()),
                                    row.caseRef(),
                                    words(row.kind()),
                                    PrintedDate.day(row.from())),
                            row -> false,
                            "None ending");
        }
        List<List<String>> alerts = new ArrayList<>();
        for (ReviewAgenda.CaseAlerts byCase : agenda.openAlerts()) {
            for (ReviewAgenda.OpenAlert alert : byCase.alerts()) {
                alerts.add(List.of(
                        byCase.caseRef(),
                        words(alert.rule()),
                        alert.occurredOn() == null ? DASH : PrintedDate.day(alert.occurredOn()),
                        PrintedDate.day(LocalDate.ofInstant(alert.raisedAt(), ProgrammeClock.ZONE))));
            }
        }
        lines.section(++number + ". Open alerts by case")
                .table(List.of("Case", "Alert", "About", "Raised"), alerts, row -> row, row -> false, "None open");
        return lines.lines();
    }

    /** {@code breach_of_order} → {@code Breach of order}. */
    static String words(String code) {
        if (code == null) {
            return DASH;
        }
        String spaced = code.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** The agenda's master, to rehearse at start-up ({@link RenderRehearsal}) with sample parts. */
    public RenderRehearsal.Document rehearsal() {
        return new RenderRehearsal.Document(MASTER, sections -> {
            List<ReviewAgenda.AwaitingReview> waiting = new ArrayList<>();
            for (int row = 0; row < sections * 20; row++) {
                waiting.add(new ReviewAgenda.AwaitingReview(
                        "r", "p", "STAC-2026-" + row, LocalDate.of(2026, 6, 1), "police", 2));
            }
            ReviewAgenda sample = new ReviewAgenda(
                    "REHEARSAL",
                    "Rehearsal",
                    LocalDate.of(2026, 6, 3),
                    LocalDate.of(2026, 6, 2),
                    waiting,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
            fill(
                    "REHEARSAL",
                    "Rehearsal",
                    "Generated at start-up",
                    RenderRehearsal.DISCLOSED,
                    "Rehearsal",
                    lines(sample));
        });
    }
}
