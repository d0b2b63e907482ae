package org.desist.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The foundation's journey over HTTP: site and cohort, referral, daily review, enrolment and its moves. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CaseIntakeFlowTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void a_referral_goes_from_intake_through_review_to_a_completed_enrolment() {
        Api api = TestApp.api(APP);
        JsonNode site = Cases.created(
                api.post("/sites", Map.of("code", "STAC", "name", "London STAC", "model", "threat_assessment_centre")));
        assertThat(site.get("model").asText()).isEqualTo("threat_assessment_centre");
        assertThat(Cases.ok(api.get("/sites/STAC")).get("name").asText()).isEqualTo("London STAC");

        JsonNode cohort = Cases.created(api.post(
                "/cohorts",
                Map.of(
                        "siteCode",
                        "STAC",
                        "name",
                        "STAC pilot 2026",
                        "startsOn",
                        "2026-01-05",
                        "endsOn",
                        "2027-12-31",
                        "target",
                        20)));
        String cohortId = cohort.get("id").asText();
        assertThat(cohort.get("target").asInt()).isEqualTo(20);
        assertThat(cohort.get("enrolled").asInt()).isZero();

        var referralBody = Cases.referral("STAC", "2026-02-01", "Daniel", "Hale");
        JsonNode referral = Cases.created(api.post("/referrals", referralBody));
        assertThat(referral.get("status").asText()).isEqualTo("awaiting_review");
        assertThat(referral.get("caseRef").asText()).isEqualTo("STAC-2026-0001");
        String participantId = referral.get("participantId").asText();

        JsonNode participant = Cases.ok(api.get("/participants/" + participantId));
        assertThat(participant.get("caseRef").asText()).isEqualTo("STAC-2026-0001");
        @SuppressWarnings("unchecked")
        String sentNhsNumber = ((Map<String, Object>) referralBody.get("participant"))
                .get("nhsNumber")
                .toString();
        assertThat(participant.get("nhsNumber").asText()).isEqualTo(sentNhsNumber.replace(" ", ""));
        assertThat(api.post("/participants/search", Map.of("q", "hale")).json().get("items"))
                .hasSize(1);
        assertThat(api.post("/participants/search", Map.of("q", "STAC-2026-0001"))
                        .json()
                        .get("items"))
                .hasSize(1);
        assertThat(api.post("/participants/search", Map.of("q", "nobody"))
                        .json()
                        .get("items"))
                .isEmpty();

        JsonNode queue = Cases.ok(api.get("/referrals?siteCode=STAC&status=awaiting_review"));
        assertThat(queue.get("items"))
                .extracting(item -> item.get("id").asText())
                .containsExactly(referral.get("id").asText());

        JsonNode reviewed = Cases.ok(api.post(
                "/referrals/" + referral.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        "2026-02-02",
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Escalating fixation")));
        assertThat(reviewed.get("status").asText()).isEqualTo("reviewed");
        assertThat(reviewed.get("priority").asText()).isEqualTo("high");
        assertThat(reviewed.get("decision").asText()).isEqualTo("accept_for_intervention");
        assertThat(api.get("/referrals?status=awaiting_review").json().get("items"))
                .isEmpty();

        JsonNode enrolment = Cases.created(api.post(
                "/enrolments", Map.of("participantId", participantId, "cohortId", cohortId, "on", "2026-02-03")));
        assertThat(enrolment.get("state").asText()).isEqualTo("referred");
        String enrolmentId = enrolment.get("id").asText();

        Cases cases = new Cases(api);
        cases.move(enrolmentId, "assessing", "2026-02-04");
        cases.move(enrolmentId, "enrolled", "2026-02-10");
        assertThat(Cases.ok(api.get("/cohorts/" + cohortId)).get("enrolled").asInt())
                .isEqualTo(1);
        JsonNode completed = Cases.ok(api.post(
                "/enrolments/" + enrolmentId + "/transitions",
                Map.of(
                        "to",
                        "completed",
                        "on",
                        "2026-09-30",
                        "reason",
                        "Goals met",
                        "reasonCode",
                        "completion/goals_met")));

        assertThat(completed.get("state").asText()).isEqualTo("completed");
        List<String> states = new ArrayList<>();
        completed
                .get("history")
                .forEach(step -> states.add(
                        step.get("state").asText() + "@" + step.get("on").asText()));
        assertThat(states)
                .containsExactly(
                        "referred@2026-02-03", "assessing@2026-02-04", "enrolled@2026-02-10", "completed@2026-09-30");
        assertThat(completed.get("history").get(3).get("reasonCode").asText()).isEqualTo("completion/goals_met");
        assertThat(completed.get("history").get(3).get("by").asText()).isNotBlank();

        JsonNode listed = Cases.ok(api.get("/enrolments?cohortId=" + cohortId + "&state=completed"));
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("history")).hasSize(4);
        JsonNode after = Cases.ok(api.get("/cohorts/" + cohortId));
        assertThat(after.get("enrolled").asInt()).isEqualTo(1);
        assertThat(after.get("active").asInt()).isZero();
    }

    @Test
    void case_references_count_per_site_and_year_and_a_second_referral_keeps_the_participant() {
        Api api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("RECO");
        cases.site("CASU");
        assertThat(cases.referral("RECO", "2025-12-30").get("caseRef").asText()).isEqualTo("RECO-2025-0001");
        JsonNode first = cases.referral("RECO", "2026-01-02");
        assertThat(first.get("caseRef").asText()).isEqualTo("RECO-2026-0001");
        assertThat(cases.referral("RECO", "2026-01-03").get("caseRef").asText()).isEqualTo("RECO-2026-0002");
        assertThat(cases.referral("CASU", "2026-01-03").get("caseRef").asText()).isEqualTo("CASU-2026-0001");

        var again = Cases.referralOf(
                "RECO", "2026-03-01", first.get("participantId").asText());
        JsonNode second = Cases.created(api.post("/referrals", again));
        assertThat(second.get("participantId").asText())
                .isEqualTo(first.get("participantId").asText());
        assertThat(second.get("caseRef").asText()).isEqualTo("RECO-2026-0001");

        // a move of area: staff who may see both sites refer the person known at RECO in at CASU
        again.put("siteCode", "CASU");
        JsonNode moved = Cases.created(api.post("/referrals", again));
        assertThat(moved.get("participantId").asText())
                .isEqualTo(first.get("participantId").asText());
        assertThat(moved.get("siteCode").asText()).isEqualTo("CASU");
    }

    @Test
    void lists_page_with_a_next_link_until_the_last_page() {
        Api api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("PAGE");
        for (int i = 1; i <= 5; i++) {
            cases.referral("PAGE", "2026-01-0" + i);
        }
        List<String> seen = new ArrayList<>();
        String next = "/referrals?siteCode=PAGE&limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = Cases.ok(api.get(next.startsWith("/api") ? next.substring(4) : next));
            page.get("items").forEach(item -> seen.add(item.get("receivedOn").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05");
    }
}
