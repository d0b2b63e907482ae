package org.desist.riskplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

/** Actions of the risk management plan through HTTP: closed once, overdue when open past due, amended, access. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class PlanActionRecordTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static final String SITE = "RMP";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

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
        return "/participants/" + participantId + "/risk-plan/actions";
    }

    static Map<String, Object> action(String agency, String dueOn, String reviewOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "Serve the stalking protection order & explain its <conditions>");
        body.put("agency", agency);
        body.put("owner", "DC 4521 Patel");
        body.put("dueOn", dueOn);
        body.put("reviewOn", reviewOn);
        return body;
    }

    static Map<String, Object> close(String to, String on) {
        return Map.of("to", to, "on", on, "reason", "Closed as " + to);
    }

    static String add(String dueOn) {
        return base(participant) + "/"
                + Cases.created(api.post(base(participant), action("police", dueOn, "2026-04-01")))
                        .get("id")
                        .asText();
    }

    @Test
    void an_action_is_done_once_with_a_dated_reason_and_a_second_move_is_refused() {
        Reply added = api.post(base(participant), action("police", "2026-03-20", "2026-04-03"));
        JsonNode action = Cases.created(added);
        assertThat(added.header("ETag")).isEqualTo("\"1\"");
        assertThat(action.get("state").asText()).isEqualTo("open");
        assertThat(action.get("status").asText()).isEqualTo("active");
        assertThat(action.get("action").asText())
                .isEqualTo("Serve the stalking protection order & explain its" + " <conditions>");
        assertThat(action.get("closedOn").isNull()).isTrue();
        String path = base(participant) + "/" + action.get("id").asText();

        Reply done = api.post(
                path + "/transitions", Map.of("to", "done", "on", "2026-03-18", "reason", "Order served in person"));
        JsonNode closed = Cases.ok(done);
        assertThat(done.header("ETag")).isEqualTo("\"2\"");
        assertThat(closed.get("state").asText()).isEqualTo("done");
        assertThat(closed.get("closedOn").asText()).isEqualTo("2026-03-18");
        assertThat(closed.get("closeReason").asText()).isEqualTo("Order served in person");
        assertThat(closed.get("closedBy").asText()).isEqualTo("tester");
        assertThat(closed.get("overdue").asBoolean()).isFalse();

        for (String to : new String[] {"dropped", "done", "open"}) {
            Reply again = api.post(path + "/transitions", close(to, "2026-03-19"));
            assertThat(again.status()).as(to + ": " + again).isEqualTo(409);
        }
        assertThat(Cases.ok(api.get(path))).isEqualTo(closed);
        assertThat(Cases.ok(api.get(path + "/history")).get("items"))
                .extracting(version -> version.get("record").get("state").asText())
                .containsExactly("open", "done");
    }

    static Stream<Arguments> everyPairOfStates() {
        return Arrays.stream(PlanActionState.values())
                .flatMap(from -> Arrays.stream(PlanActionState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void an_action_moves_only_from_open_to_done_or_dropped(PlanActionState from, PlanActionState to) {
        String path = add("2026-03-20");
        if (from != PlanActionState.open) {
            Cases.ok(api.post(path + "/transitions", close(from.name(), "2026-03-10")));
        }
        JsonNode before = Cases.ok(api.get(path));
        Reply reply = api.post(path + "/transitions", close(to.name(), "2026-03-12"));
        if (from == PlanActionState.open && to != PlanActionState.open) {
            JsonNode moved = Cases.ok(reply);
            assertThat(moved.get("state").asText()).isEqualTo(to.name());
            assertThat(moved.get("closedOn").asText()).isEqualTo("2026-03-12");
        } else {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
            assertThat(Cases.ok(api.get(path))).isEqualTo(before);
        }
    }

    @Test
    void an_open_action_past_its_due_date_is_overdue() {
        String yesterday = TODAY.minusDays(1).toString();
        String overdue = add(yesterday);
        String dueToday = add(TODAY.toString());
        String ahead = add(TODAY.plusDays(30).toString());
        assertThat(Cases.ok(api.get(overdue)).get("overdue").asBoolean()).isTrue();
        assertThat(Cases.ok(api.get(dueToday)).get("overdue").asBoolean()).isFalse();
        assertThat(Cases.ok(api.get(ahead)).get("overdue").asBoolean()).isFalse();
        JsonNode listed = Cases.ok(api.get(base(participant) + "?from=" + yesterday + "&to=" + yesterday))
                .get("items");
        assertThat(listed)
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("overdue").asBoolean()).isTrue());

        String dropped = add(yesterday);
        assertThat(Cases.ok(api.post(dropped + "/transitions", close("dropped", TODAY.toString())))
                        .get("overdue")
                        .asBoolean())
                .isFalse();
        String wrong = add(yesterday);
        JsonNode marked = Cases.ok(api.send(
                "POST", wrong + "/entered-in-error", Map.of("reason", "Duplicate"), Map.of("If-Match", "\"1\"")));
        assertThat(marked.get("overdue").asBoolean())
                .as("records entered in error count for nothing")
                .isFalse();
    }

    @Test
    void dates_follow_the_case_and_bad_input_changes_nothing() {
        String before =
                Cases.ok(api.get(base(participant) + "?limit=100")).get("items").toString();
        String future = TODAY.plusDays(60).toString();
        assertThat(api.post(base(participant), action("police", "2026-01-31", "2026-04-01"))
                        .fieldsAtFault())
                .containsExactly("dueOn");
        assertThat(api.post(base(participant), action("police", "2026-03-01", "2026-01-31"))
                        .fieldsAtFault())
                .containsExactly("reviewOn");
        assertThat(api.post(base(participant), action("social_services", "2026-03-01", "2026-04-01"))
                        .fieldsAtFault())
                .containsExactly("agency");
        Map<String, Object> noOwner = action("police", "2026-03-01", "2026-04-01");
        noOwner.remove("owner");
        assertThat(api.post(base(participant), noOwner).fieldsAtFault()).containsExactly("owner");
        assertThat(Cases.ok(api.get(base(participant) + "?limit=100"))
                        .get("items")
                        .toString())
                .isEqualTo(before);
        Cases.created(api.post(base(participant), action("cps", future, future)));

        String path = add("2026-03-20");
        JsonNode open = Cases.ok(api.get(path));
        String tomorrow = TODAY.plusDays(1).toString();
        for (String on : new String[] {tomorrow, "2026-01-31"}) {
            assertThat(api.post(path + "/transitions", close("done", on)).fieldsAtFault())
                    .as(on)
                    .containsExactly("on");
        }
        assertThat(api.post(path + "/transitions", Map.of("to", "done", "on", "2026-03-01"))
                        .fieldsAtFault())
                .containsExactly("reason");
        assertThat(api.post(path + "/transitions", close("finished", "2026-03-01"))
                        .fieldsAtFault())
                .containsExactly("to");
        assertThat(Cases.ok(api.get(path))).isEqualTo(open);
    }

    @Test
    void an_amendment_needs_if_match_and_a_reason_and_keeps_history() {
        String path = add("2026-03-20");
        assertThat(api.because("later")
                        .patch(path, Map.of("dueOn", "2026-03-27"), null)
                        .status())
                .isEqualTo(428);
        assertThat(api.because("later")
                        .patch(path, Map.of("dueOn", "2026-03-27"), "\"9\"")
                        .status())
                .isEqualTo(412);
        assertThat(api.patch(path, Map.of("dueOn", "2026-03-27"), "\"1\"").fieldsAtFault())
                .containsExactly("reason");
        assertThat(api.because("x")
                        .patch(path, Map.of("state", "done"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("state");
        assertThat(api.because("x")
                        .patch(path, Map.of("dueOn", "2026-01-02"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("dueOn");

        Reply amended = api.because("Court date moved")
                .patch(path, Map.of("dueOn", "2026-03-27", "agency", "probation", "owner", "PO Hughes"), "\"1\"");
        JsonNode record = Cases.ok(amended);
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(record.get("dueOn").asText()).isEqualTo("2026-03-27");
        assertThat(record.get("agency").asText()).isEqualTo("probation");
        assertThat(record.get("amendedBy").asText()).isEqualTo("tester");

        JsonNode versions = Cases.ok(api.get(path + "/history")).get("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("record").get("owner").asText()).isEqualTo("DC 4521 Patel");
        assertThat(versions.get(1).get("record").get("owner").asText()).isEqualTo("PO Hughes");
        assertThat(versions.get(1).get("reason").asText()).isEqualTo("Court date moved");
    }

    @Test
    void an_action_entered_in_error_is_kept_and_cannot_close() {
        String path = add("2026-03-20");
        JsonNode marked = Cases.ok(api.send(
                "POST", path + "/entered-in-error", Map.of("reason", "Wrong case"), Map.of("If-Match", "\"1\"")));
        assertThat(marked.get("status").asText()).isEqualTo("entered_in_error");
        assertThat(marked.get("errorReason").asText()).isEqualTo("Wrong case");
        assertThat(api.post(path + "/transitions", close("done", "2026-03-10")).status())
                .isEqualTo(409);
        assertThat(api.because("x")
                        .patch(path, Map.of("owner", "PO Hughes"), "\"2\"")
                        .status())
                .isEqualTo(409);
        assertThat(Cases.ok(api.get(path)).get("state").asText()).isEqualTo("open");
    }

    @Test
    void police_probation_advocates_and_clinicians_work_the_plan_at_their_own_sites() {
        Staff.ensure(APP, "pc.rmp", Set.of(Role.police), Set.of(SITE));
        Staff.ensure(APP, "va.rmp", Set.of(Role.advocate), Set.of(SITE));
        Staff.ensure(APP, "cps.rmp", Set.of(Role.cps), Set.of(SITE));
        Staff.ensure(APP, "pc.els", Set.of(Role.police), Set.of("ELS"));
        Api police = TestApp.as(APP, "pc.rmp");

        JsonNode added = Cases.created(police.post(base(participant), action("police", "2026-03-20", "2026-04-01")));
        String path = base(participant) + "/" + added.get("id").asText();
        assertThat(added.get("recordedBy").asText()).isEqualTo("pc.rmp");
        assertThat(Cases.ok(police.get(path)).get("state").asText()).isEqualTo("open");
        assertThat(Cases.ok(police.get(base(participant))).get("items")).isNotEmpty();
        assertThat(Cases.ok(police.post(path + "/transitions", close("done", "2026-03-19")))
                        .get("closedBy")
                        .asText())
                .isEqualTo("pc.rmp");
        assertThat(police.get("/participants/" + participant + "/service-referrals")
                        .status())
                .isEqualTo(403);

        assertThat(TestApp.as(APP, "va.rmp").get(path).status()).isEqualTo(200);
        assertThat(TestApp.as(APP, "cps.rmp").get(path).status()).isEqualTo(403);
        assertThat(TestApp.as(APP, "cps.rmp")
                        .post(base(participant), action("cps", "2026-03-20", "2026-04-01"))
                        .status())
                .isEqualTo(403);
        assertThat(TestApp.as(APP, "pc.els").get(path).status()).isEqualTo(404);
    }
}
