package org.desist.attention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.RecordKind;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The access tests' sealed strings (ClinicalRecordAccessTest: clinical free text and health detail) written into every
 * record that raises an alert, and into one recipient's acknowledgement note: none of them reaches any alert, through
 * the API or the pages, for any role on the team. An alert carries no free text; a note is its author's alone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SealedTextTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String SITE = "SEAL";

    // as in ClinicalRecordAccessTest
    static final String FORMULATION = "Formulation: grievance after rejection, sealed-text-1";
    static final String NOTES = "Session notes: disclosed driving past her flat, sealed-text-2";
    static final String NARRATIVE = "Narrative: fixation easing but still checks her profile, sealed-text-3";
    static final String DIAGNOSIS = "Emotionally unstable personality disorder, health-detail-4";
    static final String SUBSTANCE = "ketamine, health-detail-5";
    /** The key worker's own acknowledgement note: for the key worker only. */
    static final String NOTE = "Own note: sealed-note-6";

    static final List<String> SEALED = List.of(
            FORMULATION,
            NOTES,
            NARRATIVE,
            DIAGNOSIS,
            SUBSTANCE,
            "sealed-text",
            "health-detail",
            "Messages from a new account",
            "Victim saw his car");

    static final Map<TeamRole, String> TEAM = new EnumMap<>(TeamRole.class);
    static String participantId;

    @BeforeAll
    static void aCaseWhoseEveryAlertHadSealedTextBehindIt() {
        Api tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(SITE);
        Jdbi database = DATABASE.jdbi();
        participantId = cases.participant(SITE);
        for (TeamRole role : TeamRole.values()) {
            String username = "seal." + role.name();
            Staff.ensure(APP, username, Set.of(role.heldBy()), Set.of(SITE));
            Teams.put(database, participantId, username, role);
            TEAM.put(role, username);
        }
        String base = "/participants/" + participantId + "/";
        Map<String, Object> assessment = new LinkedHashMap<>(RecordKind.ASSESSMENTS.validBody(""));
        assessment.put("formulation", FORMULATION);
        assessment.put("diagnoses", List.of(Map.of("system", "ICD-10", "code", "F60.3", "label", DIAGNOSIS)));
        assessment.put("substanceMisuse", List.of(SUBSTANCE));
        Cases.created(tester.post(base + "assessments", assessment));

        Cases.created(tester.post(base + "incidents", RecordKind.INCIDENTS.validBody(NOTES)));
        for (String day : List.of("2026-03-02", "2026-03-09")) {
            Map<String, Object> session = new LinkedHashMap<>(RecordKind.SESSIONS.validBody(""));
            session.put("scheduledAt", day + "T10:00:00Z");
            String id = Cases.created(tester.post(base + "sessions", session))
                    .get("id")
                    .asText();
            Cases.ok(tester.post(
                    base + "sessions/" + id + "/outcome",
                    Map.of("outcome", "did_not_attend", "notes", NOTES, "concern", "Concern: " + NARRATIVE)));
        }
        Map<String, Object> review = new LinkedHashMap<>(RecordKind.DESISTANCE_REVIEWS.validBody(NARRATIVE));
        review.put("fixation", 9);
        Cases.created(tester.post(base + "desistance-reviews", review));
        Cases.created(TestApp.as(APP, TEAM.get(TeamRole.advocate))
                .post(base + "victim-safety", RecordKind.VICTIM_SAFETY.validBody(FORMULATION)));

        String keyWorker = TEAM.get(TeamRole.key_worker);
        JsonNode incident = Cases.ok(TestApp.as(APP, keyWorker).get("/alerts?participantId=" + participantId))
                .get("items")
                .get(0);
        Cases.ok(TestApp.as(APP, keyWorker)
                .post("/alerts/" + incident.get("id").asText() + "/acknowledgement", Map.of("note", NOTE)));
    }

    @ParameterizedTest
    @EnumSource(TeamRole.class)
    void no_sealed_string_in_any_alert_of_the_api(TeamRole role) {
        Api api = TestApp.as(APP, TEAM.get(role));
        int told = 0;
        for (String state : List.of("open", "acknowledged", "cleared")) {
            String answer = api.get("/alerts?state=" + state).text();
            told += Cases.ok(api.get("/alerts?state=" + state)).get("items").size();
            assertThat(answer).as(role + " " + state).doesNotContain(SEALED);
            if (role != TeamRole.key_worker) {
                assertThat(answer).doesNotContain(NOTE);
            }
        }
        assertThat(told)
                .as("every rule raised once: incident, concern, two missed, risk, victim safety")
                .isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TeamRole.class)
    void no_sealed_string_in_the_inbox_nor_the_case_pages_alerts(TeamRole role) {
        PageClient browser = new PageClient(APP.getLocalPort()).signIn(TEAM.get(role), Staff.PASSWORD);
        for (String state : List.of("open", "acknowledged", "cleared")) {
            String page = browser.get("/alerts?state=" + state).body();
            assertThat(page).as(role + " " + state).doesNotContain(SEALED);
            if (role != TeamRole.key_worker) {
                assertThat(page).doesNotContain(NOTE);
            }
        }
        String casePage = browser.get("/cases/" + participantId).body();
        int start = casePage.indexOf("data-test=\"case-alerts\"");
        assertThat(start).as(role + " sees the Alerts section").isPositive();
        String section = casePage.substring(start, casePage.indexOf("</section>", start));
        assertThat(section).contains("A session raised a concern").doesNotContain(SEALED);
        if (role != TeamRole.key_worker) {
            assertThat(section).doesNotContain(NOTE);
        }
    }
}
