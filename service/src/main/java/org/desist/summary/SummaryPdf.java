package org.desist.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import org.desist.pdf.PdfExport;
import org.desist.pdf.RenderRehearsal;
import org.desist.pdf.ReportTemplates;

/** Fills a compiled master with a summary's lines and exports it as PDF/A ({@link PdfExport}). Nothing is compiled here. */
public final class SummaryPdf {
    /** The masters a summary is printed on, one per audience; both take the same body. */
    static final List<String> MASTERS = List.of("probation-summary", "cps-summary");

    static final String BODY = "summary-body";

    private final ReportTemplates templates;
    private final PdfExport export;
    private final Map<String, Object> parts;

    public SummaryPdf(ReportTemplates templates, PdfExport export) {
        this.templates = templates;
        this.export = export;
        this.parts = Map.of("DESIST_STYLES", templates.styles(), "BODY", templates.report(BODY));
        MASTERS.forEach(templates::report);
    }

    /**
     * What a document says about itself: the master to fill, the case reference for every page head,
     * the subtitle under its title, the "Generated ..." line for every page foot, and the PDF's metadata
     * title and subject.
     */
    public record Cover(
            String master, String caseRef, String subtitle, String generated, String title, String subject) {}

    /** {@code disclosed} is the "Disclosed to ..." line at the foot of every page. */
    public byte[] render(Cover cover, List<SummaryLine> lines, String disclosed) {
        Map<String, Object> parameters = new HashMap<>(parts);
        parameters.put("CASE_REF", cover.caseRef());
        parameters.put("SUBJECT", cover.subtitle());
        parameters.put("GENERATED", cover.generated());
        parameters.put("DISCLOSED", disclosed);
        parameters.put("LINES", new JRBeanCollectionDataSource(lines));
        try {
            // the master has one row: its detail band holds the title and the body subreport
            JasperPrint print = JasperFillManager.getInstance(templates.context())
                    .fill(templates.report(cover.master()), parameters, new JREmptyDataSource(1));
            return export.export(print, new PdfExport.About(cover.title(), cover.subject()));
        } catch (JRException e) {
            throw new IllegalStateException("Could not render " + cover.master(), e);
        }
    }

    /** Each master, to rehearse at start-up ({@link RenderRehearsal}) with every kind of line. */
    public List<RenderRehearsal.Document> rehearsals() {
        return MASTERS.stream()
                .map(master -> new RenderRehearsal.Document(
                        master,
                        sections -> render(
                                new Cover(
                                        master,
                                        "REHEARSAL",
                                        "Rehearsal",
                                        "Generated at start-up",
                                        "Rehearsal",
                                        "Rehearsal"),
                                sample(sections),
                                RenderRehearsal.DISCLOSED)))
                .toList();
    }

    /** Every kind of line, {@code sections} times over: one section is a page or so. */
    static List<SummaryLine> sample(int sections) {
        SummaryLines lines = new SummaryLines();
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            rows.add(List.of("1 Jun 2026", "Breach of order", "Police", "Sent three messages via a new account"));
        }
        for (int section = 1; section <= sections; section++) {
            lines.section(section + ". Rehearsal")
                    .field("Field", "value")
                    .field("Missing", null)
                    .subheading("Subheading")
                    .table(List.of("Date", "Kind", "Source", "Details"), rows, row -> row, row -> row == rows.get(0))
                    .paragraph(
                            "2 Mar 2026 \u2014 Individual therapy",
                            "A paragraph long enough to wrap over more"
                                    + " than one line of the page, as session notes and conditions of orders do. "
                                            .repeat(3));
        }
        return lines.section("Empty").lines();
    }
}
