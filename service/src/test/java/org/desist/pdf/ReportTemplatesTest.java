package org.desist.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRJdk13Compiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates are compiled by the build, each of them, and the service only loads what it compiled. */
class ReportTemplatesTest {
    /** The templates as written, at the top of the repository (the tests run in service/). */
    private static final Path SOURCES = Path.of("..", "reports");

    @Test
    void every_template_compiles_with_its_page_parts_inline(@TempDir Path work) throws Exception {
        Path folder = Files.createDirectory(work.resolve("reports"));
        List<String> written = sources();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }

        List<String> compiled = new TemplateCompiler(folder, Files.createDirectory(work.resolve("work"))).compileAll();

        assertThat(compiled).containsExactlyElementsOf(written);
        assertThat(Files.readAllLines(folder.resolve(ReportTemplates.INDEX))).endsWith(written.toArray(String[]::new));
        assertThat(TemplateCompiler.upToDate(folder)).isTrue();
        Files.writeString(folder.resolve("summary-body.jrxml"), " ", java.nio.file.StandardOpenOption.APPEND);
        assertThat(TemplateCompiler.upToDate(folder))
                .as("after a template changed")
                .isFalse();
        for (String name : written) {
            assertThat(folder.resolve(name + TemplateCompiler.COMPILED)).isNotEmptyFile();
        }
        // the page head and foot stand in the masters' bands, no longer as subreports that fill on every page
        JasperReport master = new TemplateCompiler(folder, work.resolve("work")).compile("cohort-report");
        assertThat(master.getPageHeader().getElements())
                .noneMatch(e -> e.getClass().getSimpleName().contains("Subreport"));
    }

    @Test
    void the_service_loads_the_build_s_compiled_templates_and_can_compile_none() throws Exception {
        // a context in which compiling is impossible: filling still works, so nothing is compiled at run time
        SimpleJasperReportsContext noCompiler = new SimpleJasperReportsContext(PdfExport.desistContext());
        noCompiler.setProperty("net.sf.jasperreports.compiler.java", "org.desist.NoSuchCompiler");
        ReportTemplates templates = new ReportTemplates(noCompiler);

        for (String name : sources()) {
            JasperReport report = templates.report(name);
            assertThat(report.getName()).as(name).isNotBlank();
            // expressions compiled by the JDK's compiler, which Jasper's core loads without JDT
            assertThat(report.getCompilerClass()).as(name).isEqualTo(JRJdk13Compiler.class.getName());
        }
        JasperPrint print = JasperFillManager.getInstance(noCompiler)
                .fill(
                        templates.report("page-footer"),
                        new HashMap<>(Map.of("DESIST_STYLES", templates.styles(), "GENERATED", "Generated")),
                        new JREmptyDataSource(1));
        assertThat(print.getPages()).isNotEmpty();
        assertThatThrownBy(() -> templates.report("no-such-template"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-template");
    }

    @Test
    void the_runtime_carries_no_template_compiler() {
        assertThatThrownBy(() -> Class.forName("net.sf.jasperreports.jdt.JRJdtCompiler"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.eclipse.jdt.internal.compiler.Compiler"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static List<String> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(TemplateCompiler.SOURCE))
                    .map(name -> name.substring(0, name.length() - TemplateCompiler.SOURCE.length()))
                    .sorted()
                    .toList();
        }
    }
}
