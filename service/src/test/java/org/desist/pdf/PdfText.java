package org.desist.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back with PDFBox: its text page by page, its metadata, and the fonts of its first page. */
public record PdfText(List<String> pages, PDDocumentInformation info, List<PDFont> firstPageFonts) {

    public static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            List<PDFont> fonts = new ArrayList<>();
            PDPage first = document.getPage(0);
            PDResources resources = first.getResources();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            return new PdfText(pages, document.getDocumentInformation(), fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole text, pages joined, with line breaks and runs of spaces made single spaces. */
    public String text() {
        return String.join(" ", pages).replaceAll("\\s+", " ");
    }

    public String page(int number) {
        return pages.get(number - 1).replaceAll("\\s+", " ");
    }
}
