package org.desist.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures of a small seeded programme are sane, and two roads to the same number agree: each site's
 * sessions from the running totals (the comparison) equal the sum of its cohorts' sessions read from the
 * session table (the cohort reports).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SeededFiguresTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String FROM = SyntheticProgramme.START.toString();
    static final String TO = SyntheticProgramme.TODAY.toString();
    static Api lead;

    @BeforeAll
    static void seed() {
        Commands.Outcome seeded = Commands.run(
                null,
                "seed",
                "--participants",
                "600",
                "--seed",
                "11",
                Commands.configFor(DATABASE).toString());
        assertThat(seeded.succeeded()).as(seeded.toString()).isTrue();
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        lead = TestApp.as(APP, "lead");
    }

    @Test
    void cohort_reports_add_up_to_the_comparison_and_are_plausible() {
        JsonNode comparison = Cases.ok(lead.get("/programme/comparison?unsuppressed=true&from=" + FROM + "&to=" + TO));
        Map<String, Long> offeredBySite = new HashMap<>();
        JsonNode cohorts = Cases.ok(lead.get("/cohorts?limit=100")).get("items");
        assertThat(cohorts).hasSize(12);
        for (JsonNode cohort : cohorts) {
            JsonNode report = Cases.ok(lead.get(
                    "/cohorts/" + cohort.get("id").asText() + "/report?unsuppressed=true&from=" + FROM + "&to=" + TO));
            offeredBySite.merge(cohort.get("siteCode").asText(), total(report, "sessions_offered", null), Long::sum);
            double rate = value(report, "attendance_rate", null);
            if (total(report, "sessions_offered", null) > 0) {
                assertThat(rate).as("attendance of %s", cohort.get("name")).isBetween(0.5, 0.95);
            }
            assertThat(total(report, "enrolled_to_date", null)).isLessThanOrEqualTo(enrolments(report));
        }
        for (String site : List.of("SYNSTAC", "SYNRECOLO", "SYNASU")) {
            assertThat(total(comparison, site, "sessions_offered", null))
                    .as(site)
                    .isEqualTo(offeredBySite.get(site))
                    .isPositive();
            assertThat(value(comparison, site, "completion_rate", null)).isBetween(0.3, 0.9);
            assertThat(value(comparison, site, "reoffending_rate", "24_months")).isBetween(0.05, 0.95);
            for (String domain : List.of("violence", "persistence", "recurrence", "psychosocial_damage")) {
                assertThat(total(comparison, site, "risk_moved_down", domain))
                        .isGreaterThan(total(comparison, site, "risk_moved_up", domain));
            }
        }
        long sessions =
                offeredBySite.values().stream().mapToLong(Long::longValue).sum();
        assertThat(sessions)
                .as("about 50 sessions a participant, most of them offered")
                .isBetween(600L * 30, 600L * 60);
    }

    @Test
    void suppressed_figures_of_a_small_cohort_show_no_small_number() {
        JsonNode cohort = Cases.ok(lead.get("/cohorts?limit=100")).get("items").get(0);
        JsonNode report = Cases.ok(lead.get("/cohorts/" + cohort.get("id").asText() + "/report"));
        List<JsonNode> small = new ArrayList<>();
        report.get("figures").forEach(row -> {
            if (row.get("measure").asText().equals("count")
                    && row.get("value").isNumber()
                    && row.get("value").asLong() >= 1
                    && row.get("value").asLong() <= 4) {
                small.add(row);
            }
        });
        assertThat(small).isEmpty();
        assertThat(report.get("figures"))
                .anySatisfy(row -> assertThat(row.get("value").asText()).isEqualTo("<5"));
    }

    static long enrolments(JsonNode report) {
        for (JsonNode row : report.get("figures")) {
            if (row.get("figure").asText().equals("enrolments")
                    && row.get("breakdown").isNull()) {
                return row.get("value").asLong();
            }
        }
        throw new AssertionError("no enrolments row");
    }

    static long total(JsonNode report, String figure, String breakdown) {
        return row(report, null, figure, breakdown).get("value").asLong();
    }

    static long total(JsonNode report, String group, String figure, String breakdown) {
        return row(report, group, figure, breakdown).get("value").asLong();
    }

    static double value(JsonNode report, String figure, String breakdown) {
        return row(report, null, figure, breakdown).get("value").asDouble();
    }

    static double value(JsonNode report, String group, String figure, String breakdown) {
        return row(report, group, figure, breakdown).get("value").asDouble();
    }

    /** The row over the whole period FROM..TO (for a group, in the comparison). */
    static JsonNode row(JsonNode report, String group, String figure, String breakdown) {
        for (JsonNode row : report.get("figures")) {
            if ((group == null || row.get("group").asText().equals(group))
                    && row.get("figure").asText().equals(figure)
                    && (breakdown == null
                            ? row.get("breakdown").isNull()
                            : breakdown.equals(row.get("breakdown").asText()))
                    && row.get("periodStart").asText().equals(FROM)
                    && row.get("periodEnd").asText().equals(TO)) {
                return row;
            }
        }
        throw new AssertionError("no row " + group + " " + figure + " " + breakdown);
    }
}
