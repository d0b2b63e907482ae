package org.desist.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The enrolment lifecycle through HTTP: every pair of states, dates, reason codes and cohort counts. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class EnrolmentLifecycleTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    private static final String SITE = "LIFE";

    /** The legal moves as the spec lists them, written out here so a wrong rule in the enum is caught. */
    private static final Map<String, Set<String>> LEGAL = Map.of(
            "referred", Set.of("assessing", "withdrawn"),
            "assessing", Set.of("enrolled", "not_suitable", "withdrawn"),
            "enrolled", Set.of("completed", "withdrawn", "disengaged", "breached", "transferred"));

    /** Legal moves that take a fresh enrolment (state 'referred') to each state. */
    private static final Map<String, List<String>> ROUTE = Map.of(
            "referred", List.of(),
            "assessing", List.of("assessing"),
            "enrolled", List.of("assessing", "enrolled"),
            "completed", List.of("assessing", "enrolled", "completed"),
            "withdrawn", List.of("withdrawn"),
            "disengaged", List.of("assessing", "enrolled", "disengaged"),
            "breached", List.of("assessing", "enrolled", "breached"),
            "transferred", List.of("assessing", "enrolled", "transferred"),
            "not_suitable", List.of("assessing", "not_suitable"));

    /** The day of each step along a route: after the enrolment opened (2026-02-03), one step a week. */
    private static final List<String> ROUTE_DAYS = List.of("2026-02-10", "2026-02-17", "2026-02-24");

    private static final String LATER = "2026-03-03";

    private static Api api;
    private static Cases cases;
    private static String cohortId;

    @BeforeAll
    static void openSiteAndCohort() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site(SITE);
        cohortId = cases.cohort(SITE).get("id").asText();
    }

    static Stream<Arguments> everyPairOfStates() {
        return Arrays.stream(EnrolmentState.values())
                .flatMap(from -> Arrays.stream(EnrolmentState.values()).map(to -> Arguments.of(from, to)));
    }

    @Test
    void theRoutesAndRulesCoverEveryState() {
        assertThat(ROUTE.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EnrolmentState.values()).map(Enum::name).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void aMoveSucceedsExactlyWhenTheRulesAllowIt(EnrolmentState from, EnrolmentState to) {
        JsonNode before = enrolmentIn(from.name(), cohortId);
        String id = before.get("id").asText();
        int historyBefore = before.get("history").size();

        Reply reply = transition(id, Map.of("to", to.name(), "on", LATER, "reason", "Checked " + from + " to " + to));

        if (isLegal(from.name(), to.name())) {
            JsonNode moved = Cases.ok(reply);
            assertThat(moved.get("state").asText()).isEqualTo(to.name());
            assertThat(moved.get("stateOn").asText()).isEqualTo(LATER);
            JsonNode history = moved.get("history");
            assertThat(history).hasSize(historyBefore + 1);
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("state").asText()).isEqualTo(to.name());
            assertThat(last.get("on").asText()).isEqualTo(LATER);
            assertThat(last.get("reason").asText()).isEqualTo("Checked " + from + " to " + to);
            assertThat(last.path("by").asText()).isNotBlank();
            assertThat(get(id)).isEqualTo(moved);
        } else {
            assertProblem(reply, 409);
            JsonNode after = get(id);
            assertThat(after.get("state").asText()).isEqualTo(from.name());
            assertThat(after.get("history")).hasSize(historyBefore);
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void aMoveDatedBeforeThePreviousOneIsRefusedAndChangesNothing() {
        JsonNode before = enrolmentIn("assessing", cohortId); // assessing since 2026-02-10
        String id = before.get("id").asText();

        Reply reply = transition(id, Map.of("to", "enrolled", "on", "2026-02-09", "reason", "Back-dated"));

        assertProblem(reply, 422);
        assertThat(reply.fieldsAtFault()).containsExactly("on");
        assertThat(get(id)).isEqualTo(before);
    }

    @Test
    void aMoveOnTheSameDayAsThePreviousOneIsAllowed() {
        JsonNode before = enrolmentIn("assessing", cohortId);
        String id = before.get("id").asText();

        JsonNode moved =
                Cases.ok(transition(id, Map.of("to", "enrolled", "on", ROUTE_DAYS.get(0), "reason", "Same day")));

        assertThat(moved.get("state").asText()).isEqualTo("enrolled");
    }

    @Test
    void anUnknownReasonCodeIsRefusedAndChangesNothing() {
        JsonNode before = enrolmentIn("referred", cohortId);
        String id = before.get("id").asText();

        Reply reply = transition(
                id,
                Map.of("to", "withdrawn", "on", LATER, "reason", "Left", "reasonCode", "motivation/no_such_reason"));

        assertProblem(reply, 422);
        assertThat(reply.fieldsAtFault()).containsExactly("reasonCode");
        assertThat(get(id)).isEqualTo(before);
    }

    @Test
    void aKnownReasonCodeIsKeptInTheHistory() {
        JsonNode codes = Cases.ok(api.get("/reference/reason-codes")).get("items");
        List<String> known = new ArrayList<>();
        codes.forEach(code -> known.add(code.get("code").asText()));
        assertThat(known).contains("motivation/declined_to_engage", "operational/moved_area", "sentence/recalled");
        String code = "operational/moved_area";
        String id = enrolmentIn("referred", cohortId).get("id").asText();

        JsonNode moved = Cases.ok(
                transition(id, Map.of("to", "withdrawn", "on", LATER, "reason", "Moved to Leeds", "reasonCode", code)));

        JsonNode last = lastStep(moved);
        assertThat(last.get("reasonCode").asText()).isEqualTo(code);
        assertThat(last.get("reason").asText()).isEqualTo("Moved to Leeds");
        assertThat(lastStep(get(id)).get("reasonCode").asText()).isEqualTo(code);
    }

    @Test
    void theCohortCountsParticipantsWhoReachedEnrolledEvenAfterTheyLeave() {
        String cohort = cases.cohort(SITE).get("id").asText();
        String id = cases.enrolment(SITE, cohort).get("id").asText();
        assertCohortCounts(cohort, 0, 0);

        cases.move(id, "assessing", ROUTE_DAYS.get(0));
        assertCohortCounts(cohort, 0, 0);

        cases.move(id, "enrolled", ROUTE_DAYS.get(1));
        assertCohortCounts(cohort, 1, 1);

        cases.move(id, "completed", ROUTE_DAYS.get(2));
        assertCohortCounts(cohort, 1, 0);
    }

    @Test
    void aParticipantWithAnOpenEnrolmentCannotBeEnrolledAgain() {
        String cohort = cases.cohort(SITE).get("id").asText();
        JsonNode open = cases.enrolment(SITE, cohort);
        String before = api.get("/enrolments?cohortId=" + cohort).text();

        Reply reply =
                api.post("/enrolments", newEnrolment(open.get("participantId").asText(), cohort, "2026-02-04"));

        assertProblem(reply, 409);
        assertThat(api.get("/enrolments?cohortId=" + cohort).text()).isEqualTo(before);
        assertThat(Api.parse(before).get("items")).hasSize(1);
    }

    @Test
    void aParticipantTheReviewSentNoFurtherCannotBeEnrolled() {
        JsonNode referral = cases.referral(SITE, "2026-02-01");
        cases.review(referral.get("id").asText(), "standard", "no_further_action");
        String before =
                api.get("/enrolments?cohortId=" + cohortId + "&limit=500").text();

        Reply reply = api.post(
                "/enrolments", newEnrolment(referral.get("participantId").asText(), cohortId, "2026-02-03"));

        assertProblem(reply, 409);
        assertThat(api.get("/enrolments?cohortId=" + cohortId + "&limit=500").text())
                .isEqualTo(before);
    }

    @Test
    void afterAFinalStateTheParticipantCanBeEnrolledAgain() {
        JsonNode first = enrolmentIn("withdrawn", cohortId);
        String participantId = first.get("participantId").asText();

        JsonNode second = Cases.created(api.post("/enrolments", newEnrolment(participantId, cohortId, LATER)));

        assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
        assertThat(second.get("participantId").asText()).isEqualTo(participantId);
        assertThat(second.get("state").asText()).isEqualTo("referred");
        assertThat(get(first.get("id").asText()).get("state").asText()).isEqualTo("withdrawn");
    }

    // --- helpers ---

    private static boolean isLegal(String from, String to) {
        return LEGAL.getOrDefault(from, Set.of()).contains(to);
    }

    /** A new participant's enrolment, moved along legal steps until it stands in {@code state}. */
    private static JsonNode enrolmentIn(String state, String cohort) {
        JsonNode enrolment = cases.enrolment(SITE, cohort);
        List<String> route = ROUTE.get(state);
        for (int step = 0; step < route.size(); step++) {
            enrolment = cases.move(enrolment.get("id").asText(), route.get(step), ROUTE_DAYS.get(step));
        }
        assertThat(enrolment.get("state").asText()).isEqualTo(state);
        assertThat(enrolment.get("history")).hasSize(route.size() + 1);
        return enrolment;
    }

    private static Reply transition(String enrolmentId, Map<String, String> body) {
        return api.post("/enrolments/" + enrolmentId + "/transitions", body);
    }

    private static JsonNode get(String enrolmentId) {
        return Cases.ok(api.get("/enrolments/" + enrolmentId));
    }

    private static JsonNode lastStep(JsonNode enrolment) {
        JsonNode history = enrolment.get("history");
        return history.get(history.size() - 1);
    }

    private static Map<String, String> newEnrolment(String participantId, String cohort, String on) {
        return Map.of("participantId", participantId, "cohortId", cohort, "on", on);
    }

    private static void assertCohortCounts(String cohort, int enrolled, int active) {
        JsonNode body = Cases.ok(api.get("/cohorts/" + cohort));
        assertThat(body.get("enrolled").asInt()).as("enrolled").isEqualTo(enrolled);
        assertThat(body.get("active").asInt()).as("active").isEqualTo(active);
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    }
}
