package org.desist.summary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import org.desist.pdf.PdfExport;
import org.desist.pdf.ReportTemplates;

/** Fills a compiled master with a summary's lines and exports it as PDF/A ({@link PdfExport}). Nothing is compiled here. */
public final class SummaryPdf {
    private final ReportTemplates templates;

    public SummaryPdf(ReportTemplates templates) {
        this.templates = templates;
    }

    /**
     * What a document says about itself: the master to fill, the case reference for every page head,
     * the subtitle under its title, the "Generated ..." line for every page foot, and the PDF's metadata
     * title and subject.
     */
    public record Cover(String master, String caseRef, String subtitle, String generated, String title,
                        String subject) {
    }

    public byte[] render(Cover cover, List<SummaryLine> lines) {
        Map<String, Object> parameters = new HashMap<>(templates.parts());
        parameters.put("CASE_REF", cover.caseRef());
        parameters.put("SUBJECT", cover.subtitle());
        parameters.put("GENERATED", cover.generated());
        parameters.put("LINES", new JRBeanCollectionDataSource(lines));
        try {
            // the master has one row: its detail band holds the title and the body subreport
            JasperPrint print = JasperFillManager.getInstance(templates.context())
                    .fill(templates.master(cover.master()), parameters, new JREmptyDataSource(1));
            return PdfExport.export(print, new PdfExport.About(cover.title(), cover.subject()));
        } catch (JRException e) {
            throw new IllegalStateException("Could not render " + cover.master(), e);
        }
    }
}
