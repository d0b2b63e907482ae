package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The programme comparison (per site from the running totals, per model as the sum of its sites) and
 * the pseudonymised evaluation export, over {@link HandCountedCohort}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProgrammeFiguresTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String FROM = "2022-01-01";
    static final String TODAY = HandCountedCohort.TODAY.toString();
    static HandCountedCohort cohort;
    static Api lead;

    @BeforeAll
    static void buildTheCohort() {
        cohort = new HandCountedCohort(TestApp.api(APP)).build();
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        lead = TestApp.as(APP, "lead");
    }

    @Test
    void sites_and_models_side_by_side() {
        JsonNode answer =
                Cases.ok(lead.get("/programme/comparison?from=" + FROM + "&to=" + TODAY + "&unsuppressed=true"));
        assertThat(answer.get("groups"))
                .extracting(group -> group.get("groupType").asText() + ":"
                        + group.get("group").asText())
                .containsExactly("site:FIGO", "site:FIGS", "model:clinic_treatment", "model:multi_agency_panel");
        FigureTable table = new FigureTable(answer);
        for (String group : List.of("FIGS", "clinic_treatment")) {
            // the site's intake includes the referral of December 2022, before the cohort opened
            assertThat(table.value(group, "referrals_received", null, FROM, TODAY))
                    .isEqualTo("11");
            // sessions come from the running totals here, from the sessions themselves in the cohort report
            assertThat(table.value(group, "sessions_offered", null, FROM, TODAY))
                    .isEqualTo("13");
            assertThat(table.value(group, "sessions_offered", "attended_or_late", "2023-03-01", "2023-03-31"))
                    .isEqualTo("5");
            assertThat(table.value(group, "attendance_rate", null, FROM, TODAY)).isEqualTo("0.7692");
            assertThat(table.value(group, "mean_engagement", null, FROM, TODAY)).isEqualTo("3.89");
            assertThat(table.value(group, "enrolment_target", null, FROM, TODAY))
                    .isEqualTo("12");
            assertThat(table.value(group, "enrolled_to_date", null, FROM, TODAY))
                    .isEqualTo("7");
            assertThat(table.value(group, "reoffended", "12_months", FROM, TODAY))
                    .isEqualTo("3");
            assertThat(table.value(group, "risk_moved_down", "persistence", FROM, TODAY))
                    .isEqualTo("3");
        }
        assertThat(table.value("multi_agency_panel", "referrals_received", null, FROM, TODAY))
                .isEqualTo("1");
        assertThat(table.value("FIGO", "enrolment_target", null, FROM, TODAY)).isEqualTo("5");
        assertThat(table.value("FIGO", "sessions_offered", null, FROM, TODAY)).isEqualTo("0");

        FigureTable suppressed =
                new FigureTable(Cases.ok(lead.get("/programme/comparison?from=" + FROM + "&to=" + TODAY)));
        assertThat(suppressed.value("FIGO", "referrals_received", null, FROM, TODAY))
                .isEqualTo("<5");
        assertThat(suppressed.value("FIGS", "referrals_received", null, FROM, TODAY))
                .isEqualTo("11");
    }

    @Test
    void the_comparison_as_csv_and_its_parameters() {
        Reply csv = lead.send(
                "GET",
                Disclosed.to("/programme/comparison?from=" + FROM + "&to=" + TODAY),
                null,
                Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = CsvReader.parse(csv.text());
        assertThat(rows.get(0)).isEqualTo(FiguresCsv.COLUMNS);
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(4)).containsOnly("site", "model");

        CohortReportTest.assertBadParameter(lead.get("/programme/comparison?to=" + TODAY), "from");
        CohortReportTest.assertBadParameter(lead.get("/programme/comparison?from=" + FROM), "to");
        CohortReportTest.assertBadParameter(lead.get("/programme/comparison?from=2024-01-02&to=2024-01-01"), "to");
        // a lead bound to one site compares that site alone
        Staff.ensure(APP, "lead-figs", Set.of(Role.programme_lead), Set.of(HandCountedCohort.SITE));
        JsonNode bound =
                Cases.ok(TestApp.as(APP, "lead-figs").get("/programme/comparison?from=" + FROM + "&to=" + TODAY));
        assertThat(bound.get("groups"))
                .extracting(group -> group.get("group").asText())
                .containsExactly("FIGS", "clinic_treatment");
    }

    @Test
    void the_export_is_pseudonymised_minimised_and_stable() {
        Reply first = lead.get(Disclosed.to("/programme/export?from=2023-01-01&to=" + TODAY));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/csv");
        List<List<String>> rows = CsvReader.parse(first.text());
        assertThat(rows.get(0)).isEqualTo(ProgrammeExport.COLUMNS);
        List<List<String>> people = rows.subList(1, rows.size());
        assertThat(people).hasSize(8);

        // no identifiers, names, case references or free text of any kind
        String text = first.text();
        assertThat(text)
                .doesNotContain(
                        "Person",
                        "P1,",
                        "FIGS-",
                        "Patel",
                        "VA-2026",
                        "Repeated",
                        "Daily review",
                        "Reported",
                        "Needs support",
                        "Provider",
                        "Released under",
                        "1987-03-14",
                        "943 476 5919",
                        "Moved");
        cohort.participants.values().forEach(id -> assertThat(text).doesNotContain(id));

        Set<String> pseudonyms = new HashSet<>();
        people.forEach(row -> {
            assertThat(row.get(0)).matches("[0-9a-f]{32}");
            pseudonyms.add(row.get(0));
            assertThat(row.get(4)).isEqualTo("35-44");
        });
        assertThat(pseudonyms).hasSize(8);
        Reply second = lead.get(Disclosed.to("/programme/export?from=2023-01-01&to=" + TODAY));
        assertThat(second.text()).isEqualTo(first.text());

        // P1: the only exit of January 2024
        int exitMonth = ProgrammeExport.COLUMNS.indexOf("exit_month");
        List<String> p1 = people.stream()
                .filter(line -> line.get(exitMonth).equals("2024-01"))
                .findFirst()
                .orElseThrow();
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ProgrammeExport.COLUMNS.size(); i++) {
            row.put(ProgrammeExport.COLUMNS.get(i), p1.get(i));
        }
        assertThat(row)
                .containsEntry("site", "FIGS")
                .containsEntry("model", "clinic_treatment")
                .containsEntry("referral_source", "police")
                .containsEntry("referral_month", "2023-01")
                .containsEntry("review_priority", "high")
                .containsEntry("days_to_review", "1")
                .containsEntry("enrolled_month", "2023-02")
                .containsEntry("exit_state", "completed")
                .containsEntry("exit_month", "2024-01")
                .containsEntry("sessions_offered", "4")
                .containsEntry("sessions_attended", "3")
                .containsEntry("attendance_rate", "0.7500")
                .containsEntry("onward_referrals_completed", "1")
                .containsEntry("risk_first_violence", "high")
                .containsEntry("risk_latest_violence", "low")
                .containsEntry("incidents_during_programme", "1")
                .containsEntry("reoffended_within_6_months", "yes")
                .containsEntry("reoffended_within_24_months", "yes");
        // P7 left 30 days ago: not followed up for any window yet
        List<String> p7 = people.stream()
                .filter(line -> line.get(13).equals("breached"))
                .findFirst()
                .orElseThrow();
        assertThat(p7.subList(33, 36)).containsExactly("", "", "");

        JsonNode audit = Cases.ok(adminAudit());
        List<String> exports = new ArrayList<>();
        audit.get("items").forEach(item -> {
            if (item.get("requestId").asText().equals(first.header("X-Request-Id"))) {
                exports.add(item.get("action").asText() + ":"
                        + item.get("resourceType").asText());
            }
        });
        assertThat(exports).containsExactly("disclose:programme_export");
    }

    @Test
    void the_export_needs_both_dates_and_a_lead() {
        CohortReportTest.assertBadParameter(lead.get(Disclosed.to("/programme/export?from=2023-01-01")), "to");
        Staff.ensure(APP, "export-police", Set.of(Role.police), Set.of(HandCountedCohort.SITE));
        assertThat(TestApp.as(APP, "export-police")
                        .get(Disclosed.to("/programme/export?from=2023-01-01&to=" + TODAY))
                        .status())
                .isEqualTo(403);
    }

    static Reply adminAudit() {
        Staff.ensure(APP, "export-admin", Set.of(Role.admin), Set.of());
        return TestApp.as(APP, "export-admin").get("/audit?username=lead&limit=500");
    }
}
