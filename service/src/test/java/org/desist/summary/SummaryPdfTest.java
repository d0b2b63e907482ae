package org.desist.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.desist.pdf.PdfText;
import org.desist.pdf.Pdfs;
import org.desist.pdf.RenderRehearsal;
import org.desist.pdf.ReportTemplates;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates and the renderer on their own: layout of every kind of line, page furniture, fonts. */
@Tag("slow")
class SummaryPdfTest {
    static final Pdfs PDFS = Pdfs.load();
    static final SummaryPdf PDF = new SummaryPdf(PDFS.templates(), PDFS.export());
    /** The foot line of a disclosed PDF, as disclosure.DisclosureRequest writes it. */
    static final String DISCLOSED =
            "Disclosed to Jane Hill, HMPPS North West, for parole hearing 2026-12-10, on 4 December 2026";

    static final SummaryPdf.Cover COVER = new SummaryPdf.Cover(
            "probation-summary",
            "TEST-2026-0001",
            "Daniel Hale, born 14 Mar 1987",
            "Generated 2026-11-24 14:03 UTC by po.test (probation)",
            "Probation case summary TEST-2026-0001",
            "Probation case summary for supervision");

    @Test
    void every_kind_of_line_prints_and_every_page_carries_its_furniture() {
        String longText = IntStream.range(0, 400)
                .mapToObj(i -> "word" + i)
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
        SummaryLines lines = new SummaryLines()
                .section("1. Identity")
                .field("Case reference", "TEST-2026-0001")
                .field("PNC id", null)
                .section("2. Nothing here")
                .section("3. Table")
                .table(
                        List.of("Date", "Kind", "Source", "Details"),
                        List.of(
                                List.of("14 May 2026", "Breach of order", "Police", "Sent three messages"),
                                List.of("15 May 2026", "Arrest", "Police", "Arrested at home")),
                        row -> row,
                        row -> row.get(1).equals("Arrest"))
                .section("4. Empty table")
                .table(List.of("A", "B"), List.<List<String>>of(), row -> row)
                .section("5. Notes")
                .subheading("Shareable notes")
                .paragraph("2 Mar 2026 \u2014 individual therapy", longText);
        for (int i = 0; i < 120; i++) {
            lines.field("Line " + i, "value " + i);
        }
        PdfText pdf = PdfText.of(PDF.render(COVER, lines.lines(), DISCLOSED));

        assertThat(pdf.pages()).hasSizeGreaterThan(2);
        int pages = pdf.pages().size();
        for (int page = 1; page <= pages; page++) {
            assertThat(pdf.page(page))
                    .as("page %d", page)
                    .contains(
                            "OFFICIAL-SENSITIVE",
                            "Case TEST-2026-0001",
                            "Page " + page + " of " + pages,
                            "Generated 2026-11-24 14:03 UTC by po.test (probation)",
                            DISCLOSED);
        }
        assertThat(pdf.text())
                .contains(
                        "Probation case summary",
                        "Daniel Hale, born 14 Mar 1987",
                        "1. Identity",
                        "PNC id Not recorded",
                        "2. Nothing here None recorded",
                        "14 May 2026 Breach of order Police Sent three messages",
                        "4. Empty table None recorded",
                        "word0 word1",
                        "word399",
                        "Line 119 value 119",
                        "End of the summary");
        assertThat(pdf.info().getTitle()).isEqualTo("Probation case summary TEST-2026-0001");
        assertThat(pdf.info().getAuthor()).isEqualTo("Desist");
        assertThat(pdf.info().getSubject()).isEqualTo("Probation case summary for supervision");
        assertThat(pdf.firstPageFonts()).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                .as(font.getName())
                .isTrue());
        assertThat(pdf.firstPageFonts()).extracting(PDFont::getName).allMatch(name -> name.contains("DejaVuSans"));
    }

    @Test
    void a_subheading_and_a_table_header_never_end_a_page_without_a_row_under_them() {
        // filler lines push the subheading, the table's header and then its rows over the foot of page 1
        for (int filler = 30; filler <= 50; filler++) {
            SummaryLines lines = new SummaryLines().section("1. Filler");
            for (int i = 0; i < filler; i++) {
                lines.field("Line " + i, "value " + i);
            }
            lines.subheading("The caption")
                    .table(
                            List.of("Date", "Kind", "Source", "Details"),
                            List.of(
                                    List.of("14 May 2026", "first row", "Police", "x"),
                                    List.of("15 May 2026", "second row", "Police", "y")),
                            row -> row);
            PdfText pdf = PdfText.of(PDF.render(COVER, lines.lines(), DISCLOSED));
            for (int page = 1; page <= pdf.pages().size(); page++) {
                String text = pdf.page(page);
                // a caption and column titles are followed by a row on the same page (the second row when
                // they are printed again over a table that runs on)
                if (text.contains("The caption")) {
                    assertThat(text)
                            .as("%d filler lines, page %d", filler, page)
                            .contains("Date Kind Source Details")
                            .containsPattern("(first|second) row");
                }
                if (text.contains("Date Kind Source Details")) {
                    assertThat(text)
                            .as("%d filler lines, page %d", filler, page)
                            .containsPattern("(first|second) row");
                }
            }
        }
    }

    @Test
    void a_short_paragraph_is_not_split_over_two_pages() {
        for (int filler = 30; filler <= 50; filler++) {
            SummaryLines lines = new SummaryLines().section("1. Filler");
            for (int i = 0; i < filler; i++) {
                lines.field("Line " + i, "value " + i);
            }
            lines.paragraph(
                    "2 Mar 2026 \u2014 Individual therapy",
                    "Opening words of the note. " + "Words in the middle of the note. ".repeat(12)
                            + "Closing words of the note.");
            PdfText pdf = PdfText.of(PDF.render(COVER, lines.lines(), DISCLOSED));
            for (int page = 1; page <= pdf.pages().size(); page++) {
                String text = pdf.page(page);
                if (text.contains("Opening words")) {
                    assertThat(text)
                            .as("%d filler lines, page %d", filler, page)
                            .contains("Individual therapy", "Closing words of the note.");
                }
            }
        }
    }

    @Test
    void an_empty_body_still_prints_its_sections() {
        PdfText pdf = PdfText.of(
                PDF.render(COVER, new SummaryLines().section("1. Incidents").lines(), DISCLOSED));
        assertThat(pdf.pages()).hasSize(1);
        assertThat(pdf.text()).contains("1. Incidents None recorded End of the summary", "Page 1 of 1");
    }

    @Test
    void the_masters_print_the_same_with_their_page_parts_as_subreports_or_inlined(@TempDir Path work)
            throws Exception {
        // the templates stay valid as written (page head and foot as subreports, as a designer opens
        // them); the build puts those parts inline, and the document must not change
        ReportTemplates templates = PDFS.templates();
        SimpleJasperReportsContext compiling = new SimpleJasperReportsContext(templates.context());
        compiling.setProperty("net.sf.jasperreports.compiler.temp.dir", work.toString());
        JasperCompileManager compiler = JasperCompileManager.getInstance(compiling);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("DESIST_STYLES", templates.styles());
        parameters.put("BODY", templates.report(SummaryPdf.BODY));
        parameters.put("PAGE_HEADER", templates.report("page-header"));
        parameters.put("PAGE_FOOTER", templates.report("page-footer"));
        parameters.put("CASE_REF", COVER.caseRef());
        parameters.put("SUBJECT", COVER.subtitle());
        parameters.put("GENERATED", COVER.generated());
        parameters.put("DISCLOSED", DISCLOSED);
        List<SummaryLine> lines = new SummaryLines()
                .section("1. Identity")
                .field("Name", "Daniel Hale")
                .paragraph("Note", "Some text")
                .lines();
        for (String master : SummaryPdf.MASTERS) {
            parameters.put("LINES", new JRBeanCollectionDataSource(lines));
            JasperPrint print = JasperFillManager.getInstance(templates.context())
                    .fill(compile(compiler, compiling, master + ".jrxml"), parameters, new JREmptyDataSource(1));
            JRPdfExporter exporter = new JRPdfExporter(templates.context());
            ByteArrayOutputStream subreports = new ByteArrayOutputStream();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(subreports));
            exporter.exportReport();
            SummaryPdf.Cover cover = new SummaryPdf.Cover(
                    master, COVER.caseRef(), COVER.subtitle(), COVER.generated(), COVER.title(), COVER.subject());
            assertThat(PdfText.of(PDF.render(cover, lines, DISCLOSED)).pages())
                    .isEqualTo(PdfText.of(subreports.toByteArray()).pages())
                    .allSatisfy(
                            page -> assertThat(page).contains("OFFICIAL-SENSITIVE", "Case TEST-2026-0001", DISCLOSED));
        }
    }

    private static JasperReport compile(JasperCompileManager compiler, JasperReportsContext context, String file)
            throws Exception {
        try (var in = SummaryPdfTest.class.getClassLoader().getResourceAsStream("reports/" + file)) {
            return compiler.compile(JRXmlLoader.load(context, in));
        }
    }

    @Test
    void the_rehearsal_renders_every_master_and_every_kind_of_line() {
        assertThat(PDF.rehearsals())
                .extracting(RenderRehearsal.Document::name)
                .containsExactlyElementsOf(SummaryPdf.MASTERS);
        assertThat(new RenderRehearsal(PDF.rehearsals(), new RenderRehearsal.Settings()).rehearse())
                .isNotNegative();
        assertThat(SummaryPdf.sample(2))
                .extracting(SummaryLine::getKind)
                .containsAll(java.util.Arrays.stream(SummaryLine.Kind.values())
                        .map(Enum::name)
                        .toList());
    }

    @Test
    void a_table_wider_than_the_layout_is_refused() {
        assertThatThrownBy(() -> new SummaryLines()
                        .section("x")
                        .table(List.of("1", "2", "3", "4", "5"), List.of(), row -> List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
