package org.desist.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.police;
import static org.desist.auth.Role.probation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.ConfigFiles;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17's "done when", through the API alone: a case accepted at the daily review with its key worker, a
 * responsible officer and an advocate allocated, then a police officer records a breach of the order. Within a
 * second each of the three has an open alert; the SMTP server holds one email each that names no one and says
 * nothing of the breach; and the case is on each one's caseload with its open alert.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class BreachTellsTheTeamTest {
    static final int SMTP_PORT = EmailCases.freePort();
    static final GreenMail MAIL = EmailCases.greenMail(SMTP_PORT);
    static final String SITE = "BRX";
    static final Map<String, String> TEAM = Map.of(
            "brx.keyworker", "keyworker@nhs.example",
            "brx.officer", "officer@probation.example",
            "brx.advocate", "advocate@advocacy.example");

    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived(
                    "test-config.yml",
                    Map.of(
                            "email",
                            "email:\n  host: 127.0.0.1\n  port: " + SMTP_PORT + "\n  from: desist@example.org\n"
                                    + "  startTls: false\n  baseUrl: https://desist.example.org\n"
                                    + "  sendEvery: 100ms\n")),
            TestDatabase.fresh().overrides());

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Test
    void a_breach_recorded_by_the_police_reaches_the_whole_team_at_once_without_its_content() throws Exception {
        Api tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(SITE);
        Staff.ensure(APP, "brx.keyworker", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "brx.officer", Set.of(probation), Set.of(SITE));
        Staff.ensure(APP, "brx.advocate", Set.of(advocate), Set.of(SITE));
        Staff.ensure(APP, "brx.police", Set.of(police), Set.of(SITE));
        TEAM.forEach((username, email) ->
                Cases.ok(TestApp.as(APP, username).send("PUT", "/me/email", Map.of("email", email), Map.of())));

        JsonNode referral = cases.referral(SITE, "2026-02-01");
        String participant = referral.get("participantId").asText();
        String caseRef = Cases.ok(tester.get("/participants/" + participant))
                .get("caseRef")
                .asText();
        Map<String, Object> review = new HashMap<>(Map.of(
                "reviewedOn", "2026-02-02",
                "priority", "high",
                "decision", "accept_for_intervention",
                "reason", "Escalating fixation",
                "keyWorker", "brx.keyworker"));
        Cases.ok(tester.post("/referrals/" + referral.get("id").asText() + "/review", review));
        allocate(tester, participant, "brx.officer", "responsible_officer");
        allocate(tester, participant, "brx.advocate", "advocate");

        String details = "Waited outside the victim's workplace on Church Street, breaching the order";
        Cases.created(TestApp.as(APP, "brx.police")
                .post(
                        "/participants/" + participant + "/incidents",
                        Map.of(
                                "kind", "breach_of_order",
                                "occurredOn", "2026-03-02",
                                "source", "police",
                                "details", details)));
        // the alerts are written in the breach's own transaction: they are there as soon as the answer is
        for (String member : TEAM.keySet()) {
            JsonNode alerts =
                    Cases.ok(TestApp.as(APP, member).get("/alerts?state=open")).get("items");
            assertThat(alerts).as(member + "'s open alerts").hasSize(1);
            assertThat(alerts.get(0).get("rule").asText()).isEqualTo("incident_recorded");
            assertThat(alerts.get(0).toString()).doesNotContain("Church Street").doesNotContain("Hale");
        }

        assertThat(MAIL.waitForIncomingEmail(15_000, TEAM.size())).isTrue();
        Thread.sleep(500); // a duplicate would come on the sender's next turns
        List<EmailCases.Received> emails = EmailCases.received(MAIL).stream()
                .filter(email -> email.subject().startsWith("A case at"))
                .toList();
        assertThat(emails).extracting(EmailCases.Received::to).containsExactlyInAnyOrderElementsOf(TEAM.values());
        for (EmailCases.Received email : emails) {
            assertThat(email.subject() + " " + email.text())
                    .contains("https://desist.example.org/alerts")
                    .doesNotContain("Daniel")
                    .doesNotContain("Hale")
                    .doesNotContain(caseRef)
                    .doesNotContain("Church Street")
                    .doesNotContain("breach")
                    .doesNotContain("incident");
        }

        for (String member : TEAM.keySet()) {
            JsonNode caseload =
                    Cases.ok(TestApp.as(APP, member).get("/me/caseload")).get("items");
            assertThat(caseload).as(member + "'s caseload").hasSize(1);
            assertThat(caseload.get(0).get("caseRef").asText()).isEqualTo(caseRef);
            assertThat(caseload.get(0).get("openAlerts").asInt()).isEqualTo(1);
        }
    }

    private static void allocate(Api tester, String participant, String username, String role) {
        Cases.created(tester.post(
                "/participants/" + participant + "/team",
                Map.of("username", username, "role", role, "from", "2026-02-03")));
    }
}
