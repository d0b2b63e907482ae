package org.desist.pdf;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRJdk13Compiler;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import org.slf4j.LoggerFactory;

/**
 * Compiles every report template of a folder ({@code .jrxml}) to {@code .jasper} beside it, and lists them
 * ({@value ReportTemplates#INDEX}) for {@link ReportTemplates} to load. The build runs it on
 * {@code target/classes/reports} (Maven's process-classes phase), so that the service never compiles: its
 * start-up is spared the compiling, and its runtime the Java compiler. Each template takes the shared page head
 * and foot inline wherever it uses them as page-band subreports ({@link PageBandInliner}); the templates stay
 * valid as written, for a designer to open.
 *
 * <p>Expressions are compiled by the JDK's own compiler (the build runs on a JDK), which Jasper's core names
 * as the compiler of the report: loading a compiled report then needs nothing beyond Jasper's core, whereas a
 * report compiled with JDT would need JDT's classes at run time to load its expressions.
 */
public final class TemplateCompiler {
    static final String SOURCE = ".jrxml";
    static final String COMPILED = ".jasper";
    /** The first line of the list: what was compiled, so that an unchanged build compiles nothing. */
    static final String FINGERPRINT = "# templates and compiler ";
    /** The page head and foot the masters take as subreports, put inline before compiling. */
    static final Map<String, String> PAGE_PARTS =
            Map.of("PAGE_HEADER", "page-header.jrxml", "PAGE_FOOTER", "page-footer.jrxml");

    private final Path folder;
    private final JasperReportsContext context;

    TemplateCompiler(Path folder, Path workFolder) {
        this.folder = folder;
        SimpleJasperReportsContext compiling = new SimpleJasperReportsContext(PdfExport.desistContext());
        compiling.setProperty("net.sf.jasperreports.compiler.java", JRJdk13Compiler.class.getName());
        // the JDK's compiler works on files: the expressions' sources go to a folder of their own
        compiling.setProperty("net.sf.jasperreports.compiler.temp.dir", workFolder.toString());
        this.context = compiling;
    }

    /** {@code TemplateCompiler <folder>}: compiles every template of the folder, or fails the build naming the one that did not compile. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        // with no configuration logback would print Jasper's every debug line into the build's output
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: TemplateCompiler <folder of .jrxml templates>");
        }
        long started = System.nanoTime();
        Path folder = Path.of(args[0]);
        if (upToDate(folder)) {
            System.out.println("Report templates unchanged since they were compiled");
            return;
        }
        Path work = Files.createTempDirectory("desist-templates");
        try {
            List<String> compiled = new TemplateCompiler(folder, work).compileAll();
            System.out.printf(
                    "Compiled report templates %s in %d ms%n", compiled, (System.nanoTime() - started) / 1_000_000);
        } finally {
            try (Stream<Path> left = Files.walk(work)) {
                left.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Every template of the folder compiled and saved beside its source, then the list of them; returns the names. */
    List<String> compileAll() throws IOException, JRException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path source : files.filter(
                            file -> file.getFileName().toString().endsWith(SOURCE))
                    .sorted()
                    .toList()) {
                String name = source.getFileName().toString().replaceFirst("\\.jrxml$", "");
                JasperReport report = compile(name);
                try (OutputStream out = Files.newOutputStream(folder.resolve(name + COMPILED))) {
                    JRSaver.saveObject(report, out);
                }
                names.add(name);
            }
        }
        Files.writeString(
                folder.resolve(ReportTemplates.INDEX),
                FINGERPRINT + fingerprint(folder) + "\n" + String.join("\n", names) + "\n",
                StandardCharsets.UTF_8);
        return names;
    }

    /** Whether the folder's list was written for these very templates and this very compiler: then nothing changed. */
    static boolean upToDate(Path folder) throws IOException {
        Path index = folder.resolve(ReportTemplates.INDEX);
        return Files.exists(index) && Files.readAllLines(index).contains(FINGERPRINT + fingerprint(folder));
    }

    /** A digest of every template source of the folder and of the code that compiles them. */
    private static String fingerprint(Path folder) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file ->
                            file.toString().endsWith(SOURCE) || file.toString().endsWith(".jrtx"))
                    .sorted()
                    .toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        for (Class<?> code : List.of(TemplateCompiler.class, PageBandInliner.class)) {
            try (InputStream in = code.getResourceAsStream(code.getSimpleName() + ".class")) {
                digest.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One template, {@code <name>.jrxml}, compiled with the page parts it uses put inline. */
    JasperReport compile(String name) throws IOException, JRException {
        byte[] inlined;
        try (InputStream in = Files.newInputStream(folder.resolve(name + SOURCE))) {
            inlined = new PageBandInliner(PAGE_PARTS, this::open).inline(in);
        }
        try {
            return JasperCompileManager.getInstance(context)
                    .compile(JRXmlLoader.load(context, new ByteArrayInputStream(inlined)));
        } catch (JRException e) {
            throw new JRException("Report template " + name + SOURCE + " does not compile: " + e.getMessage(), e);
        }
    }

    private InputStream open(String file) {
        try {
            return Files.newInputStream(folder.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
