package org.desist.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.desist.config.DesistConfiguration;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily review agenda as JSON, on the run's database (SQLite, or PostgreSQL when DESIST_TEST_POSTGRES_URL is
 * set): each part's content at its boundaries, each part only for the roles that read its kind, and none of the
 * records' free text to anyone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ReviewAgendaTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String AGENDA = "/sites/" + AgendaFixture.SITE + "/review-agenda?date=" + AgendaFixture.DAY;

    private static AgendaFixture seeded;

    @BeforeAll
    static void seed() {
        seeded = AgendaFixture.seed(APP);
    }

    private static Reply as(String role, String path) {
        return TestApp.as(APP, "agenda." + role).get(path);
    }

    private static JsonNode agenda(String role) {
        Reply reply = as(role, AGENDA);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aClinicianSeesEveryPartAtItsBoundaries() {
        JsonNode agenda = agenda("clinician");
        assertThat(agenda.get("siteCode").asText()).isEqualTo(AgendaFixture.SITE);
        assertThat(agenda.get("siteName").asText()).isEqualTo("AGN site");
        assertThat(agenda.get("date").asText()).isEqualTo("2026-06-03");
        assertThat(agenda.get("since").asText()).as("the working day before").isEqualTo("2026-06-02");
        assertThat(agenda.get("withheld")).isEmpty();

        // awaiting review, oldest first; one received after the day, one reviewed and another site's left out
        JsonNode waiting = agenda.get("referralsAwaitingReview");
        assertThat(texts(waiting, "receivedOn")).containsExactly("2026-02-01", "2026-05-28", "2026-06-01");
        assertThat(texts(waiting, "referralId")).endsWith(seeded.oldestReferral, seeded.newerReferral);
        assertThat(waiting.get(1).get("daysWaiting").asInt()).isEqualTo(6);

        // incidents dated on or after the last meeting and by the day; the one entered in error counts nowhere
        JsonNode incidents = agenda.get("incidentsSince");
        assertThat(texts(incidents, "incidentId")).containsExactly(seeded.incidentId);
        assertThat(incidents.get(0).get("caseRef").asText()).isEqualTo(seeded.firstCaseRef);
        assertThat(incidents.get(0).get("kind").asText()).isEqualTo("breach_of_order");

        // a review raising violence against the one before it; a first review rating fixation 9
        JsonNode risk = agenda.get("riskRaisedSince");
        assertThat(texts(risk, "reviewId")).containsExactly(seeded.raisingReviewId, seeded.fixationReviewId);
        assertThat(texts(risk.get(0).get("raisedDomains"))).containsExactly("violence");
        assertThat(risk.get(1).get("raisedDomains")).isEmpty();
        assertThat(risk.get(1).get("fixation").asInt()).isEqualTo(9);

        // open and due before the day; due on the day is not overdue yet
        JsonNode overdue = agenda.get("overduePlanActions");
        assertThat(texts(overdue, "actionId")).containsExactly(seeded.overdueActionId);
        assertThat(overdue.get(0).get("daysOverdue").asInt()).isEqualTo(2);
        assertThat(overdue.get(0).get("action").asText()).isEqualTo(AgendaFixture.ACTION);

        // ending on day 14 is on it, on day 15 not, nor one that ended before the day
        JsonNode ending = agenda.get("legalMeasuresEnding");
        assertThat(texts(ending, "measureId")).containsExactly(seeded.endingMeasureId);
        assertThat(ending.get(0).get("until").asText()).isEqualTo("2026-06-17");

        // the open alerts by case, the cleared one left out; a clinician may read the records behind them
        JsonNode alerts = agenda.get("openAlerts");
        assertThat(alertsOf(alerts, seeded.firstCase)).contains("session_concern:agenda-session-1");
        assertThat(alertsOf(alerts, seeded.secondCase))
                .contains("legal_measure_ending:" + seeded.endingMeasureId)
                .noneMatch(alert -> alert.startsWith("plan_action_overdue"));
    }

    @Test
    void eachPartGoesOnlyToTheRolesThatReadItsKind() {
        JsonNode cps = agenda("cps");
        assertThat(texts(cps.get("withheld")))
                .containsExactlyInAnyOrder("referralsAwaitingReview", "riskRaisedSince", "overduePlanActions");
        assertThat(cps.get("referralsAwaitingReview").isNull()).isTrue();
        assertThat(cps.get("riskRaisedSince").isNull()).isTrue();
        assertThat(cps.get("overduePlanActions").isNull()).isTrue();
        assertThat(texts(cps.get("incidentsSince"), "incidentId")).containsExactly(seeded.incidentId);
        assertThat(texts(cps.get("legalMeasuresEnding"), "measureId")).containsExactly(seeded.endingMeasureId);
        // an alert's rule and date for everyone at the meeting; its record only for a role that reads that kind
        assertThat(alertsOf(cps.get("openAlerts"), seeded.firstCase)).contains("session_concern:null");

        JsonNode advocate = agenda("advocate");
        assertThat(advocate.get("withheld")).isEmpty();
        assertThat(alertsOf(advocate.get("openAlerts"), seeded.firstCase)).contains("session_concern:null");
        assertThat(alertsOf(advocate.get("openAlerts"), seeded.secondCase))
                .contains("legal_measure_ending:" + seeded.endingMeasureId);

        JsonNode police = agenda("police");
        assertThat(police.get("withheld")).isEmpty();
        assertThat(alertsOf(police.get("openAlerts"), seeded.firstCase)).contains("session_concern:null");

        JsonNode probation = agenda("probation");
        assertThat(alertsOf(probation.get("openAlerts"), seeded.firstCase))
                .contains("session_concern:agenda-session-1");
    }

    @Test
    void noRecordsFreeTextReachesAnyRole() {
        for (String role : List.of("clinician", "probation", "police", "advocate", "cps")) {
            String text = as(role, AGENDA).text();
            for (String sealed : AgendaFixture.SEALED) {
                assertThat(text).as(role + " must not read " + sealed).doesNotContain(sealed);
            }
        }
    }

    @Test
    void rolesOutsideTheMeetingAreRefusedAndOtherSitesAreNotFound() {
        assertThat(as("programme_lead", AGENDA).status()).isEqualTo(403);
        assertThat(as("admin", AGENDA).status()).isEqualTo(403);
        Reply elsewhere = TestApp.as(APP, "agenda.elsewhere").get(AGENDA);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.text()).doesNotContain(seeded.firstCaseRef);
        assertThat(as("clinician", "/sites/NOPE/review-agenda").status()).isEqualTo(404);
        assertThat(TestApp.anonymous(APP).get(AGENDA).status()).isEqualTo(401);
    }

    @Test
    void badDatesAreRefusedNamingTheParameter() {
        Reply bad = as("clinician", "/sites/" + AgendaFixture.SITE + "/review-agenda?date=2026-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.text()).contains("date");
        Reply backwards = as("clinician", AGENDA + "&since=2026-06-04");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldsAtFault()).containsExactly("since");
    }

    @Test
    void sinceWidensWhatCountsAsNew() {
        JsonNode agenda = agenda("clinician");
        assertThat(agenda.get("incidentsSince")).hasSize(1);
        Reply wider = as("clinician", AGENDA + "&since=2026-06-01");
        assertThat(wider.status()).isEqualTo(200);
        assertThat(wider.json().get("since").asText()).isEqualTo("2026-06-01");
        assertThat(wider.json().get("incidentsSince")).hasSize(2);
        // a Monday's last meeting is the Friday before
        Reply monday = as("clinician", "/sites/" + AgendaFixture.SITE + "/review-agenda?date=2026-06-01");
        assertThat(monday.json().get("since").asText()).isEqualTo("2026-05-29");
    }

    @Test
    void theAgendaIsAuditedAsARead() {
        agenda("police");
        List<String> rows = AgendaFixture.jdbi(APP).withHandle(handle -> handle.createQuery(
                        "SELECT participant_id FROM audit_event WHERE username = 'agenda.police'"
                                + " AND resource_type = 'review_agenda' AND action = 'read'")
                .mapTo(String.class)
                .list());
        assertThat(rows).contains(seeded.firstCase, seeded.secondCase);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    /** The case's open alerts as rule:recordId. */
    static List<String> alertsOf(JsonNode openAlerts, String participantId) {
        List<String> found = new ArrayList<>();
        openAlerts.forEach(byCase -> {
            if (byCase.get("participantId").asText().equals(participantId)) {
                byCase.get("alerts")
                        .forEach(alert -> found.add(alert.get("rule").asText() + ":"
                                + (alert.get("recordId").isNull()
                                        ? "null"
                                        : alert.get("recordId").asText())));
            }
        });
        return found;
    }
}
