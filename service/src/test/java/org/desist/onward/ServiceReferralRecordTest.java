package org.desist.onward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Onward referrals through HTTP: the lifecycle and its history, every pair of states, dates, kinds, access. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ServiceReferralRecordTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static final String SITE = "ONW";

    /** The legal moves as the spec lists them, written out here so a wrong rule in the enum is caught. */
    private static final Map<String, Set<String>> LEGAL = Map.of(
            "made", Set.of("accepted", "declined"),
            "accepted", Set.of("engaged", "disengaged"),
            "engaged", Set.of("completed", "disengaged"));

    /** Legal moves that take a fresh referral (state 'made') to each state. */
    private static final Map<String, List<String>> ROUTE = Map.of(
            "made", List.of(),
            "accepted", List.of("accepted"),
            "declined", List.of("declined"),
            "engaged", List.of("accepted", "engaged"),
            "disengaged", List.of("accepted", "disengaged"),
            "completed", List.of("accepted", "engaged", "completed"));

    /** The day of each step along a route: after the referral was made (2026-03-02), one step a week. */
    private static final List<String> ROUTE_DAYS = List.of("2026-03-09", "2026-03-16", "2026-03-23");

    private static final String LATER = "2026-04-01";

    static Api api;
    static Cases cases;
    static String participant;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site(SITE);
        cases.site("ELS");
        participant = cases.participant(SITE);
    }

    static String base(String participantId) {
        return "/participants/" + participantId + "/service-referrals";
    }

    static Map<String, Object> referral(String service, String kind, String madeOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("kind", kind);
        body.put("provider", "Northside Community Alcohol Team");
        body.put("madeOn", madeOn);
        body.put("reason", "Drinks before contacting the victim; agreed to seek help <b>\"now\"</b>");
        return body;
    }

    static Map<String, Object> move(String to, String on) {
        return Map.of("to", to, "on", on, "reason", "Moved to " + to);
    }

    static JsonNode make(String participantId) {
        return Cases.created(api.post(base(participantId), referral("substance_misuse", "alcohol", "2026-03-02")));
    }

    @Test
    void an_alcohol_referral_is_accepted_engaged_and_completed_with_its_history() {
        Reply made = api.post(base(participant), referral("substance_misuse", "alcohol", "2026-03-02"));
        JsonNode referral = Cases.created(made);
        assertThat(made.header("ETag")).isEqualTo("\"1\"");
        assertThat(referral.get("state").asText()).isEqualTo("made");
        assertThat(referral.get("stateOn").asText()).isEqualTo("2026-03-02");
        assertThat(referral.get("status").asText()).isEqualTo("active");
        assertThat(referral.get("reason").asText())
                .isEqualTo("Drinks before contacting the victim; agreed to seek" + " help <b>\"now\"</b>");
        assertThat(referral.get("history")).hasSize(1);
        String path = base(participant) + "/" + referral.get("id").asText();

        Cases.ok(api.post(path + "/transitions", move("accepted", "2026-03-09")));
        Cases.ok(api.post(path + "/transitions", move("engaged", "2026-03-16")));
        Reply completed = api.post(
                path + "/transitions",
                Map.of("to", "completed", "on", "2026-05-20", "reason", "Finished the twelve-week programme"));
        JsonNode done = Cases.ok(completed);
        assertThat(completed.header("ETag")).isEqualTo("\"4\"");
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.get("stateOn").asText()).isEqualTo("2026-05-20");
        JsonNode history = done.get("history");
        assertThat(history)
                .extracting(step -> step.get("state").asText())
                .containsExactly("made", "accepted", "engaged", "completed");
        assertThat(history)
                .extracting(step -> step.get("on").asText())
                .containsExactly("2026-03-02", "2026-03-09", "2026-03-16", "2026-05-20");
        assertThat(history.get(3).get("reason").asText()).isEqualTo("Finished the twelve-week programme");
        assertThat(history.get(3).get("by").asText()).isEqualTo("tester");
        assertThat(history.get(3).get("recordedAt").asText()).isNotBlank();

        assertThat(Cases.ok(api.get(path)).get("history")).isEqualTo(history);
        JsonNode listed = Cases.ok(api.get(base(participant))).get("items");
        assertThat(listed).anySatisfy(item -> assertThat(item.get("history")).isEqualTo(history));
        JsonNode versions = Cases.ok(api.get(path + "/history")).get("items");
        assertThat(versions)
                .extracting(version -> version.get("record").get("state").asText())
                .containsExactly("made", "accepted", "engaged", "completed");
    }

    static Stream<Arguments> everyPairOfStates() {
        return Arrays.stream(ServiceReferralState.values())
                .flatMap(from -> Arrays.stream(ServiceReferralState.values()).map(to -> Arguments.of(from, to)));
    }

    @Test
    void the_routes_cover_every_state() {
        assertThat(ROUTE.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ServiceReferralState.values())
                        .map(Enum::name)
                        .toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void a_move_succeeds_exactly_when_the_lifecycle_allows_it(ServiceReferralState from, ServiceReferralState to) {
        String path = base(participant) + "/" + make(participant).get("id").asText();
        List<String> route = ROUTE.get(from.name());
        for (int step = 0; step < route.size(); step++) {
            Cases.ok(api.post(path + "/transitions", move(route.get(step), ROUTE_DAYS.get(step))));
        }
        JsonNode before = Cases.ok(api.get(path));
        assertThat(before.get("state").asText()).isEqualTo(from.name());

        Reply reply = api.post(path + "/transitions", move(to.name(), LATER));
        boolean legal = LEGAL.getOrDefault(from.name(), Set.of()).contains(to.name());
        if (legal) {
            JsonNode moved = Cases.ok(reply);
            assertThat(moved.get("state").asText()).isEqualTo(to.name());
            assertThat(moved.get("stateOn").asText()).isEqualTo(LATER);
            assertThat(moved.get("version").asInt())
                    .isEqualTo(before.get("version").asInt() + 1);
            assertThat(moved.get("history")).hasSize(before.get("history").size() + 1);
        } else {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(Cases.ok(api.get(path))).isEqualTo(before);
        }
    }

    @Test
    void a_move_dated_before_the_previous_one_in_the_future_or_before_the_case_is_refused_and_changes_nothing() {
        String path = base(participant) + "/" + make(participant).get("id").asText();
        Cases.ok(api.post(path + "/transitions", move("accepted", "2026-03-09")));
        JsonNode before = Cases.ok(api.get(path));

        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        for (String on : new String[] {"2026-03-08", tomorrow, "2026-01-31"}) {
            Reply refused = api.post(path + "/transitions", move("engaged", on));
            assertThat(refused.status()).as(on + ": " + refused).isEqualTo(422);
            assertThat(refused.fieldsAtFault()).containsExactly("on");
        }
        assertThat(Cases.ok(api.get(path))).isEqualTo(before);
        assertThat(Cases.ok(api.post(path + "/transitions", move("engaged", "2026-03-09")))
                        .get("state")
                        .asText())
                .isEqualTo("engaged");

        String fresh = base(participant) + "/" + make(participant).get("id").asText();
        assertThat(api.post(fresh + "/transitions", move("accepted", "2026-03-01"))
                        .fieldsAtFault())
                .as("before the referral was made")
                .containsExactly("on");
        assertThat(api.post(fresh + "/transitions", Map.of("to", "accepted", "on", "2026-03-09"))
                        .fieldsAtFault())
                .containsExactly("reason");
        assertThat(api.post(fresh + "/transitions", move("finished", "2026-03-09"))
                        .fieldsAtFault())
                .containsExactly("to");
        assertThat(api.post(base(participant) + "/nope/transitions", move("accepted", "2026-03-09"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_kind_must_fit_the_service_and_the_date_must_have_happened() {
        String before =
                Cases.ok(api.get(base(participant) + "?limit=100")).get("items").toString();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("kind", referral("mental_health", "alcohol", "2026-03-02"));
        bad.put("kind ", referral("substance_misuse", "housing", "2026-03-02"));
        bad.put("kind  ", referral("other", "talking_therapies", "2026-03-02"));
        bad.put("madeOn", referral("substance_misuse", "drug", tomorrow));
        bad.put("madeOn ", referral("substance_misuse", "drug", "2026-01-31"));
        bad.put("service", referral("social_care", "other", "2026-03-02"));
        bad.put("kind   ", referral("other", "gym", "2026-03-02"));
        bad.forEach((field, body) -> {
            Reply refused = api.post(base(participant), body);
            assertThat(refused.status()).as(body + ": " + refused).isIn(400, 422);
            assertThat(refused.fieldsAtFault()).as(body.toString()).containsExactly(field.strip());
        });
        assertThat(Cases.ok(api.get(base(participant) + "?limit=100"))
                        .get("items")
                        .toString())
                .isEqualTo(before);

        for (String[] fits : new String[][] {
            {"mental_health", "community_mental_health_team"},
            {"mental_health", "talking_therapies"},
            {"mental_health", "inpatient"},
            {"mental_health", "other"},
            {"substance_misuse", "drug"},
            {"substance_misuse", "other"},
            {"other", "housing"},
            {"other", "employment"},
            {"other", "domestic_abuse_programme"},
            {"other", "other"}
        }) {
            Cases.created(api.post(base(participant), referral(fits[0], fits[1], "2026-03-02")));
        }
    }

    @Test
    void an_amendment_needs_if_match_and_a_reason_keeps_history_and_cannot_pass_the_next_move() {
        String path = base(participant) + "/" + make(participant).get("id").asText();
        assertThat(api.because("typo").patch(path, Map.of("kind", "drug"), null).status())
                .isEqualTo(428);
        assertThat(api.patch(path, Map.of("kind", "drug"), "\"1\"").fieldsAtFault())
                .containsExactly("reason");
        assertThat(api.because("typo")
                        .patch(path, Map.of("kind", "housing"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("kind");
        assertThat(api.because("typo")
                        .patch(path, Map.of("state", "completed"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("state");

        Reply amended = api.because("Made a day earlier").patch(path, Map.of("madeOn", "2026-03-01"), "\"1\"");
        JsonNode record = Cases.ok(amended);
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(record.get("madeOn").asText()).isEqualTo("2026-03-01");
        assertThat(record.get("stateOn").asText()).isEqualTo("2026-03-01");
        assertThat(record.get("history").get(0).get("on").asText()).isEqualTo("2026-03-01");
        assertThat(record.get("amendedBy").asText()).isEqualTo("tester");

        Cases.ok(api.post(path + "/transitions", move("accepted", "2026-03-09")));
        assertThat(api.because("typo")
                        .patch(path, Map.of("madeOn", "2026-03-10"), "\"3\"")
                        .fieldsAtFault())
                .containsExactly("madeOn");
        JsonNode kept = Cases.ok(
                api.because("Wrong provider").patch(path, Map.of("provider", "Eastside Recovery Service"), "\"3\""));
        assertThat(kept.get("stateOn").asText()).isEqualTo("2026-03-09");
        assertThat(kept.get("state").asText()).isEqualTo("accepted");

        JsonNode versions = Cases.ok(api.get(path + "/history")).get("items");
        assertThat(versions)
                .extracting(version -> version.get("reason").asText(null))
                .containsExactly(null, "Made a day earlier", null, "Wrong provider");
        assertThat(versions.get(0).get("record").get("madeOn").asText()).isEqualTo("2026-03-02");
        assertThat(versions.get(3).get("record").get("provider").asText()).isEqualTo("Eastside Recovery Service");
    }

    @Test
    void a_referral_entered_in_error_is_kept_and_cannot_move() {
        String path = base(participant) + "/" + make(participant).get("id").asText();
        assertThat(api.post(path + "/entered-in-error", Map.of("reason", "Wrong participant"))
                        .status())
                .isEqualTo(428);
        JsonNode marked = Cases.ok(api.send(
                "POST",
                path + "/entered-in-error",
                Map.of("reason", "Wrong participant"),
                Map.of("If-Match", "\"1\"")));
        assertThat(marked.get("status").asText()).isEqualTo("entered_in_error");
        assertThat(marked.get("errorReason").asText()).isEqualTo("Wrong participant");
        assertThat(api.post(path + "/transitions", move("accepted", "2026-03-09"))
                        .status())
                .isEqualTo(409);
        assertThat(Cases.ok(api.get(path)).get("state").asText()).isEqualTo("made");
        assertThat(Cases.ok(api.get(path + "/history")).get("items")).hasSize(2);
    }

    @Test
    void clinicians_make_referrals_probation_reads_them_and_other_roles_are_refused() {
        String path = base(participant) + "/" + make(participant).get("id").asText();
        Staff.ensure(APP, "pc.onw", Set.of(Role.police), Set.of(SITE));
        Staff.ensure(APP, "po.onw", Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, "va.onw", Set.of(Role.advocate), Set.of(SITE));
        Staff.ensure(APP, "dr.els", Set.of(Role.clinician), Set.of("ELS"));
        Api police = TestApp.as(APP, "pc.onw");
        Api probation = TestApp.as(APP, "po.onw");

        assertThat(police.get(base(participant)).status()).isEqualTo(403);
        assertThat(police.get(path).status()).isEqualTo(403);
        assertThat(police.post(base(participant), referral("other", "housing", "2026-03-02"))
                        .status())
                .isEqualTo(403);
        assertThat(police.post(path + "/transitions", move("accepted", "2026-03-09"))
                        .status())
                .isEqualTo(403);
        assertThat(TestApp.as(APP, "va.onw").get(path).status()).isEqualTo(403);

        JsonNode seen = Cases.ok(probation.get(path));
        assertThat(seen.get("kind").asText()).isEqualTo("alcohol");
        assertThat(seen.get("reason").asText()).startsWith("Drinks before");
        assertThat(probation
                        .post(path + "/transitions", move("accepted", "2026-03-09"))
                        .status())
                .isEqualTo(403);
        assertThat(TestApp.as(APP, "dr.els").get(path).status()).isEqualTo(404);
        assertThat(Cases.ok(api.get(path)).get("state").asText()).isEqualTo("made");
    }
}
