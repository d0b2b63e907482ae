package org.desist.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.desist.cohortreport.Figure;
import org.desist.cohortreport.FigureRow;
import org.desist.cohortreport.ReportingPeriod;
import org.desist.cohortreport.Suppression;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The dashboard's charts as the pages inline them: styled by attributes alone, labelled, described, defined. */
class DashboardChartsTest {
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);
    static final Definitions DEFINITIONS = Definitions.load();

    @Test
    void a_small_number_is_a_bar_labelled_under_5_and_the_svg_has_no_inline_style() throws Exception {
        List<FigureRow> rows = List.of(
                row("enrolled_to_date", "count", null, "SMALL", FROM, TO, "<5", Suppression.small_number),
                row("enrolled_to_date", "count", null, "BIG", FROM, TO, 12, null),
                row("enrolment_target", "target", null, "SMALL", FROM, TO, 20, null),
                row("enrolment_target", "target", null, "BIG", FROM, TO, 20, null),
                row("attendance_rate", "rate", null, "SMALL", FROM, TO, null, Suppression.derived),
                row("attendance_rate", "rate", null, "BIG", FROM, TO, 0.75, null));
        List<Chart> charts = new Dashboard(new FigureRows(rows), DEFINITIONS)
                .period(List.of(new Charts.Category("Small site", "SMALL"), new Charts.Category("Big site", "BIG")));

        assertThat(charts).extracting(Chart::id).containsExactly("enrolled", "attendance");
        Chart enrolled = charts.get(0);
        Document svg = parse(enrolled.svg());
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + SvgChart.WIDTH + " " + SvgChart.HEIGHT);
        assertThat(text(svg, "title")).containsExactly("Enrolled to date against target");
        assertThat(text(svg, "desc").get(0))
                .contains("Enrolled: Small site fewer than 5, Big site 12")
                .contains("Target: Small site 20, Big site 20");
        assertThat(text(svg, "text")).contains("<5", "12", "20");
        assertThat(svg.getElementsByTagNameNS("*", "style").getLength()).isZero();
        assertThat(enrolled.svg()).doesNotContain("style=");
        // the drawing keeps its colours and fonts, as attributes
        assertThat(enrolled.svg()).contains("fill=\"rgb(", "font-family=");

        assertThat(enrolled.table().columns()).containsExactly("enrolled", "target");
        assertThat(enrolled.table().lines())
                .extracting(line -> line.cells().stream().map(Chart.Cell::shown).toList())
                .containsExactly(List.of("<5", "20"), List.of("12", "20"));
        assertThat(enrolled.definition()).contains("<p>");
        Chart attendance = charts.get(1);
        assertThat(text(parse(attendance.svg()), "text")).contains("[c]", "75%");
        assertThat(attendance.table().lines())
                .extracting(line -> line.cells().get(0).shown())
                .containsExactly("[c]", "75%");
    }

    @Test
    void monthly_charts_draw_each_month_and_the_target_as_a_level() throws Exception {
        List<FigureRow> rows = new ArrayList<>();
        ReportingPeriod period = new ReportingPeriod(FROM, TO);
        int month = 0;
        for (var each : period.months()) {
            ReportingPeriod part = period.within(each);
            rows.add(row(
                    "enrolled_to_date",
                    "count",
                    null,
                    "C",
                    part.from(),
                    part.to(),
                    month == 0 ? "<5" : 5 + month,
                    month == 0 ? Suppression.small_number : null));
            month++;
        }
        rows.add(row("enrolled_to_date", "count", null, "C", FROM, TO, 7, null));
        rows.add(row("enrolment_target", "target", null, "C", FROM, TO, 20, null));
        List<Chart> charts = new Dashboard(new FigureRows(rows), DEFINITIONS).monthly("C", period);

        assertThat(charts).extracting(Chart::id).containsExactly("enrolled-by-month");
        Chart chart = charts.get(0);
        assertThat(chart.table().lines())
                .extracting(line -> line.label() + " "
                        + line.cells().stream().map(Chart.Cell::shown).toList())
                .containsExactly("Jan 2026 [<5, 20]", "Feb 2026 [6, 20]", "Mar 2026 [7, 20]");
        Document svg = parse(chart.svg());
        assertThat(text(svg, "text")).contains("<5", "target 20");
        assertThat(chart.svg()).doesNotContain("style=");
    }

    @Test
    void every_figure_has_its_definition_from_the_metrics_document() {
        for (Figure figure : Figure.values()) {
            assertThat(DEFINITIONS.of(figure.name())).as(figure.name()).isPresent();
            assertThat(DEFINITIONS.of(figure.name()).orElseThrow())
                    .as(figure.name())
                    .isNotBlank();
        }
    }

    @Test
    void markdown_in_a_definition_is_rendered_and_raw_html_escaped() {
        Definitions definitions = new Definitions(
                "## Figures\n\n### `one`\n\nA *count* of <script>x</script> people.\n\n### `two`\n\nSecond.\n\n## Next\n\nNot a definition.\n");
        assertThat(definitions.of("one").orElseThrow())
                .contains("<em>count</em>", "&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(definitions.of("two").orElseThrow()).contains("Second.").doesNotContain("Not a definition");
        assertThat(definitions.of("three")).isEmpty();
    }

    private static FigureRow row(
            String figure,
            String measure,
            String breakdown,
            String group,
            LocalDate start,
            LocalDate end,
            Object value,
            Suppression suppressed) {
        return new FigureRow(
                figure,
                measure,
                breakdown == null ? null : "by",
                breakdown,
                "site",
                group,
                start,
                end,
                value,
                suppressed);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> text(Document svg, String element) {
        NodeList found = svg.getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }
}
