package org.desist.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 §2: the probation summary read as a probation officer preparing a hearing. What matters now
 * (risk dated with its source, measures in force, what happened since the last review, overdue actions, the
 * next session) opens page 1; flagged concerns are in it; the CPS summary keeps its single page. Cases of
 * 1, 5, 20 and 300 ordinary sessions besides the decisive facts; their PDFs are kept under
 * {@code target/summary-pages/} to be looked at page by page.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SummaryNowTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "NOW";
    static final Path PAGES = Path.of("target", "summary-pages");
    static final Map<Integer, HearingCase> CASES = new LinkedHashMap<>();
    static Api probation;
    static Api cps;

    @BeforeAll
    static void hearingCases() {
        Api tester = TestApp.api(APP);
        String cohort = HearingCase.site(tester, SITE);
        Staff.ensure(APP, "ia.now", Set.of(Role.advocate), Set.of(SITE));
        Staff.ensure(APP, "po.now", Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, "cps.now", Set.of(Role.cps), Set.of(SITE));
        Api advocate = TestApp.as(APP, "ia.now");
        for (int sessions : new int[] {1, 5, 20, 300}) {
            CASES.put(sessions, HearingCase.build(tester, advocate, SITE, cohort, sessions));
        }
        probation = TestApp.as(APP, "po.now");
        cps = TestApp.as(APP, "cps.now");
    }

    static PdfText pdf(Api api, String audience, int sessions) {
        HttpResponse<byte[]> response = api.download(
                Disclosed.to("/participants/" + CASES.get(sessions).participantId + "/reports/" + audience));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        try {
            Files.createDirectories(PAGES);
            Files.write(PAGES.resolve(audience + "-" + sessions + "-sessions.pdf"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PdfText.of(response.body());
    }

    static JsonNode json(Api api, String audience, int sessions) {
        return Cases.ok(
                api.get("/participants/" + CASES.get(sessions).participantId + "/summary?audience=" + audience));
    }

    @Test
    void flagged_session_concerns_and_victim_safety_concerns_reach_probation_without_private_notes() {
        JsonNode summary = json(probation, "probation", 5);
        JsonNode concerns = summary.get("concerns");
        assertThat(concerns).as(summary.toString()).hasSize(3);
        assertThat(concerns)
                .extracting(c -> c.get("raisedOn").asText())
                .containsExactly("2026-03-10", "2026-09-10", "2026-09-16");
        assertThat(concerns)
                .extracting(c -> c.get("about").asText())
                .containsExactly("victim_safety", "session", "victim_safety");
        assertThat(concerns).extracting(c -> c.get("raisedBy").asText()).containsExactly("ia.now", "tester", "ia.now");
        assertThat(concerns)
                .extracting(c -> c.get("concern").asText())
                .containsExactly(
                        HearingCase.EARLY_VICTIM_CONCERN, HearingCase.SESSION_CONCERN, HearingCase.VICTIM_CONCERN);
        assertThat(concerns.get(2).get("actionTaken").asText()).isEqualTo(HearingCase.VICTIM_ACTION);
        assertThat(concerns.get(1).get("actionTaken").isNull()).isTrue();
        assertThat(summary.toString()).doesNotContain(HearingCase.PRIVATE_NOTE);

        String text = pdf(probation, "probation", 5).text();
        assertThat(text)
                .contains(
                        HearingCase.SESSION_CONCERN,
                        HearingCase.VICTIM_CONCERN,
                        HearingCase.VICTIM_ACTION,
                        HearingCase.EARLY_VICTIM_CONCERN,
                        "ia.now")
                .doesNotContain(HearingCase.PRIVATE_NOTE);

        // the CPS may not read sessions or victim-safety concerns: neither its JSON nor its PDF holds them
        assertThat(json(cps, "cps", 5).toString())
                .doesNotContain(HearingCase.SESSION_CONCERN, HearingCase.VICTIM_CONCERN, "concerns");
        assertThat(pdf(cps, "cps", 5).text()).doesNotContain(HearingCase.SESSION_CONCERN, HearingCase.VICTIM_CONCERN);
    }

    @Test
    void the_json_summary_carries_now_as_structured_fields() {
        JsonNode now = json(probation, "probation", 20).get("now");
        assertThat(now).as("now").isNotNull();
        assertThat(now.get("overallRisk").get("rating").asText()).isEqualTo("high");
        assertThat(now.get("overallRisk").get("ratedOn").asText()).isEqualTo("2026-02-20");
        assertThat(now.get("overallRisk").get("source").asText()).isEqualTo("assessment");
        assertThat(now.get("domains"))
                .extracting(d -> d.get("domain").asText() + " "
                        + d.get("rating").asText() + " " + d.get("ratedOn").asText() + " "
                        + d.get("source").asText())
                .containsExactly(
                        "violence low 2026-06-01 desistance_review",
                        "persistence moderate 2026-06-01 desistance_review",
                        "recurrence high 2026-06-01 desistance_review",
                        "psychosocial_damage low 2026-06-01 desistance_review");
        assertThat(now.get("measuresInForce"))
                .extracting(m -> m.get("kind").asText())
                .containsExactly("stalking_protection_order");
        assertThat(now.get("lastReviewOn").asText()).isEqualTo("2026-06-01");
        assertThat(now.get("incidentsSinceLastReview"))
                .extracting(i -> i.get("kind").asText())
                .containsExactly("breach_of_order", "arrest");
        assertThat(now.get("concernsSinceLastReview"))
                .extracting(c -> c.get("concern").asText())
                .containsExactly(HearingCase.SESSION_CONCERN, HearingCase.VICTIM_CONCERN);
        assertThat(now.get("overdueActions"))
                .extracting(a -> a.get("action").asText())
                .containsExactly(HearingCase.OVERDUE_POLICE_ACTION);
        assertThat(now.get("nextSession").get("scheduledAt").asText()).startsWith("2030-06-03T09:00");
        assertThat(now.get("nextSession").get("kind").asText()).isEqualTo("group_therapy");
    }

    @ParameterizedTest(name = "{0} sessions")
    @ValueSource(ints = {1, 5, 20, 300})
    void page_one_opens_with_now_and_holds_the_decisive_facts(int sessions) {
        PdfText pdf = pdf(probation, "probation", sessions);
        String first = pdf.page(1);
        assertThat(first)
                .contains(
                        "Now",
                        "Overall risk High (psychiatric assessment, SRP, 20 Feb 2026)",
                        "Violence Low 1 Jun 2026 Desistance review",
                        "Recurrence High 1 Jun 2026 Desistance review",
                        "Stalking protection order",
                        "Since the last review (1 Jun 2026)",
                        "10 Sep 2026 Concern flagged in a session",
                        "16 Sep 2026 Victim-safety concern",
                        "Next session 3 Jun 2030");
        assertThat(first).contains(HearingCase.decisiveFacts());
        // the section opens the document: nothing of the record comes before it
        assertThat(first.indexOf("Now"))
                .isLessThan(first.indexOf("1. Identity") < 0 ? Integer.MAX_VALUE : first.indexOf("1. Identity"));
        if (sessions == 300) {
            assertThat(pdf.pages()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void awaiting_an_outcome_counts_only_sessions_whose_time_has_passed() {
        // one session of 5 Oct 2026 has no outcome yet; the one of 2030 is not awaiting anything
        JsonNode attendance = json(probation, "probation", 1).get("attendance");
        assertThat(attendance.get("awaitingOutcome").asInt())
                .as(attendance.toString())
                .isEqualTo(1);
        assertThat(json(cps, "cps", 1)
                        .get("engagement")
                        .get("attendance")
                        .get("awaitingOutcome")
                        .asInt())
                .isEqualTo(1);
        assertThat(pdf(probation, "probation", 1).text()).contains("Awaiting an outcome 1");
    }

    @Test
    void both_pdfs_print_nhs_number_site_and_dates_for_a_reader() {
        for (String audience : List.of("probation", "cps")) {
            Api reader = audience.equals("probation") ? probation : cps;
            PdfText pdf = pdf(reader, audience, 5);
            String text = pdf.text();
            assertThat(text)
                    .as(audience)
                    .contains("NHS number 943 476 5919", "Site " + HearingCase.SITE_NAME, "14 Sep 2026")
                    .doesNotContain("Sept", "NHS number 9434765919");
            assertThat(text).as(audience).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
            assertThat(text)
                    .as(audience)
                    .containsPattern("Generated \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d UTC by");
            JsonNode identity = json(reader, audience, 5).get("identity");
            assertThat(identity.get("siteName").asText()).isEqualTo(HearingCase.SITE_NAME);
            assertThat(identity.get("nhsNumber").asText()).isEqualTo("9434765919");
            assertThat(identity.get("dateOfBirth").asText()).isEqualTo("1987-03-14");
        }
    }

    @ParameterizedTest(name = "{0} sessions")
    @ValueSource(ints = {1, 5, 20, 300})
    void the_cps_summary_keeps_one_page_with_incidents_dated_and_sourced_and_the_measures(int sessions) {
        PdfText pdf = pdf(cps, "cps", sessions);
        assertThat(pdf.pages()).hasSize(1);
        assertThat(pdf.text())
                .contains(
                        "1 Apr 2026 Contact with victim Advocacy service",
                        "14 Sep 2026 Breach of order Police",
                        "15 Sep 2026 Arrest Police",
                        "Stalking protection order",
                        "Restraining order",
                        "End of the summary")
                .doesNotContain(
                        HearingCase.PRIVATE_NOTE,
                        HearingCase.SHAREABLE_NOTE,
                        HearingCase.SESSION_CONCERN,
                        "Not for the summaries.");
    }
}
