package org.desist.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * A PDF as an archive or a screen reader meets it: the rules of a veraPDF profile (PDF/A, PDF/UA) it
 * breaks, and, read with PDFBox, its catalogue (language, tagging, title shown), its structure tree and
 * every font it uses.
 */
public final class ArchivalCheck {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private ArchivalCheck() {}

    /** Each broken rule once, as "clause-test: what it says", sorted; empty when the PDF conforms. */
    public static List<String> brokenRules(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            TreeSet<String> broken = new TreeSet<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    broken.add(assertion.getRuleId().getClause() + "-"
                            + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage());
                }
            }
            if (broken.isEmpty() && !result.isCompliant()) {
                broken.add("not compliant, no rule named: " + result.getJobEndStatus());
            }
            return List.copyOf(broken);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF as " + flavour, e);
        }
    }

    /** What the catalogue and the structure tree say, and every font of every page. */
    public record Structure(
            String language,
            boolean marked,
            boolean displaysTitle,
            List<String> types,
            List<String> figureAlternates,
            List<PDFont> fonts) {}

    public static Structure structure(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            List<String> types = new ArrayList<>();
            List<String> alternates = new ArrayList<>();
            if (catalog.getStructureTreeRoot() != null) {
                walk(catalog.getStructureTreeRoot(), types, alternates);
            }
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                fonts(page.getResources(), fonts);
            }
            return new Structure(
                    catalog.getLanguage(),
                    catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(),
                    catalog.getViewerPreferences() != null
                            && catalog.getViewerPreferences().displayDocTitle(),
                    types,
                    alternates,
                    fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Structure types as standard types (after the role map), in reading order. */
    private static void walk(PDStructureNode node, List<String> types, List<String> alternates) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                String type = element.getStandardStructureType();
                types.add(type);
                if ("Figure".equals(type)) {
                    alternates.add(element.getAlternateDescription());
                }
                walk(element, types, alternates);
            }
        }
    }

    private static void fonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form && form.getResources() != resources) {
                fonts(form.getResources(), fonts);
            }
        }
    }
}
