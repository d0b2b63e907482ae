package org.desist.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.export.PdfConstants;
import net.sf.jasperreports.engine.util.StyledTextListWriter;
import net.sf.jasperreports.export.AccessibilityUtil;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfStructure;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;
import net.sf.jasperreports.pdf.common.PdfTagger;
import net.sf.jasperreports.pdf.common.PdfTaggerFactory;

/**
 * The structure tags of Desist's PDFs. JasperReports 7.0.8 left PDF tagging out of its community edition
 * (its exporter calls a {@link PdfTagger} that refuses to work), so Desist tags its own documents, with the
 * structure primitives the exporter still has. The tree is a {@code Document} of, in reading order:
 * <ul>
 *     <li>headings {@code H1}..{@code H6}, from the element property
 *     {@code net.sf.jasperreports.export.accessibility.tag} ({@code h1}..{@code h6});</li>
 *     <li>tables, from the element properties {@code net.sf.jasperreports.export.pdf.tag.table}, {@code .tr},
 *     {@code .th} and {@code .td} ({@code start}, {@code end} or {@code full}); a table still open when an
 *     element that is no part of one arrives is closed there, so a template need not know its last row;</li>
 *     <li>figures (images and charts) with their alternate text, from the element's hyperlink tooltip; an
 *     image without one is decoration and is marked an artifact;</li>
 *     <li>every other text as a paragraph.</li>
 * </ul>
 * Lines, borders and backgrounds, and any element with the property {@value #ARTIFACT} (running heads and
 * feet repeated on every page), are artifacts, which assistive technology skips.
 */
public final class PdfTags implements PdfTagger {
    /** An element property: the element is page furniture, not content (running head, page number). */
    public static final String ARTIFACT = "org.desist.pdf.artifact";
    /** The prefix of Desist's own element properties for PDF export, which filling must carry to the print. */
    static final String PROPERTY_PREFIX = "org.desist.pdf.";

    private static final List<String> HEADINGS = List.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final Deque<PdfStructureEntry> open = new ArrayDeque<>();
    private final Deque<String> openKinds = new ArrayDeque<>();
    private PdfProducer producer;
    private PdfStructure structure;
    private String language;
    private int artifactDepth;
    private boolean figureIsArtifact;

    /** Named in the Jasper context's {@code net.sf.jasperreports.export.pdf.tagger.factory}. */
    public static final class Factory implements PdfTaggerFactory {
        @Override
        public PdfTagger createTagger(JRPdfExporter exporter) {
            return new PdfTags();
        }
    }

    @Override
    public void setLanguage(String language) {
        this.language = language;
    }

    @Override
    public void setPdfProducer(PdfProducer producer) {
        this.producer = producer;
    }

    @Override
    public void init() {
        structure = producer.getPdfStructure();
        push("Document", structure.createDocumentTag(language));
    }

    @Override
    public void startPage() {}

    @Override
    public void endPage() {}

    @Override
    public void startElement(JRPrintElement element) {
        if (isArtifact(element)) {
            artifactDepth++;
            return;
        }
        if (artifactDepth > 0) {
            return;
        }
        boolean tablePart = false;
        if (starts(element, PdfConstants.PROPERTY_TAG_TABLE)) {
            closeTable();
            open("Table");
            tablePart = true;
        }
        if (starts(element, PdfConstants.PROPERTY_TAG_TR)) {
            open("TR");
            tablePart = true;
        }
        if (starts(element, PdfConstants.PROPERTY_TAG_TH)) {
            open("TH").setScope("Column");
            tablePart = true;
        }
        if (starts(element, PdfConstants.PROPERTY_TAG_TD)) {
            open("TD");
            tablePart = true;
        }
        if (!tablePart && openKinds.contains("Table") && !isCell(openKinds.peek())) {
            closeTable();
        }
        String heading = heading(element);
        if (heading != null) {
            open(heading.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public void endElement(JRPrintElement element) {
        if (isArtifact(element)) {
            artifactDepth--;
            return;
        }
        if (artifactDepth > 0) {
            return;
        }
        if (heading(element) != null) {
            close(heading(element).toUpperCase(Locale.ROOT));
        }
        if (ends(element, PdfConstants.PROPERTY_TAG_TD)) {
            close("TD");
        }
        if (ends(element, PdfConstants.PROPERTY_TAG_TH)) {
            close("TH");
        }
        if (ends(element, PdfConstants.PROPERTY_TAG_TR)) {
            close("TR");
        }
        if (ends(element, PdfConstants.PROPERTY_TAG_TABLE)) {
            closeTable();
        }
    }

    @Override
    public void beginArtifact() {
        structure.beginArtifact();
    }

    @Override
    public void endArtifact() {
        structure.endArtifact();
    }

    @Override
    public void startImage(JRPrintImage image, float left, float bottom, float right, float top) {
        String alternate = image.getHyperlinkTooltip();
        figureIsArtifact = artifactDepth > 0 || alternate == null || alternate.isBlank();
        if (figureIsArtifact) {
            structure.beginArtifact();
            return;
        }
        PdfStructureEntry figure = structure.beginTag(open.peek(), "Figure");
        figure.putString("Alt", alternate);
        figure.setBBox(left, bottom, right, top);
    }

    @Override
    public void endImage() {
        if (figureIsArtifact) {
            structure.endArtifact();
        } else {
            structure.endTag();
        }
    }

    @Override
    public void startText(JRPrintText text) {
        if (artifactDepth > 0) {
            structure.beginArtifact();
        } else {
            structure.beginTag(open.peek(), textRole());
        }
    }

    @Override
    public void startText(JRPrintText text, String actualText) {
        if (artifactDepth > 0) {
            structure.beginArtifact();
        } else {
            structure.beginTag(open.peek(), textRole(), actualText);
        }
    }

    @Override
    public void endText() {
        if (artifactDepth > 0) {
            structure.endArtifact();
        } else {
            structure.endTag();
        }
    }

    @Override
    public boolean isFirstLinkParagraph() {
        return false;
    }

    @Override
    public PdfStructureEntry getCurrentLinkTag() {
        return null;
    }

    @Override
    public StyledTextListWriter getListWriter() {
        return null;
    }

    /** Text in a heading or a cell is that element's own content; any other text is a paragraph. */
    private String textRole() {
        String kind = openKinds.peek();
        return kind != null && (kind.startsWith("H") || isCell(kind)) ? null : "P";
    }

    private static boolean isCell(String kind) {
        return "TH".equals(kind) || "TD".equals(kind) || "TR".equals(kind);
    }

    private PdfStructureEntry open(String kind) {
        // no kids array yet: a heading or a cell takes its text as marked content of its own, which the
        // PDF library refuses to add to an element that already has an (empty) array of kids
        PdfStructureEntry entry = structure.createTag(open.peek(), kind);
        push(kind, entry);
        return entry;
    }

    private void push(String kind, PdfStructureEntry entry) {
        open.push(entry);
        openKinds.push(kind);
    }

    private void close(String kind) {
        if (kind.equals(openKinds.peek())) {
            open.pop();
            openKinds.pop();
        }
    }

    private void closeTable() {
        while (openKinds.contains("Table")) {
            open.pop();
            openKinds.pop();
        }
    }

    private static boolean isArtifact(JRPrintElement element) {
        return element.hasProperties()
                && "true".equals(element.getPropertiesMap().getProperty(ARTIFACT));
    }

    private static String heading(JRPrintElement element) {
        if (!element.hasProperties()) {
            return null;
        }
        String tag = element.getPropertiesMap().getProperty(AccessibilityUtil.PROPERTY_ACCESSIBILITY_TAG);
        return tag != null && HEADINGS.contains(tag) ? tag : null;
    }

    private static boolean starts(JRPrintElement element, String property) {
        String value = element.hasProperties() ? element.getPropertiesMap().getProperty(property) : null;
        return PdfConstants.TAG_START.equals(value) || PdfConstants.TAG_FULL.equals(value);
    }

    private static boolean ends(JRPrintElement element, String property) {
        String value = element.hasProperties() ? element.getPropertiesMap().getProperty(property) : null;
        return PdfConstants.TAG_END.equals(value) || PdfConstants.TAG_FULL.equals(value);
    }
}
