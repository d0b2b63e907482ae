package org.desist.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report templates of {@code reports/} (on the class path, copied there by the build), compiled once
 * and kept: the shared style template, the summary body, and each master with the shared page head and
 * foot put in place ({@link PageBandInliner}). Compiling takes a noticeable fraction of a second; no
 * request ever pays for it. Compiled reports are immutable and shared by every fill.
 */
public final class ReportTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(ReportTemplates.class);
    private static final String FOLDER = "reports/";
    /** The masters the service renders; each shares the parts below. */
    public static final List<String> MASTERS = List.of("probation-summary", "cps-summary");
    /** The page head and foot the masters take as subreports, inlined into them before compiling. */
    static final Map<String, String> PAGE_PARTS = Map.of("PAGE_HEADER", "page-header.jrxml",
            "PAGE_FOOTER", "page-footer.jrxml");

    private static ReportTemplates compiled;

    private final JasperReportsContext context;
    private final JRTemplate styles;
    private final Map<String, Object> parts;
    private final Map<String, JasperReport> masters;

    private ReportTemplates(JasperReportsContext context) throws JRException, IOException {
        this.context = context;
        this.styles = loadStyles(context);
        JasperCompileManager compiler = JasperCompileManager.getInstance(context);
        this.parts = Map.of("DESIST_STYLES", styles, "BODY", compile(compiler, "summary-body"));
        PageBandInliner pageParts = new PageBandInliner(PAGE_PARTS, ReportTemplates::openTemplate);
        Map<String, JasperReport> compiledMasters = new LinkedHashMap<>();
        for (String master : MASTERS) {
            try (InputStream in = open(master + ".jrxml")) {
                compiledMasters.put(master, compiler.compile(JRXmlLoader.load(context,
                        new ByteArrayInputStream(pageParts.inline(in)))));
            }
        }
        this.masters = Map.copyOf(compiledMasters);
    }

    /** The templates, compiled on the first call in this JVM (at start-up) and kept. */
    public static synchronized ReportTemplates compiled() {
        if (compiled == null) {
            long started = System.nanoTime();
            try {
                compiled = new ReportTemplates(PdfExport.context());
            } catch (JRException e) {
                throw new IllegalStateException("A report template does not compile: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.info("Compiled report templates {} with their shared parts in {} ms", MASTERS,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return compiled;
    }

    /** Desist's Jasper settings (see {@link PdfExport#context()}), for every fill and export of a Desist document. */
    public JasperReportsContext context() {
        return context;
    }

    /** The shared styles, which every master takes as {@code DESIST_STYLES}. */
    public JRTemplate styles() {
        return styles;
    }

    /**
     * Another document's master (the cohort and programme reports) compiled as the summaries' are: with
     * the shared page head and foot put in place, in Desist's context. Called once, at start-up.
     */
    public JasperReport compileWithPageParts(String file) {
        try (InputStream in = open(file)) {
            return JasperCompileManager.getInstance(context).compile(JRXmlLoader.load(context,
                    new ByteArrayInputStream(new PageBandInliner(PAGE_PARTS, ReportTemplates::openTemplate).inline(in))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("A report template does not compile: " + file + ": " + e.getMessage(), e);
        }
    }

    public JasperReport master(String name) {
        JasperReport master = masters.get(name);
        if (master == null) {
            throw new IllegalArgumentException("No report template " + name);
        }
        return master;
    }

    /** The compiled parts every master takes as parameters: the styles and the body. */
    public Map<String, Object> parts() {
        return parts;
    }

    private static JRTemplate loadStyles(JasperReportsContext context) throws IOException {
        try (InputStream in = open("desist.jrtx")) {
            return JRXmlTemplateLoader.getInstance(context).loadTemplate(in);
        }
    }

    private JasperReport compile(JasperCompileManager compiler, String name) throws JRException, IOException {
        try (InputStream in = open(name + ".jrxml")) {
            return compiler.compile(JRXmlLoader.load(context, in));
        }
    }

    private static InputStream openTemplate(String file) {
        try {
            return open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String file) throws IOException {
        InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IOException("Report template " + FOLDER + file + " is not on the class path");
        }
        return in;
    }
}
