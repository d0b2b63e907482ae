package org.desist.pdf;

import net.sf.jasperreports.engine.JasperReportsContext;

/** The compiled templates and the export in one Desist context, as the application builds them, for tests that render without it. */
public record Pdfs(ReportTemplates templates, PdfExport export) {

    public static Pdfs load() {
        JasperReportsContext context = PdfExport.desistContext();
        return new Pdfs(new ReportTemplates(context), new PdfExport(context));
    }
}
