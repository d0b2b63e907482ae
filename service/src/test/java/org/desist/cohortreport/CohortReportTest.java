package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
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
 * The cohort report of {@link HandCountedCohort} against the figures counted by hand: suppressed by
 * default (small numbers, complementary cells, derived rates), unsuppressed for a lead (audited), the
 * CSV parsed back, the PDF read back to text, and who may ask.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CohortReportTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String START = "2023-01-01";
    static final String TODAY = HandCountedCohort.TODAY.toString();

    static HandCountedCohort cohort;
    static Api lead;
    static String report;

    @BeforeAll
    static void buildTheCohort() {
        cohort = new HandCountedCohort(TestApp.api(APP)).build();
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        lead = TestApp.as(APP, "lead");
        report = "/cohorts/" + cohort.cohortId + "/report";
    }

    /** Every figure of the whole period, unsuppressed: the hand count, exactly. */
    @Test
    void unsuppressed_figures_are_the_hand_count() {
        JsonNode answer = Cases.ok(lead.get(report + "?unsuppressed=true"));
        assertThat(answer.get("smallNumbersSuppressed").asBoolean()).isFalse();
        assertThat(answer.get("from").asText()).isEqualTo(START);
        assertThat(answer.get("to").asText()).isEqualTo(TODAY);
        assertThat(answer.get("cohort").get("model").asText()).isEqualTo("clinic_treatment");
        FigureTable table = new FigureTable(answer);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("referrals_received", "10");
        expected.put("referrals_received/police", "5");
        expected.put("referrals_received/probation", "2");
        expected.put("referrals_received/mental_health_team", "1");
        expected.put("referrals_received/advocacy_service", "1");
        expected.put("referrals_received/other", "1");
        expected.put("referrals_reviewed", "9");
        expected.put("referrals_reviewed/high", "4");
        expected.put("referrals_reviewed/medium", "3");
        expected.put("referrals_reviewed/standard", "2");
        expected.put("median_days_to_review", "2");
        expected.put("enrolled_to_date", "7");
        expected.put("enrolment_target", "12");
        expected.put("exits", "6");
        expected.put("exits/completed", "4");
        expected.put("exits/disengaged", "1");
        expected.put("exits/breached", "1");
        expected.put("exits/withdrawn", "0");
        expected.put("exits/transferred", "0");
        expected.put("completion_rate", "0.6667");
        expected.put("sessions_offered", "13");
        expected.put("sessions_offered/attended_or_late", "10");
        expected.put("sessions_offered/did_not_attend", "2");
        expected.put("sessions_offered/cancelled_by_participant", "1");
        expected.put("sessions_cancelled_by_service", "1");
        expected.put("attendance_rate", "0.7692");
        expected.put("mean_engagement", "3.89");
        expected.put("onward_referrals_made", "5");
        expected.put("onward_referrals_made/mental_health", "3");
        expected.put("onward_referrals_made/substance_misuse", "1");
        expected.put("onward_referrals_made/other", "1");
        expected.put("onward_referrals_accepted", "3");
        expected.put("onward_referrals_accepted/mental_health", "1");
        expected.put("onward_referrals_engaged", "2");
        expected.put("onward_referrals_engaged/other", "1");
        expected.put("onward_referrals_completed", "1");
        expected.put("onward_referrals_completed/mental_health", "1");
        expected.put("risk_compared", "5");
        expected.put("risk_moved_down/violence", "2");
        expected.put("risk_stayed/violence", "2");
        expected.put("risk_moved_up/violence", "1");
        expected.put("risk_moved_down/persistence", "3");
        expected.put("risk_stayed/persistence", "2");
        expected.put("risk_moved_up/persistence", "0");
        expected.put("risk_moved_down/recurrence", "2");
        expected.put("risk_stayed/recurrence", "3");
        expected.put("risk_moved_down/psychosocial_damage", "1");
        expected.put("risk_stayed/psychosocial_damage", "3");
        expected.put("risk_moved_up/psychosocial_damage", "1");
        expected.put("incidents_during_programme", "5");
        expected.put("incidents_during_programme/breach_of_order", "2");
        expected.put("incidents_during_programme/contact_with_victim", "3");
        expected.put("incidents_during_programme/new_allegation", "0");
        expected.put("exits_followed_up/6_months", "5");
        expected.put("reoffended/6_months", "2");
        expected.put("reoffending_rate/6_months", "0.4");
        expected.put("exits_followed_up/12_months", "5");
        expected.put("reoffended/12_months", "3");
        expected.put("reoffending_rate/12_months", "0.6");
        expected.put("exits_followed_up/24_months", "4");
        expected.put("reoffended/24_months", "3");
        expected.put("reoffending_rate/24_months", "0.75");
        expected.put("reoffending_baseline", "0.55");
        expected.forEach((key, value) -> {
            String[] parts = key.split("/");
            assertThat(table.value(cohort.cohortId, parts[0], parts.length > 1 ? parts[1] : null, START, TODAY))
                    .as(key)
                    .isEqualTo(FigureTable.number(value));
        });
        Map<String, String> now = Map.of(
                "enrolments",
                "8",
                "completed",
                "4",
                "disengaged",
                "1",
                "not_suitable",
                "1",
                "breached",
                "1",
                "enrolled",
                "1",
                "referred",
                "0",
                "withdrawn",
                "0");
        now.forEach((state, value) -> assertThat(table.value(
                        cohort.cohortId, "enrolments", state.equals("enrolments") ? null : state, TODAY, TODAY))
                .as(state)
                .isEqualTo(value));
        assertThat(table.rows())
                .allSatisfy(row -> assertThat(row.get("suppressed").isNull()).isTrue());
    }

    @Test
    void months_show_enrolment_against_target_and_attendance() {
        FigureTable table = new FigureTable(Cases.ok(lead.get(report + "?unsuppressed=true")));
        String id = cohort.cohortId;
        assertThat(table.value(id, "enrolled_to_date", null, "2023-01-01", "2023-01-31"))
                .isEqualTo("0");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-02-01", "2023-02-28"))
                .isEqualTo("2");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-03-01", "2023-03-31"))
                .isEqualTo("4");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("5");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-06-01", "2023-06-30"))
                .isEqualTo("7");
        assertThat(table.value(id, "enrolled_to_date", null, "2024-06-01", "2024-06-30"))
                .isEqualTo("7");
        assertThat(table.value(id, "sessions_offered", null, "2023-03-01", "2023-03-31"))
                .isEqualTo("7");
        assertThat(table.value(id, "attendance_rate", null, "2023-03-01", "2023-03-31"))
                .isEqualTo("0.7143");
        assertThat(table.value(id, "mean_engagement", null, "2023-03-01", "2023-03-31"))
                .isEqualTo("3.5");
        assertThat(table.value(id, "attendance_rate", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("0.8333");
        assertThat(table.value(id, "mean_engagement", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("4.2");
        // a month without sessions has no rate rather than a rate of zero
        assertThat(table.value(id, "attendance_rate", null, "2023-05-01", "2023-05-31"))
                .isEqualTo("null");
        // the last month is cut at the period's end
        LocalDate today = HandCountedCohort.TODAY;
        assertThat(table.value(
                        id, "sessions_offered", null, today.withDayOfMonth(1).toString(), TODAY))
                .isEqualTo("0");
    }

    /** By default small numbers are "<5", and what would reveal them is withheld too. */
    @Test
    void suppressed_by_default_small_numbers_complements_and_rates_built_on_them() {
        JsonNode answer = Cases.ok(lead.get(report));
        assertThat(answer.get("smallNumbersSuppressed").asBoolean()).isTrue();
        FigureTable table = new FigureTable(answer);
        String id = cohort.cohortId;
        // primary: counts from 1 to 4
        assertThat(table.value(id, "referrals_received", null, START, TODAY)).isEqualTo("10");
        assertThat(table.value(id, "referrals_received", "police", START, TODAY))
                .isEqualTo("5");
        for (String source : List.of("probation", "mental_health_team", "advocacy_service", "other")) {
            assertThat(table.value(id, "referrals_received", source, START, TODAY))
                    .isEqualTo("<5");
            assertThat(table.suppressed(id, "referrals_received", source, START, TODAY))
                    .isEqualTo("small_number");
        }
        assertThat(table.value(id, "exits", "withdrawn", START, TODAY)).isEqualTo("0");
        assertThat(table.suppressed(id, "exits", "withdrawn", START, TODAY)).isNull();
        assertThat(table.value(id, "median_days_to_review", null, START, TODAY)).isEqualTo("2");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-02-01", "2023-02-28"))
                .isEqualTo("<5");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("5");
        assertThat(table.value(id, "enrolment_target", null, START, TODAY)).isEqualTo("12");
        // derived: a rate over a withheld count, a mean of fewer than five ratings
        assertThat(table.value(id, "completion_rate", null, START, TODAY)).isEqualTo("null");
        assertThat(table.suppressed(id, "completion_rate", null, START, TODAY)).isEqualTo("derived");
        assertThat(table.suppressed(id, "mean_engagement", null, "2023-03-01", "2023-03-31"))
                .isEqualTo("derived");
        assertThat(table.value(id, "mean_engagement", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("4.2");
        for (String window : List.of("6_months", "12_months", "24_months")) {
            assertThat(table.suppressed(id, "reoffending_rate", window, START, TODAY))
                    .isEqualTo("derived");
        }
        assertThat(table.value(id, "exits_followed_up", "6_months", START, TODAY))
                .isEqualTo("5");
        assertThat(table.value(id, "exits_followed_up", "24_months", START, TODAY))
                .isEqualTo("<5");
        assertThat(table.value(id, "reoffending_baseline", null, START, TODAY)).isEqualTo("0.55");
        // complementary: April's one withheld part (did not attend, 1) would follow from 6 offered - 5 attended,
        // so 5 is withheld; then March's 5 would follow from the period's 10 attended, so it goes too
        assertThat(table.value(id, "sessions_offered", "did_not_attend", "2023-04-01", "2023-04-30"))
                .isEqualTo("<5");
        assertThat(table.suppressed(id, "sessions_offered", "attended_or_late", "2023-04-01", "2023-04-30"))
                .isEqualTo("complementary");
        assertThat(table.value(id, "sessions_offered", "attended_or_late", "2023-04-01", "2023-04-30"))
                .isEqualTo("null");
        assertThat(table.suppressed(id, "sessions_offered", "attended_or_late", "2023-03-01", "2023-03-31"))
                .isEqualTo("complementary");
        assertThat(table.suppressed(id, "attendance_rate", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("derived");
        assertThat(table.suppressed(id, "attendance_rate", null, "2023-03-01", "2023-03-31"))
                .isEqualTo("derived");
        assertThat(table.value(id, "sessions_offered", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("6");
        assertThat(table.value(id, "sessions_offered", "attended_or_late", START, TODAY))
                .isEqualTo("10");
        assertThat(table.value(id, "attendance_rate", null, START, TODAY)).isEqualTo("0.7692");
        assertThat(table.value(id, "mean_engagement", null, START, TODAY)).isEqualTo("3.89");
        // no published count anywhere is from 1 to 4
        assertThat(table.rows())
                .filteredOn(row -> row.get("measure").asText().equals("count")
                        && row.get("value").isNumber())
                .allSatisfy(row ->
                        assertThat(row.get("value").asLong()).as(row.toString()).matches(v -> v == 0 || v >= 5));
    }

    @Test
    void the_period_can_be_narrowed_and_is_validated() {
        FigureTable table =
                new FigureTable(Cases.ok(lead.get(report + "?from=2023-04-01&to=2023-04-30&unsuppressed=true")));
        String id = cohort.cohortId;
        assertThat(table.value(id, "referrals_received", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("2");
        assertThat(table.value(id, "sessions_offered", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("6");
        assertThat(table.value(id, "enrolled_to_date", null, "2023-04-01", "2023-04-30"))
                .isEqualTo("5");
        assertThat(table.value(id, "exits", null, "2023-04-01", "2023-04-30")).isEqualTo("0");

        assertBadParameter(lead.get(report + "?from=2023-05-01&to=2023-04-30"), "to");
        assertBadParameter(lead.get(report + "?from=2023-13-01"), "from");
        assertBadParameter(lead.get(report + "?to=yesterday"), "to");
        assertBadParameter(lead.get(report + "?unsuppressed=yes"), "unsuppressed");
        assertBadParameter(lead.get(report + "?from=2000-01-01&to=2020-01-01"), "to");
        assertThat(lead.get("/cohorts/no-such-cohort/report").status()).isEqualTo(404);
    }

    @Test
    void unsuppressed_figures_are_for_leads_only_and_audited_as_an_export() {
        Staff.ensure(APP, "figures-clinician", Set.of(Role.clinician), Set.of(HandCountedCohort.SITE));
        Reply clinician = TestApp.as(APP, "figures-clinician").get(report + "?unsuppressed=true");
        assertThat(clinician.status()).isEqualTo(403);
        Reply plain = TestApp.as(APP, "figures-clinician").get(report);
        assertThat(plain.status()).isEqualTo(403);

        Reply unsuppressed = lead.get(report + "?unsuppressed=true");
        assertThat(unsuppressed.status()).isEqualTo(200);
        Staff.ensure(APP, "figures-admin", Set.of(Role.admin), Set.of());
        JsonNode audit = Cases.ok(TestApp.as(APP, "figures-admin").get("/audit?username=lead&limit=500"))
                .get("items");
        List<JsonNode> rows = new ArrayList<>();
        audit.forEach(row -> {
            if (row.get("requestId").asText().equals(unsuppressed.header("X-Request-Id"))) {
                rows.add(row);
            }
        });
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("action").asText()).isEqualTo("export");
            assertThat(row.get("resourceType").asText()).isEqualTo("cohort_report");
            assertThat(row.get("resourceId").asText()).isEqualTo(cohort.cohortId);
        });
        // a suppressed read of programme figures is not case data: no audit row
        Reply suppressed = lead.get(report);
        Reply again = TestApp.as(APP, "figures-admin").get("/audit?username=lead&limit=500");
        assertThat(again.text()).doesNotContain(suppressed.header("X-Request-Id"));
    }

    @Test
    void a_lead_bound_to_another_site_finds_no_such_cohort() {
        Staff.ensure(APP, "lead-other", Set.of(Role.programme_lead), Set.of(HandCountedCohort.OTHER_SITE));
        Reply reply = TestApp.as(APP, "lead-other").get(report);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_csv_is_tidy_and_says_what_the_json_says() {
        Reply csv = lead.send("GET", Disclosed.to(report), null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<List<String>> parsed = CsvReader.parse(csv.text());
        assertThat(parsed.get(0))
                .containsExactly(
                        "figure",
                        "measure",
                        "breakdown_by",
                        "breakdown",
                        "group_type",
                        "group",
                        "period_start",
                        "period_end",
                        "value",
                        "suppressed");
        FigureTable json = new FigureTable(Cases.ok(lead.get(report)));
        assertThat(parsed).hasSize(json.rows().size() + 1);
        for (int i = 0; i < json.rows().size(); i++) {
            JsonNode row = json.rows().get(i);
            List<String> line = new ArrayList<>(parsed.get(i + 1));
            line.set(8, FigureTable.number(line.get(8)));
            assertThat(line)
                    .as("line %d", i + 1)
                    .containsExactly(
                            row.get("figure").asText(),
                            row.get("measure").asText(),
                            text(row.get("breakdownBy")),
                            text(row.get("breakdown")),
                            "cohort",
                            cohort.cohortId,
                            row.get("periodStart").asText(),
                            row.get("periodEnd").asText(),
                            FigureTable.number(text(row.get("value"))),
                            text(row.get("suppressed")));
        }
        assertThat(parsed).anySatisfy(line -> assertThat(line)
                .containsExactly(
                        "referrals_received",
                        "count",
                        "source",
                        "probation",
                        "cohort",
                        cohort.cohortId,
                        START,
                        TODAY,
                        "<5",
                        "small_number"));
    }

    @Test
    void the_pdf_has_its_charts_and_figures() throws IOException {
        HttpResponse<byte[]> response = bytes(report, "application/pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text)
                .contains(
                        "Cohort report: FIGS pilot 2023",
                        "Figures clinic (FIGS), Clinic treatment model",
                        "Cohort 1 Jan 2023 to 31 Dec 2027, target 12",
                        "Cumulative enrolment against target",
                        "Enrolments by state",
                        "Attendance by month",
                        "Risk movement per domain",
                        "Small numbers are suppressed");
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat)
                .contains(
                        "Referrals received period 10",
                        "Police period 5",
                        "Probation period <5",
                        "Median days to review period 2.0 days",
                        "Enrolment target period 12",
                        "Attendance rate period 76.9%",
                        "Completion rate period [c]",
                        "Reoffending baseline period 55.0%",
                        "Completed now <5",
                        "Exits followed up, 6 months period 5",
                        "Reoffending rate, 12 months period [c]",
                        "Risk moved down, persistence period <5");

        HttpResponse<byte[]> unsuppressed = bytes(report + "?unsuppressed=true", "application/pdf");
        String open;
        try (PDDocument pdf = Loader.loadPDF(unsuppressed.body())) {
            open = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(open).contains("UNSUPPRESSED", "Probation period 2", "Completion rate period 66.7%");
    }

    @Test
    void the_openapi_description_says_how_suppression_reaches_json() {
        JsonNode api = Cases.ok(lead.get("/openapi.json"));
        assertThat(api.get("paths").fieldNames())
                .toIterable()
                .contains("/cohorts/{id}/report", "/programme/comparison", "/programme/export");
        JsonNode report = api.get("paths").get("/cohorts/{id}/report").get("get");
        assertThat(report.get("responses").get("200").get("content").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("application/json", "text/csv", "application/pdf");
        JsonNode row = api.get("components").get("schemas").get("FigureRow").get("properties");
        assertThat(row.get("value").get("description").asText()).contains("\"<5\"");
        assertThat(row.get("suppressed").get("description").asText())
                .contains("small_number", "complementary", "derived");
    }

    static HttpResponse<byte[]> bytes(String path, String accept) {
        try {
            String credentials = Base64.getEncoder().encodeToString(("lead:" + Staff.PASSWORD).getBytes());
            HttpRequest request = HttpRequest.newBuilder(URI.create(lead.base() + Disclosed.to(path)))
                    .header("Authorization", "Basic " + credentials)
                    .header("Accept", accept)
                    .GET()
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertBadParameter(Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).containsExactly(parameter);
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
