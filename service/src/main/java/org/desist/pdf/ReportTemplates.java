package org.desist.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every report template of {@code reports/}, as the build compiled it ({@link TemplateCompiler}: each
 * {@code .jrxml} to a {@code .jasper} on the class path, the shared page head and foot put in place), loaded
 * once when the service starts and kept: the one template cache of every Desist document, in Desist's one
 * Jasper context. Nothing is compiled at run time, so the runtime needs no Java compiler; a template the build
 * did not compile is an error at start-up, not at the first download. Compiled reports are immutable and
 * shared by every fill.
 */
public final class ReportTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(ReportTemplates.class);
    static final String FOLDER = "reports/";
    /** The build's list of the templates it compiled, one name a line (after a comment line), beside them. */
    static final String INDEX = "compiled-templates.txt";

    static final String STYLES = "desist.jrtx";

    private final JasperReportsContext context;
    private final JRTemplate styles;
    private final Map<String, JasperReport> reports;

    /** Loads the shared styles and every template the build compiled; throws if one cannot be read. */
    public ReportTemplates(JasperReportsContext context) {
        long started = System.nanoTime();
        this.context = context;
        try {
            try (InputStream in = open(STYLES)) {
                this.styles = JRXmlTemplateLoader.getInstance(context).loadTemplate(in);
            }
            Map<String, JasperReport> loaded = new LinkedHashMap<>();
            for (String name : compiledNames()) {
                try (InputStream in = open(name + TemplateCompiler.COMPILED)) {
                    loaded.put(name, (JasperReport) JRLoader.loadObject(context, in));
                }
            }
            this.reports = Map.copyOf(loaded);
            LOG.info(
                    "Loaded the compiled report templates {} in {} ms",
                    loaded.keySet(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("A compiled report template cannot be read: " + e.getMessage(), e);
        }
    }

    /** Desist's Jasper settings ({@link PdfExport#desistContext()}), for every fill of a Desist document. */
    public JasperReportsContext context() {
        return context;
    }

    /** The shared styles, which every master takes as {@code DESIST_STYLES}. */
    public JRTemplate styles() {
        return styles;
    }

    /** The compiled template {@code reports/<name>.jrxml}; throws if the build did not compile one of that name. */
    public JasperReport report(String name) {
        JasperReport report = reports.get(name);
        if (report == null) {
            throw new IllegalArgumentException(
                    "No compiled report template " + name + " (compiled: " + reports.keySet() + ")");
        }
        return report;
    }

    private static List<String> compiledNames() throws IOException {
        try (InputStream in = open(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    static InputStream open(String file) throws IOException {
        InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IOException("Report template " + FOLDER + file + " is not on the class path"
                    + " (the build compiles the templates: mvn package)");
        }
        return in;
    }
}
