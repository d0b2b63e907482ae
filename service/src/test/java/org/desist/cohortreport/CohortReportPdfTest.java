package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.pdf.Pdfs;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cohort report PDF as a lead reads it, at the pilot's sizes: {@link HandCountedCohort} (ten people),
 * a cohort of three (every count small), an empty cohort, and the hand-counted figures scaled to a cohort
 * of about three hundred. The PDF is read back with PDFBox; the charts, whose text the PDF holds as shapes,
 * are read by drawing them onto a canvas that notes each label ({@link ChartText}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CohortReportPdfTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final ObjectMapper JSON = Jackson.newObjectMapper();
    static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,.]*%?");
    static final Pdfs PDFS = Pdfs.load();
    static final CohortReportPdf PDF = new CohortReportPdf(PDFS.templates(), PDFS.export());
    static final String GENERATED = "Generated for a test";

    static HandCountedCohort cohort;
    static Api lead;
    static String threeId;
    static String emptyId;

    @BeforeAll
    static void buildTheCohorts() {
        Api api = TestApp.api(APP);
        cohort = new HandCountedCohort(api).build();
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        lead = TestApp.as(APP, "lead");
        threeId = Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                HandCountedCohort.SITE,
                                "name",
                                "Three 2025",
                                "startsOn",
                                "2025-01-01",
                                "endsOn",
                                "2026-12-31",
                                "target",
                                3)))
                .get("id")
                .asText();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> body = Cases.referral(HandCountedCohort.SITE, "2025-02-0" + i, "Three", "Person" + i);
            body.put(
                    "participant",
                    Map.of("givenName", "Three", "familyName", "Person" + i, "dateOfBirth", "1980-01-0" + i));
            var referral = Cases.created(api.post("/referrals", body));
            Cases.ok(api.post(
                    "/referrals/" + referral.get("id").asText() + "/review",
                    Map.of(
                            "reviewedOn",
                            "2025-02-0" + (i + 3),
                            "priority",
                            "high",
                            "decision",
                            "accept_for_intervention",
                            "reason",
                            "Daily review")));
            String participant = referral.get("participantId").asText();
            String enrolment = Cases.created(api.post(
                            "/enrolments",
                            Map.of("participantId", participant, "cohortId", threeId, "on", "2025-02-1" + i)))
                    .get("id")
                    .asText();
            Cases.ok(api.post(
                    "/enrolments/" + enrolment + "/transitions",
                    Map.of("to", "assessing", "on", "2025-02-2" + i, "reason", "Moved")));
            Cases.ok(api.post(
                    "/enrolments/" + enrolment + "/transitions",
                    Map.of("to", "enrolled", "on", "2025-03-0" + i, "reason", "Moved")));
        }
        emptyId = Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                HandCountedCohort.SITE,
                                "name",
                                "Ünïcode / pilot: «2026»",
                                "startsOn",
                                "2026-01-01",
                                "endsOn",
                                "2026-12-31",
                                "target",
                                20)))
                .get("id")
                .asText();
    }

    // ------------------------------------------------------------------ 1. withheld values are drawn, labelled

    @Test
    void withheld_counts_are_drawn_labelled_less_than_five() {
        CohortReport report = report(cohort.cohortId, "");
        Map<String, ChartText> charts = ChartText.of(PDF.fill(report, GENERATED, null));
        // enrolments now: completed 4, disengaged 1, not suitable 1, breached 1, enrolled 1: five "<5" bars
        assertThat(charts.get("states-chart").count("<5"))
                .as(charts.get("states-chart").texts().toString())
                .isEqualTo(withheld(report, Figure.enrolments, "state"));
        assertThat(charts.get("risk-chart").count("<5"))
                .as(charts.get("risk-chart").texts().toString())
                .isEqualTo(withheld(report, Figure.risk_moved_down, "domain")
                        + withheld(report, Figure.risk_stayed, "domain")
                        + withheld(report, Figure.risk_moved_up, "domain"));
        // the months before five had enrolled are "<5", not gaps
        assertThat(charts.get("enrolment-chart").texts()).contains("<5");
        // a cohort of three: every count is small, and still drawn
        Map<String, ChartText> three = ChartText.of(PDF.fill(report(threeId, ""), GENERATED, null));
        assertThat(three.get("states-chart").count("<5")).isEqualTo(1);
        assertThat(three.get("enrolment-chart").texts()).contains("<5");
    }

    // ------------------------------------------------------------------ 2. every movement of risk is there

    @Test
    void risk_movement_shows_improved_stayed_and_worsened_for_every_domain() {
        ChartText risk = ChartText.of(PDF.fill(report(cohort.cohortId, ""), GENERATED, null))
                .get("risk-chart");
        assertThat(risk.joined())
                .contains("Improved", "Stayed", "Worsened", "Violence", "Persistence", "Recurrence", "Psychosocial");
        // one value label per domain and movement: a number, "<5" or "[c]"
        long values = risk.texts().stream()
                .filter(text -> text.equals("<5") || text.equals("[c]") || text.matches("[0-9]+"))
                .count();
        long ticks =
                risk.texts().stream().filter(text -> text.matches("[0-9]+")).count();
        assertThat(values).as(risk.texts().toString()).isGreaterThanOrEqualTo(12);
        assertThat(risk.count("<5") + risk.count("[c]") + ticks).isEqualTo(values);
        assertThat(risk.count("<5") + risk.count("[c]")).isGreaterThan(0);
    }

    // ------------------------------------------------------------------ 3. axes from zero, whole numbers for counts

    @Test
    void count_axes_start_at_zero_with_whole_number_ticks_at_every_size() {
        for (CohortReport report : sizes()) {
            Map<String, ChartText> charts = ChartText.of(PDF.fill(report, GENERATED, null));
            for (ChartText chart : charts.values()) {
                List<String> numbers = chart.texts().stream()
                        .filter(text -> NUMBER.matcher(text).matches())
                        .toList();
                assertThat(numbers)
                        .as("%s of %s: %s", chart.key(), report.cohort().name(), chart.texts())
                        .containsAnyOf("0", "0%")
                        .allSatisfy(number -> assertThat(number).matches("[0-9][0-9,]*%?"));
            }
        }
    }

    // ------------------------------------------------------------------ 4. nothing clipped, nothing truncated

    @Test
    void no_chart_label_is_clipped_or_truncated_at_any_size() {
        for (CohortReport report : sizes()) {
            Map<String, ChartText> charts = ChartText.of(PDF.fill(report, GENERATED, null));
            assertThat(charts).containsKeys("enrolment-chart", "states-chart", "attendance-chart", "risk-chart");
            for (ChartText chart : charts.values()) {
                assertThat(chart.labels())
                        .as("%s of %s", chart.key(), report.cohort().name())
                        .allSatisfy(label -> {
                            assertThat(label.inside())
                                    .as("inside: %s %s", label.text(), label.box())
                                    .isTrue();
                            assertThat(label.text()).doesNotContain("…").doesNotContain("...");
                        });
            }
            assertThat(charts.get("risk-chart").joined()).contains("Psychosocial damage");
            assertThat(charts.get("states-chart").joined()).contains("Not suitable", "Transferred");
        }
    }

    // ------------------------------------------------------------------ 5-7. the document around the charts

    @Test
    void every_page_carries_the_protective_marking_and_page_x_of_y() {
        PdfText pdf = PdfText.of(download(cohort.cohortId).body());
        int pages = pdf.pages().size();
        for (int page = 1; page <= pages; page++) {
            assertThat(pdf.page(page)).contains("OFFICIAL-SENSITIVE", "Page " + page + " of " + pages);
        }
    }

    @Test
    void the_method_note_is_printed_in_the_pdf_itself() {
        String text = PdfText.of(download(cohort.cohortId).body()).text();
        assertThat(text).doesNotContain("docs/metrics.md");
        for (Figure figure : Figure.values()) {
            assertThat(text).contains(figure.definition().replaceAll("\\s+", " "));
        }
    }

    @Test
    void the_pdf_has_metadata_and_a_file_name_that_says_what_it_is() {
        HttpResponse<byte[]> response = download(cohort.cohortId);
        String today = HandCountedCohort.TODAY.toString();
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"figs-figs-pilot-2023-report-" + today + ".pdf\"");
        PdfText pdf = PdfText.of(response.body());
        assertThat(pdf.info().getTitle()).isEqualTo("Cohort report \u2014 FIGS pilot 2023");
        assertThat(pdf.info().getAuthor()).isEqualTo("Desist");
        assertThat(pdf.info().getSubject()).contains("Figures clinic", "FIGS pilot 2023");

        assertThat(download(emptyId).headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"figs-unicode-pilot-2026-report-" + today + ".pdf\"");
    }

    // ------------------------------------------------------------------ helpers

    /** The report of the cohort as the service gives it (JSON), ready to draw. */
    static CohortReport report(String cohortId, String query) {
        try {
            return JSON.treeToValue(Cases.ok(lead.get("/cohorts/" + cohortId + "/report" + query)), CohortReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Three people, ten, none, and ten scaled thirty-fold (unsuppressed: nothing is small at that size). */
    static List<CohortReport> sizes() {
        return List.of(
                report(threeId, ""),
                report(cohort.cohortId, ""),
                report(emptyId, ""),
                scaled(report(cohort.cohortId, "?unsuppressed=true"), 30));
    }

    static CohortReport scaled(CohortReport report, int factor) {
        List<FigureRow> rows = new ArrayList<>();
        for (FigureRow row : report.figures()) {
            Object value = row.value();
            if (value instanceof Number number
                    && (row.measure().equals("count") || row.measure().equals("target"))) {
                value = new BigDecimal(number.toString())
                        .multiply(BigDecimal.valueOf(factor))
                        .intValue();
            }
            rows.add(new FigureRow(
                    row.figure(),
                    row.measure(),
                    row.breakdownBy(),
                    row.breakdown(),
                    row.groupType(),
                    row.group(),
                    row.periodStart(),
                    row.periodEnd(),
                    value,
                    row.suppressed()));
        }
        CohortReport.Header header = report.cohort();
        return new CohortReport(
                new CohortReport.Header(
                        header.id(),
                        "Three hundred",
                        header.siteCode(),
                        header.siteName(),
                        header.model(),
                        header.startsOn(),
                        header.endsOn(),
                        header.target() * factor),
                report.from(),
                report.to(),
                report.asOf(),
                report.smallNumbersSuppressed(),
                rows);
    }

    /** How many of a figure's breakdown rows (the latest period) are small numbers withheld. */
    static long withheld(CohortReport report, Figure figure, String by) {
        Map<String, FigureRow> latest = new LinkedHashMap<>();
        report.figures().stream()
                .filter(row -> row.figure().equals(figure.name()) && by.equals(row.breakdownBy()))
                .filter(row -> row.periodStart().equals(report.asOf())
                        || row.periodStart().equals(report.from())
                                && row.periodEnd().equals(report.to()))
                .forEach(row -> latest.put(row.breakdown(), row));
        return latest.values().stream()
                .filter(row -> row.suppressed() == Suppression.small_number)
                .count();
    }

    static HttpResponse<byte[]> download(String cohortId) {
        return bytes(lead, "/cohorts/" + cohortId + "/report", "application/pdf");
    }

    /** A download as the given user's client sees it: status, headers and the bytes. */
    static HttpResponse<byte[]> bytes(Api api, String path, String accept) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + Disclosed.to(path)))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    ("lead:" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", accept)
                    .GET()
                    .build();
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode())
                    .as(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
