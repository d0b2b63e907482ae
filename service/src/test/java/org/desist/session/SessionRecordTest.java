package org.desist.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sessions: scheduled, their outcome recorded once, amended with history, notes for clinicians only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionRecordTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String NOTES = "Spoke of \"checking\" her profile daily <script>alert(1)</script>";
    static Api api;
    static Api probation;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("SES");
        cases.site("ELS");
        Staff.ensure(APP, "po.ses", Set.of(Role.probation), Set.of("SES"));
        probation = TestApp.as(APP, "po.ses");
    }

    static Map<String, Object> session(String kind, String scheduledAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("scheduledAt", scheduledAt);
        body.put("durationMinutes", 50);
        body.put("facilitator", "Dr A. Okafor");
        return body;
    }

    static Map<String, Object> outcome(String outcome, Integer engagement) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        if (engagement != null) {
            body.put("engagement", engagement);
        }
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static String scheduled(String base, String scheduledAt) {
        return Cases.created(api.post(base, session("individual_therapy", scheduledAt)))
                .get("id")
                .asText();
    }

    @Test
    void sessions_are_scheduled_and_listed_latest_first_within_dates_of_london() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        String ahead = Instant.now()
                .plus(7, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        Reply created = api.post(base, session("group_therapy", "2026-03-02T10:00:00Z"));
        JsonNode first = Cases.created(created);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.get("kind").asText()).isEqualTo("group_therapy");
        assertThat(first.get("scheduledAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(first.get("durationMinutes").asInt()).isEqualTo(50);
        for (String field : new String[] {
            "outcome",
            "engagement",
            "notes",
            "shareable",
            "concern",
            "outcomeRecordedAt",
            "outcomeRecordedBy",
            "errorReason",
            "amendedAt"
        }) {
            assertThat(first.get(field).isNull()).as(field).isTrue();
        }
        // 2026-03-31T23:30Z is already 1 April in London (BST)
        for (String at : new String[] {"2026-03-31T23:30:00Z", ahead, "2026-03-16T14:00:00Z"}) {
            scheduled(base, at);
        }

        JsonNode all = Cases.ok(api.get(base)).get("items");
        assertThat(all)
                .extracting(item -> item.get("scheduledAt").asText())
                .containsExactly(ahead, "2026-03-31T23:30:00Z", "2026-03-16T14:00:00Z", "2026-03-02T10:00:00Z");
        JsonNode march =
                Cases.ok(api.get(base + "?from=2026-03-10&to=2026-03-31")).get("items");
        assertThat(march).extracting(item -> item.get("scheduledAt").asText()).containsExactly("2026-03-16T14:00:00Z");
        JsonNode april =
                Cases.ok(api.get(base + "?from=2026-04-01&to=2026-04-01")).get("items");
        assertThat(april).extracting(item -> item.get("scheduledAt").asText()).containsExactly("2026-03-31T23:30:00Z");
    }

    @Test
    void bad_schedules_are_refused_naming_the_field_and_change_nothing() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        Map<String, Object> good = session("nurse_contact", "2026-03-02T10:00:00Z");
        // referred 2026-02-01: 23:30Z on 31 January is still 31 January in London (GMT)
        assertThat(api.post(base, with(good, "scheduledAt", "2026-01-31T23:30:00Z"))
                        .fieldsAtFault())
                .containsExactly("scheduledAt");
        assertThat(api.post(base, with(good, "scheduledAt", "2 March")).fieldsAtFault())
                .containsExactly("scheduledAt");
        assertThat(api.post(base, with(good, "durationMinutes", 0)).fieldsAtFault())
                .containsExactly("durationMinutes");
        assertThat(api.post(base, with(good, "durationMinutes", 481)).fieldsAtFault())
                .containsExactly("durationMinutes");
        assertThat(api.post(base, with(good, "facilitator", " ")).fieldsAtFault())
                .containsExactly("facilitator");
        assertThat(api.post(base, with(good, "outcome", "attended")).fieldsAtFault())
                .containsExactly("outcome");

        Reply kind = api.post(base, with(good, "kind", "hypnosis"));
        assertThat(kind.status()).isEqualTo(422);
        assertThat(kind.contentType()).startsWith("application/problem+json");
        assertThat(kind.fieldsAtFault()).containsExactly("kind");
        assertThat(kind.json().get("detail").asText())
                .contains(
                        "individual_therapy, group_therapy," + " psychiatric_review, nurse_contact, case_consultation");
        assertThat(Cases.ok(api.get(base)).get("items")).isEmpty();

        assertThat(Cases.created(api.post(base, with(good, "scheduledAt", "2026-02-01T00:00:00Z")))
                        .get("scheduledAt")
                        .asText())
                .isEqualTo("2026-02-01T00:00:00Z");
    }

    @Test
    void an_outcome_is_recorded_once() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        String id = scheduled(base, "2026-03-02T10:00:00Z");
        Map<String, Object> body = outcome("late", 4);
        body.put("notes", NOTES);
        body.put("shareable", true);
        body.put("concern", "Asked whether the victim still works at the bakery");

        Reply recorded = api.post(base + "/" + id + "/outcome", body);
        JsonNode session = Cases.ok(recorded);
        assertThat(recorded.header("ETag")).isEqualTo("\"2\"");
        assertThat(session.get("outcome").asText()).isEqualTo("late");
        assertThat(session.get("engagement").asInt()).isEqualTo(4);
        assertThat(session.get("notes").asText()).isEqualTo(NOTES);
        assertThat(session.get("shareable").asBoolean()).isTrue();
        assertThat(session.get("concern").asText()).isEqualTo("Asked whether the victim still works at the bakery");
        assertThat(session.get("outcomeRecordedBy").asText()).isEqualTo("tester");
        assertThat(Instant.parse(session.get("outcomeRecordedAt").asText()))
                .isBetween(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now());
        assertThat(session.get("amendedAt").isNull()).isTrue();

        Reply second = api.post(base + "/" + id + "/outcome", outcome("did_not_attend", null));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        JsonNode unchanged = Cases.ok(api.get(base + "/" + id));
        assertThat(unchanged.get("outcome").asText()).isEqualTo("late");
        assertThat(unchanged.get("version").asInt()).isEqualTo(2);
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(2);

        // engagement is optional even for a participant who was there; shareable defaults to false
        String quiet = scheduled(base, "2026-03-09T10:00:00Z");
        JsonNode attended = Cases.ok(api.post(base + "/" + quiet + "/outcome", outcome("attended", null)));
        assertThat(attended.get("engagement").isNull()).isTrue();
        assertThat(attended.get("shareable").asBoolean()).isFalse();
        assertThat(api.post(base + "/" + "no-such-session/outcome", outcome("attended", null))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void bad_outcomes_are_refused_naming_the_field_and_change_nothing() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        String id = scheduled(base, "2026-03-02T10:00:00Z");
        String path = base + "/" + id + "/outcome";
        assertThat(api.post(path, outcome("did_not_attend", 3)).fieldsAtFault()).containsExactly("engagement");
        assertThat(api.post(path, outcome("cancelled_by_service", 1)).fieldsAtFault())
                .containsExactly("engagement");
        assertThat(api.post(path, outcome("attended", 0)).fieldsAtFault()).containsExactly("engagement");
        assertThat(api.post(path, outcome("attended", 6)).fieldsAtFault()).containsExactly("engagement");
        assertThat(api.post(path, with(outcome("attended", 3), "concern", "  ")).fieldsAtFault())
                .containsExactly("concern");
        assertThat(api.post(path, with(outcome("attended", 3), "shareable", "yes"))
                        .fieldsAtFault())
                .containsExactly("shareable");
        assertThat(api.post(path, Map.of("engagement", 3)).fieldsAtFault()).containsExactly("outcome");
        Reply unknown = api.post(path, outcome("no_show", null));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.fieldsAtFault()).containsExactly("outcome");
        assertThat(unknown.json().get("detail").asText())
                .contains("attended, late, did_not_attend," + " cancelled_by_service, cancelled_by_participant");

        String ahead = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String planned = scheduled(base, ahead);
        Reply early = api.post(base + "/" + planned + "/outcome", outcome("attended", 4));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.fieldsAtFault()).containsExactly("outcome");
        assertThat(early.json().get("detail").asText()).isEqualTo("the session has not happened yet");

        for (String session : new String[] {id, planned}) {
            JsonNode untouched = Cases.ok(api.get(base + "/" + session));
            assertThat(untouched.get("outcome").isNull()).isTrue();
            assertThat(untouched.get("version").asInt()).isEqualTo(1);
        }
    }

    @Test
    void notes_are_for_clinicians_only_while_concerns_and_shareability_reach_probation() {
        String participant = cases.participant("SES");
        String base = "/participants/" + participant + "/sessions";
        String id = scheduled(base, "2026-03-02T10:00:00Z");
        Map<String, Object> body = outcome("attended", 3);
        body.put("notes", NOTES);
        body.put("shareable", false);
        body.put("concern", "Drove past the victim's house on the way");
        Cases.ok(api.post(base + "/" + id + "/outcome", body));
        Cases.ok(api.because("Clinician agreed to share")
                .patch(base + "/" + id, Map.of("shareable", true, "notes", NOTES + " (shared)"), "\"2\""));

        JsonNode listed = Cases.ok(probation.get(base)).get("items").get(0);
        JsonNode read = Cases.ok(probation.get(base + "/" + id));
        JsonNode history = Cases.ok(probation.get(base + "/" + id + "/history")).get("items");
        assertThat(history).hasSize(3);
        for (JsonNode seen : new JsonNode[] {
            listed, read, history.get(1).get("record"), history.get(2).get("record")
        }) {
            assertThat(seen.get("notes").isNull()).isTrue();
            assertThat(seen.get("concern").asText()).isEqualTo("Drove past the victim's house on the way");
            assertThat(seen.get("outcome").asText()).isEqualTo("attended");
            assertThat(seen.get("engagement").asInt()).isEqualTo(3);
        }
        assertThat(probation.get(base).text()).doesNotContain("checking");
        assertThat(probation.get(base + "/" + id + "/history").text()).doesNotContain("checking");
        assertThat(read.get("shareable").asBoolean()).isTrue();
        assertThat(history.get(1).get("record").get("shareable").asBoolean()).isFalse();

        JsonNode clinical = Cases.ok(api.get(base + "/" + id + "/history")).get("items");
        assertThat(clinical.get(1).get("record").get("notes").asText()).isEqualTo(NOTES);
        assertThat(clinical.get(2).get("record").get("notes").asText()).isEqualTo(NOTES + " (shared)");

        assertThat(probation
                        .post(base, session("case_consultation", "2026-03-03T10:00:00Z"))
                        .status())
                .isEqualTo(403);
        assertThat(probation
                        .post(base + "/" + id + "/outcome", outcome("attended", 3))
                        .status())
                .isEqualTo(403);
        Staff.ensure(APP, "pc.ses", Set.of(Role.police), Set.of("SES"));
        assertThat(TestApp.as(APP, "pc.ses").get(base).status()).isEqualTo(403);
        Staff.ensure(APP, "po.elsewhere", Set.of(Role.probation), Set.of("ELS"));
        assertThat(TestApp.as(APP, "po.elsewhere").get(base + "/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void a_schedule_is_amended_with_if_match_and_a_reason_and_keeps_its_history() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        String id = scheduled(base, "2026-03-02T10:00:00Z");
        String path = base + "/" + id;
        Map<String, Object> moved = Map.of("scheduledAt", "2026-03-04T15:00:00Z", "durationMinutes", 90);
        assertThat(api.patch(path, moved, "\"1\"").fieldsAtFault()).containsExactly("reason");
        assertThat(api.because("moved").patch(path, moved, null).status()).isEqualTo(428);
        assertThat(api.because("moved").patch(path, moved, "\"5\"").status()).isEqualTo(412);
        assertThat(api.because("moved")
                        .patch(path, Map.of("durationMinutes", 481), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("durationMinutes");
        assertThat(api.because("moved")
                        .patch(path, Map.of("scheduledAt", "2026-01-15T10:00:00Z"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("scheduledAt");
        // no outcome yet: it is recorded with POST .../outcome, not by amendment
        assertThat(api.because("moved")
                        .patch(path, Map.of("outcome", "attended"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("outcome");
        assertThat(api.because("moved")
                        .patch(path, Map.of("notes", "x"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("notes");
        assertThat(api.because("moved")
                        .patch(path, Map.of("outcomeRecordedAt", "2026-03-04T16:00:00Z"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("outcomeRecordedAt");
        assertThat(Cases.ok(api.get(path)).get("version").asInt()).isEqualTo(1);

        Reply amended = api.because("Room double-booked").patch(path, moved, "\"1\"");
        assertThat(Cases.ok(amended).get("scheduledAt").asText()).isEqualTo("2026-03-04T15:00:00Z");
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(amended.json().get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(amended.json().get("facilitator").asText()).isEqualTo("Dr A. Okafor");
        assertThat(amended.json().get("amendedBy").asText()).isEqualTo("tester");

        JsonNode history = Cases.ok(api.get(path + "/history")).get("items");
        assertThat(history).extracting(item -> item.get("version").asInt()).containsExactly(1, 2);
        assertThat(history.get(0).get("record").get("scheduledAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(history.get(0).get("reason").isNull()).isTrue();
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Room double-booked");
    }

    @Test
    void a_recorded_outcome_is_amended_but_never_removed() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        String id = scheduled(base, "2026-03-02T10:00:00Z");
        String path = base + "/" + id;
        JsonNode recorded = Cases.ok(api.post(path + "/outcome", outcome("attended", 4)));
        String when = recorded.get("outcomeRecordedAt").asText();

        assertThat(api.because("r")
                        .patch(path, Map.of("outcome", "did_not_attend"), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("engagement");
        assertThat(api.because("r")
                        .patch(path, Map.of("engagement", 0), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("engagement");
        assertThat(api.because("r")
                        .patch(path, Map.of("outcome", "maybe"), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("outcome");
        Map<String, Object> removed = new HashMap<>();
        removed.put("outcome", null);
        assertThat(api.because("r").patch(path, removed, "\"2\"").fieldsAtFault())
                .containsExactly("outcome");
        String ahead = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        assertThat(api.because("r")
                        .patch(path, Map.of("scheduledAt", ahead), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("scheduledAt");
        assertThat(Cases.ok(api.get(path)).get("version").asInt()).isEqualTo(2);

        Map<String, Object> missed = new HashMap<>();
        missed.put("outcome", "did_not_attend");
        missed.put("engagement", null);
        JsonNode amended =
                Cases.ok(api.because("Mixed up with the group session").patch(path, missed, "\"2\""));
        assertThat(amended.get("outcome").asText()).isEqualTo("did_not_attend");
        assertThat(amended.get("engagement").isNull()).isTrue();
        assertThat(amended.get("outcomeRecordedAt").asText()).isEqualTo(when);
        assertThat(amended.get("version").asInt()).isEqualTo(3);
        assertThat(Cases.ok(api.get(path + "/history")).get("items")).hasSize(3);
    }

    @Test
    void a_session_entered_in_error_is_kept_marked_and_takes_no_outcome() {
        String base = "/participants/" + cases.participant("SES") + "/sessions";
        String id = scheduled(base, "2026-03-02T10:00:00Z");
        String path = base + "/" + id;
        assertThat(api.post(path + "/entered-in-error", Map.of("reason", "Wrong participant"))
                        .status())
                .isEqualTo(428);
        Reply marked = api.send(
                "POST", path + "/entered-in-error", Map.of("reason", "Wrong participant"), Map.of("If-Match", "\"1\""));
        assertThat(Cases.ok(marked).get("status").asText()).isEqualTo("entered_in_error");
        assertThat(marked.json().get("errorReason").asText()).isEqualTo("Wrong participant");

        assertThat(api.post(path + "/outcome", outcome("attended", 4)).status()).isEqualTo(409);
        assertThat(api.because("again")
                        .patch(path, Map.of("durationMinutes", 30), "\"2\"")
                        .status())
                .isEqualTo(409);
        JsonNode listed = Cases.ok(api.get(base)).get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("entered_in_error");
        assertThat(listed.get(0).get("outcome").isNull()).isTrue();
        assertThat(Cases.ok(api.get(path + "/history")).get("items")).hasSize(2);
    }
}
