package org.desist.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfVersionEnum;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import net.sf.jasperreports.repo.InputStreamResource;
import net.sf.jasperreports.repo.RepositoryService;
import net.sf.jasperreports.repo.Resource;

/**
 * The one place every PDF Desist hands out is exported, so that each is a file courts and probation can
 * archive and anyone can open in ten years: PDF/A-2a (ISO 19005-2 level A: tagged structure, Unicode text,
 * every font embedded, an sRGB output intent), its language British English, its title, author and subject
 * in its metadata and shown by viewers in place of the file name. The tests validate every kind with veraPDF.
 * Templates tag their own headings (property {@code net.sf.jasperreports.export.accessibility.tag}) and give
 * charts their alternate text ({@code hyperlinkTooltipExpression}, which Jasper writes as a figure's Alt).
 */
public final class PdfExport {
    static final String AUTHOR = "Desist";
    static final String LANGUAGE = "en-GB";

    private final JasperReportsContext context;

    /** Exports in {@code context}, Desist's one Jasper context ({@link #desistContext()}), built once at start-up. */
    public PdfExport(JasperReportsContext context) {
        this.context = context;
    }

    /** What a document says about itself in its metadata: the title viewers show, and what it is for. */
    public record About(String title, String subject) {}

    public byte[] export(JasperPrint print, About about) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        // PDF/A-2 rests on PDF 1.7 (ISO 32000-1)
        configuration.setPdfVersion(PdfVersionEnum.VERSION_1_7);
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_2A);
        configuration.setIccProfilePath(SrgbProfile.LOCATION);
        configuration.setTagged(true);
        configuration.setTagLanguage(LANGUAGE);
        configuration.setMetadataTitle(about.title());
        configuration.setDisplayMetadataTitle(true);
        configuration.setMetadataAuthor(AUTHOR);
        configuration.setMetadataSubject(about.subject());
        configuration.setMetadataCreator(AUTHOR);
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("Could not export " + about.title() + " as PDF/A", e);
        }
        return pdf.toByteArray();
    }

    /**
     * Jasper's settings for Desist's documents, for compiling, filling and exporting alike: DejaVu Sans (from
     * jasperreports-fonts) wherever a style names no font, embedded in the PDF; a font that is missing is an
     * error rather than a silent fallback to a non-embedded one; the sRGB profile of the output intent; Desist's
     * own tagger. The application makes one and hands it to the templates and the export.
     */
    public static JasperReportsContext desistContext() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        context.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
        context.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        context.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
        // Jasper 7.0.8's community edition tags nothing: Desist's own tagger does it
        context.setProperty("net.sf.jasperreports.export.pdf.tagger.factory", PdfTags.Factory.class.getName());
        // a filled element keeps only the properties of prefixes named so: the tagger reads Desist's own
        context.setProperty("net.sf.jasperreports.print.transfer.desist", PdfTags.PROPERTY_PREFIX);
        List<RepositoryService> repositories = new ArrayList<>();
        repositories.add(new SrgbProfile());
        repositories.addAll(context.getExtensions(RepositoryService.class));
        context.setExtensions(RepositoryService.class, repositories);
        return context;
    }

    /**
     * The JDK's own sRGB profile, offered to the exporter at a location of its own: Jasper reads an output
     * intent's profile only from its repository, and this spares shipping a copy or writing a file.
     */
    static final class SrgbProfile implements RepositoryService {
        static final String LOCATION = "desist:sRGB.icc";
        private static final byte[] PROFILE =
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

        @Override
        public Resource getResource(String uri) {
            return getResource(uri, InputStreamResource.class);
        }

        @Override
        public void saveResource(String uri, Resource resource) {
            throw new UnsupportedOperationException("The sRGB profile is read-only");
        }

        @Override
        public <K extends Resource> K getResource(String uri, Class<K> resourceType) {
            if (!LOCATION.equals(uri) || !resourceType.isAssignableFrom(InputStreamResource.class)) {
                return null;
            }
            InputStreamResource resource = new InputStreamResource();
            resource.setInputStream(new ByteArrayInputStream(PROFILE));
            return resourceType.cast(resource);
        }
    }
}
