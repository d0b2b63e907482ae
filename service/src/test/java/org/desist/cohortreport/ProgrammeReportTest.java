package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.pdf.Pdfs;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The programme report PDF: the comparison's figures for every site and model side by side, printed from
 * the comparison's own rows (the same numbers as GET /api/programme/comparison), with the charts drawn as
 * the cohort report's are, the marking, page x of y, the method note and metadata; a lead's alone, and
 * audited as an export.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProgrammeReportTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String FROM = "2023-01-01";
    static final String TODAY = HandCountedCohort.TODAY.toString();
    static final String PERIOD = "?from=" + FROM + "&to=" + TODAY;

    static Api lead;

    @BeforeAll
    static void buildTheCohort() {
        new HandCountedCohort(TestApp.api(APP)).build();
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        lead = TestApp.as(APP, "lead");
    }

    @Test
    void every_site_and_model_side_by_side_with_the_comparisons_figures() {
        HttpResponse<byte[]> response =
                CohortReportPdfTest.bytes(lead, "/programme/report" + PERIOD, "application/pdf");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"programme-" + FROM + "-to-" + TODAY + "-report-" + TODAY + ".pdf\"");
        PdfText pdf = PdfText.of(response.body());
        String text = pdf.text();
        assertThat(text)
                .contains(
                        "Programme report",
                        "Figures clinic",
                        "Other panel",
                        "Clinic treatment model",
                        "Multi agency panel model",
                        "Enrolled against target",
                        "Attendance rate",
                        "Completion rate of exits",
                        "Reoffending within 12 months of exit");
        // each figure's line holds the comparison's value for each group, in the groups' order
        ProgrammeComparison comparison = comparison();
        for (String figure : List.of(
                "referrals_received",
                "referrals_reviewed",
                "sessions_offered",
                "attendance_rate",
                "enrolment_target",
                "exits")) {
            List<String> values = new ArrayList<>();
            for (ProgrammeComparison.Group group : comparison.groups()) {
                comparison.figures().stream()
                        .filter(row -> row.figure().equals(figure)
                                && row.breakdown() == null
                                && row.group().equals(group.group())
                                && row.periodStart().toString().equals(FROM)
                                && row.periodEnd().toString().equals(TODAY))
                        .forEach(row -> values.add(CohortReportPdf.shown(row)));
            }
            assertThat(values).hasSize(comparison.groups().size());
            assertThat(text).contains(CohortReportPdf.label(figure) + " " + String.join(" ", values));
        }
        int pages = pdf.pages().size();
        for (int page = 1; page <= pages; page++) {
            assertThat(pdf.page(page))
                    .contains("OFFICIAL-SENSITIVE", "Page " + page + " of " + pages, "Generated ", "by lead (");
        }
        for (Figure figure : Figure.values()) {
            assertThat(text).contains(figure.definition());
        }
        assertThat(text).doesNotContain("docs/metrics.md");
        assertThat(pdf.info().getTitle()).startsWith("Programme report");
        assertThat(pdf.info().getAuthor()).isEqualTo("Desist");
        assertThat(pdf.info().getSubject()).isNotBlank();
    }

    @Test
    void its_charts_draw_every_group_withheld_values_labelled_nothing_clipped() {
        ProgrammeComparison comparison = comparison();
        Pdfs pdfs = Pdfs.load();
        Map<String, ChartText> charts = ChartText.of(
                new ProgrammeReportPdf(pdfs.templates(), pdfs.export()).fill(comparison, "Generated for a test", null));
        assertThat(charts).containsKeys("enrolment-chart", "attendance-chart", "completion-chart", "reoffending-chart");
        for (ChartText chart : charts.values()) {
            assertThat(chart.joined())
                    .as(chart.key())
                    .contains("Figures clinic", "Other panel", "Clinic treatment", "Multi agency panel");
            assertThat(chart.labels()).as(chart.key()).allSatisfy(label -> {
                assertThat(label.inside())
                        .as("inside: %s %s", label.text(), label.box())
                        .isTrue();
                assertThat(label.text())
                        .doesNotContain("…")
                        .doesNotContain("...")
                        .doesNotStartWith("-");
            });
        }
        // Other panel enrolled nobody: 0; Figures clinic 7; its target 12 and the other's 5
        assertThat(charts.get("enrolment-chart").texts()).contains("7", "12", "5", "0");
        // the other site's one small count is drawn "<5" somewhere, never left out
        long withheld = comparison.figures().stream()
                .filter(row -> row.suppressed() == Suppression.small_number
                        && row.breakdown() == null
                        && row.figure().equals("enrolled_to_date")
                        && row.periodStart().toString().equals(FROM)
                        && row.periodEnd().toString().equals(TODAY))
                .count();
        assertThat(charts.get("enrolment-chart").count("<5")).isEqualTo(withheld);
    }

    @Test
    void a_leads_alone_validated_and_audited_as_a_disclosure() {
        Staff.ensure(APP, "report-clinician", Set.of(Role.clinician), Set.of(HandCountedCohort.SITE));
        Reply refused = TestApp.as(APP, "report-clinician")
                .send("GET", Disclosed.to("/programme/report" + PERIOD), null, Map.of("Accept", "application/pdf"));
        assertThat(refused.status()).isEqualTo(403);
        Reply noFrom = lead.send(
                "GET", Disclosed.to("/programme/report?to=" + TODAY), null, Map.of("Accept", "application/pdf"));
        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(noFrom.fieldsAtFault()).containsExactly("from");

        HttpResponse<byte[]> download =
                CohortReportPdfTest.bytes(lead, "/programme/report" + PERIOD, "application/pdf");
        String requestId = download.headers().firstValue("X-Request-Id").orElseThrow();
        Staff.ensure(APP, "report-admin", Set.of(Role.admin), Set.of());
        JsonNode audit = Cases.ok(TestApp.as(APP, "report-admin").get("/audit?username=lead&limit=500"))
                .get("items");
        List<JsonNode> rows = new ArrayList<>();
        audit.forEach(row -> {
            if (row.get("requestId").asText().equals(requestId)) {
                rows.add(row);
            }
        });
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("action").asText()).isEqualTo("disclose");
            assertThat(row.get("resourceType").asText()).isEqualTo("programme_report_pdf");
            assertThat(row.get("recipient").asText()).isEqualTo(Disclosed.NAME + ", " + Disclosed.ORGANISATION);
            assertThat(row.get("purpose").asText()).isEqualTo(Disclosed.PURPOSE);
        });
    }

    static ProgrammeComparison comparison() {
        try {
            return CohortReportPdfTest.JSON.treeToValue(
                    Cases.ok(lead.get("/programme/comparison" + PERIOD)), ProgrammeComparison.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
