package org.desist.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The progress read model: an empty case, records entered in error left out, and who may read it. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProgressTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "PRG";
    static final String OTHER_SITE = "PRO";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    static final String NOTES = "SESSION-NOTES-TEXT not for the figures";

    static Api api;
    static Cases cases;

    @BeforeAll
    static void sites() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site(SITE);
        cases.site(OTHER_SITE);
        for (Role role : List.of(Role.clinician, Role.probation, Role.police, Role.advocate, Role.cps)) {
            Staff.ensure(APP, role + ".prg", Set.of(role), Set.of(SITE));
        }
        Staff.ensure(APP, "lead.prg", Set.of(Role.programme_lead), Set.of());
        Staff.ensure(APP, "clinician.pro", Set.of(Role.clinician), Set.of(OTHER_SITE));
    }

    static String records(String participant) {
        return "/participants/" + participant + "/";
    }

    static JsonNode progress(String participant) {
        return Cases.ok(api.get(records(participant) + "progress"));
    }

    static String session(String participant, String at, String outcome, Integer engagement, String concern) {
        String base = records(participant) + "sessions";
        String id = Cases.created(api.post(
                        base,
                        Map.of(
                                "kind",
                                "individual_therapy",
                                "scheduledAt",
                                at,
                                "durationMinutes",
                                50,
                                "facilitator",
                                "Dr A. Okafor")))
                .get("id")
                .asText();
        if (outcome != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcome", outcome);
            body.put("notes", NOTES);
            if (engagement != null) {
                body.put("engagement", engagement);
            }
            if (concern != null) {
                body.put("concern", concern);
            }
            Cases.ok(api.post(base + "/" + id + "/outcome", body));
        }
        return id;
    }

    static void inError(String participant, String kind, String id) {
        String path = records(participant) + kind + "/" + id;
        Reply current = api.get(path);
        Cases.ok(current);
        Cases.ok(api.send(
                "POST",
                path + "/entered-in-error",
                Map.of("reason", "Entered against the wrong case"),
                Map.of("If-Match", current.header("ETag"))));
    }

    static Map<String, Object> ratings(String violence, String persistence, String recurrence, String damage) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        ratings.put("violence", violence);
        ratings.put("persistence", persistence);
        ratings.put("recurrence", recurrence);
        ratings.put("psychosocial_damage", damage);
        return ratings;
    }

    static String assessment(String participant, String on, Map<String, Object> ratings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "risk");
        body.put("assessedOn", on);
        body.put("assessor", "Dr A. Mensah");
        body.put("instrument", "SRP");
        body.put("riskRatings", ratings);
        body.put("overallRisk", "high");
        return Cases.created(api.post(records(participant) + "assessments", body))
                .get("id")
                .asText();
    }

    static String review(String participant, String on, Map<String, Object> ratings, int fixation) {
        return Cases.created(api.post(
                        records(participant) + "desistance-reviews",
                        Map.of(
                                "reviewedOn",
                                on,
                                "riskRatings",
                                ratings,
                                "fixation",
                                fixation,
                                "victimContactSinceLastReview",
                                false,
                                "engagement",
                                3)))
                .get("id")
                .asText();
    }

    static String incident(String participant, String on) {
        return Cases.created(api.post(
                        records(participant) + "incidents",
                        Map.of(
                                "kind",
                                "arrest",
                                "occurredOn",
                                on,
                                "source",
                                "police",
                                "details",
                                "Arrested near the victim's home")))
                .get("id")
                .asText();
    }

    @Test
    void an_empty_case_has_zero_counts_null_figures_and_empty_series() {
        String participant = cases.participant(SITE);
        JsonNode progress = progress(participant);

        assertThat(progress.get("participantId").asText()).isEqualTo(participant);
        assertThat(progress.get("asOf").asText()).isEqualTo(TODAY.toString());
        JsonNode attendance = progress.get("attendance");
        assertThat(attendance.get("offered").asInt()).isZero();
        assertThat(attendance.get("attended").asInt()).isZero();
        assertThat(attendance.get("didNotAttend").asInt()).isZero();
        assertThat(attendance.get("cancelledByParticipant").asInt()).isZero();
        assertThat(attendance.get("rate").isNull()).isTrue();
        assertThat(progress.get("sessionsAwaitingOutcome").asInt()).isZero();
        assertThat(progress.get("cancelledByService").asInt()).isZero();
        assertThat(progress.get("engagementTrend")).isEmpty();
        assertThat(progress.get("risk").fieldNames())
                .toIterable()
                .containsExactly("violence", "persistence", "recurrence", "psychosocial_damage");
        progress.get("risk").forEach(domain -> {
            assertThat(domain.get("atFirstAssessment").isNull()).isTrue();
            assertThat(domain.get("atLatestReview").isNull()).isTrue();
            assertThat(domain.get("movement").isNull()).isTrue();
        });
        assertThat(progress.get("firstAssessedOn").isNull()).isTrue();
        assertThat(progress.get("latestReviewOn").isNull()).isTrue();
        assertThat(progress.get("fixationTrend")).isEmpty();
        assertThat(progress.get("daysSinceLastIncident").isNull()).isTrue();
        assertThat(progress.get("onwardReferrals").isObject()).isTrue();
        assertThat(progress.get("onwardReferrals")).isEmpty();
        assertThat(progress.get("overdueActions")).isEmpty();
        assertThat(progress.get("concerns")).isEmpty();
    }

    @Test
    void records_entered_in_error_do_not_count() {
        String participant = cases.participant(SITE);
        String kept = session(participant, "2026-03-02T09:00:00Z", "attended", 4, "Asked about the victim's new job");
        session(participant, "2026-03-09T09:00:00Z", "did_not_attend", null, null);
        inError(
                participant,
                "sessions",
                session(participant, "2026-03-16T09:00:00Z", "attended", 2, "A concern on a session entered in error"));
        inError(
                participant,
                "sessions",
                session(participant, "2026-03-23T09:00:00Z", "cancelled_by_service", null, null));
        inError(participant, "sessions", session(participant, "2026-03-30T09:00:00Z", "late", 5, null));
        inError(participant, "sessions", session(participant, "2026-04-06T09:00:00Z", null, null, null));
        session(participant, TODAY.plusDays(7) + "T09:00:00Z", null, null, null);

        inError(
                participant,
                "assessments",
                assessment(participant, "2026-02-05", ratings("high", "high", "high", "high")));
        assessment(participant, "2026-02-10", ratings("moderate", "high", "moderate", "low"));
        review(participant, "2026-04-01", ratings("low", "high", "high", "low"), 6);
        inError(
                participant,
                "desistance-reviews",
                review(participant, "2026-05-01", ratings("high", "low", "low", "high"), 9));

        incident(participant, "2026-04-10");
        inError(participant, "incidents", incident(participant, "2026-05-10"));

        String onward = records(participant) + "service-referrals";
        Cases.created(api.post(
                onward,
                Map.of(
                        "service",
                        "substance_misuse",
                        "kind",
                        "alcohol",
                        "provider",
                        "Alcohol team",
                        "madeOn",
                        "2026-03-01",
                        "reason",
                        "Drinking")));
        inError(
                participant,
                "service-referrals",
                Cases.created(api.post(
                                onward,
                                Map.of(
                                        "service",
                                        "mental_health",
                                        "kind",
                                        "talking_therapies",
                                        "provider",
                                        "Talking therapies",
                                        "madeOn",
                                        "2026-03-01",
                                        "reason",
                                        "Low mood")))
                        .get("id")
                        .asText());

        String actions = records(participant) + "risk-plan/actions";
        String overdue = Cases.created(api.post(
                        actions,
                        Map.of(
                                "action",
                                "Serve the order",
                                "agency",
                                "police",
                                "owner",
                                "DC Patel",
                                "dueOn",
                                "2026-03-20",
                                "reviewOn",
                                "2026-04-01")))
                .get("id")
                .asText();
        inError(
                participant,
                "risk-plan/actions",
                Cases.created(api.post(
                                actions,
                                Map.of(
                                        "action",
                                        "Duplicate",
                                        "agency",
                                        "police",
                                        "owner",
                                        "DC Patel",
                                        "dueOn",
                                        "2026-03-20",
                                        "reviewOn",
                                        "2026-04-01")))
                        .get("id")
                        .asText());

        JsonNode progress = progress(participant);

        // left: attended (engagement 4), did not attend; awaiting: the one next week
        JsonNode attendance = progress.get("attendance");
        assertThat(attendance.get("offered").asInt()).isEqualTo(2); // 1 attended + 1 did not attend
        assertThat(attendance.get("attended").asInt()).isEqualTo(1);
        assertThat(attendance.get("didNotAttend").asInt()).isEqualTo(1);
        assertThat(attendance.get("cancelledByParticipant").asInt()).isZero();
        assertThat(attendance.get("rate").asDouble()).isEqualTo(0.5); // 1 / 2
        assertThat(progress.get("cancelledByService").asInt()).isZero(); // the only one was entered in error
        assertThat(progress.get("sessionsAwaitingOutcome").asInt()).isEqualTo(1);
        assertThat(progress.get("engagementTrend")).hasSize(1);
        assertThat(progress.get("engagementTrend").get(0).get("engagement").asInt())
                .isEqualTo(4);
        assertThat(progress.get("concerns")).hasSize(1);
        assertThat(progress.get("concerns").get(0).get("sessionId").asText()).isEqualTo(kept);

        // first assessment is the 2026-02-10 one; latest review the 2026-04-01 one
        assertThat(progress.get("firstAssessedOn").asText()).isEqualTo("2026-02-10");
        assertThat(progress.get("latestReviewOn").asText()).isEqualTo("2026-04-01");
        JsonNode risk = progress.get("risk");
        assertThat(risk.get("violence").get("atFirstAssessment").asText()).isEqualTo("moderate");
        assertThat(risk.get("violence").get("atLatestReview").asText()).isEqualTo("low");
        assertThat(risk.get("violence").get("movement").asText()).isEqualTo("down");
        assertThat(risk.get("persistence").get("movement").asText()).isEqualTo("same"); // high -> high
        assertThat(risk.get("recurrence").get("movement").asText()).isEqualTo("up"); // moderate -> high
        assertThat(risk.get("psychosocial_damage").get("movement").asText()).isEqualTo("same"); // low -> low
        assertThat(progress.get("fixationTrend")).hasSize(1);
        assertThat(progress.get("fixationTrend").get(0).get("fixation").asInt()).isEqualTo(6);

        assertThat(progress.get("daysSinceLastIncident").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2026, 4, 10), TODAY));
        assertThat(progress.get("onwardReferrals").size()).isEqualTo(1);
        assertThat(progress.get("onwardReferrals").get("made").asInt()).isEqualTo(1);
        assertThat(progress.get("overdueActions")).hasSize(1);
        assertThat(progress.get("overdueActions").get(0).get("id").asText()).isEqualTo(overdue);
    }

    @Test
    void clinicians_and_probation_read_it_others_may_not_and_other_sites_do_not_see_the_case() {
        String participant = cases.participant(SITE);
        session(participant, "2026-03-02T09:00:00Z", "attended", 3, "Mentioned the victim's new address");
        String path = records(participant) + "progress";

        JsonNode forClinician = Cases.ok(TestApp.as(APP, "clinician.prg").get(path));
        Reply forProbation = TestApp.as(APP, "probation.prg").get(path);
        assertThat(Cases.ok(forProbation)).isEqualTo(forClinician);
        assertThat(forProbation.json().get("concerns").get(0).get("concern").asText())
                .isEqualTo("Mentioned the victim's new address");
        assertThat(forProbation.text()).doesNotContain(NOTES);

        for (String user : List.of("police.prg", "advocate.prg", "cps.prg", "lead.prg")) {
            Reply refused = TestApp.as(APP, user).get(path);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).as(user).startsWith("application/problem+json");
        }
        assertThat(TestApp.as(APP, "clinician.pro").get(path).status()).isEqualTo(404);
        assertThat(api.get("/participants/no-such-participant/progress").status())
                .isEqualTo(404);
        assertThat(TestApp.anonymous(APP).get(path).status()).isEqualTo(401);
    }
}
