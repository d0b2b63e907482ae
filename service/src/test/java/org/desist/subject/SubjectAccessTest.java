package org.desist.subject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistConfiguration;
import org.desist.auth.Role;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A subject access request: everything held about one participant as one document, with staff named
 * only by role and third parties' details withheld; assembling it is audited as an export.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SubjectAccessTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    private static final String SITE = "SARA";
    private static final String OTHER_SITE = "SARB";
    private static final List<String> STAFF = List.of("lead.mensah", "pc.radley", "dr.okafor", "dr.elsewhere",
            "ada.admin");

    private static Api admin;
    private static String participantId;
    private static String referralId;
    private static String enrolmentId;

    @BeforeAll
    static void aCaseWorkedOnByFourPeople() {
        Staff.ensure(APP, "lead.mensah", Set.of(Role.programme_lead), Set.of());
        Api lead = TestApp.as(APP, "lead.mensah");
        Cases leads = new Cases(lead);
        leads.site(SITE);
        leads.site(OTHER_SITE);
        String cohortId = leads.cohort(SITE).get("id").asText();
        Staff.ensure(APP, "pc.radley", Set.of(Role.police), Set.of(SITE));
        Staff.ensure(APP, "dr.okafor", Set.of(Role.clinician), Set.of(SITE));
        Staff.ensure(APP, "dr.elsewhere", Set.of(Role.clinician), Set.of(OTHER_SITE));
        Staff.ensure(APP, "ada.admin", Set.of(Role.admin), Set.of());
        admin = TestApp.as(APP, "ada.admin");
        Api police = TestApp.as(APP, "pc.radley");
        Api clinician = TestApp.as(APP, "dr.okafor");

        JsonNode referral = Cases.created(police.post("/referrals", Cases.referral(SITE, "2026-02-01", "Daniel", "Hale")));
        referralId = referral.get("id").asText();
        participantId = referral.get("participantId").asText();
        // somebody else's case at the same site, which must not leak into this one's report
        Cases.created(police.post("/referrals", Cases.referral(SITE, "2026-02-01", "Oliver", "Unrelated")));

        Reply read = clinician.with("X-Purpose", "Preparing the daily review").get("/participants/" + participantId);
        Cases.ok(read);
        Cases.ok(clinician.post("/referrals/" + referralId + "/review", Map.of("reviewedOn", "2026-02-02",
                "priority", "high", "decision", "accept_for_intervention", "reason", "Escalating fixation")));
        Reply amended = clinician.patch("/participants/" + participantId, Map.of("givenName", "Danny"),
                read.header("ETag"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);

        enrolmentId = Cases.created(lead.post("/enrolments", Map.of("participantId", participantId,
                "cohortId", cohortId, "on", "2026-02-03"))).get("id").asText();
        Cases.ok(lead.post("/enrolments/" + enrolmentId + "/transitions",
                Map.of("to", "assessing", "on", "2026-02-05", "reason", "Assessment booked")));

        assertThat(TestApp.as(APP, "dr.elsewhere").get("/participants/" + participantId).status()).isEqualTo(404);
    }

    private static JsonNode report() {
        Reply reply = admin.get("/participants/" + participantId + "/subject-access");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    @Test
    void the_report_holds_the_current_identity_and_every_version_of_it() {
        JsonNode report = report();

        assertThat(report.get("participant").get("id").asText()).isEqualTo(participantId);
        assertThat(report.get("participant").get("givenName").asText()).isEqualTo("Danny");
        assertThat(report.get("participant").get("caseRef").asText()).isEqualTo("SARA-2026-0001");

        JsonNode versions = report.get("identityVersions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("givenName").asText()).isEqualTo("Daniel");
        assertThat(versions.get(0).get("familyName").asText()).isEqualTo("Hale");
        assertThat(versions.get(0).get("recordedByRole").asText()).isEqualTo("police");
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("givenName").asText()).isEqualTo("Danny");
        assertThat(versions.get(1).get("recordedByRole").asText()).isEqualTo("clinician");
        assertThat(report.get("generatedAt").asText()).isNotBlank();
        assertThat(report.get("withheld").asText()).contains("roles").contains("victim");
    }

    @Test
    void referrals_are_included_without_victim_or_referrer_and_with_roles_for_staff() {
        JsonNode referrals = report().get("referrals");

        assertThat(referrals).hasSize(1);
        JsonNode referral = referrals.get(0);
        assertThat(referral.get("id").asText()).isEqualTo(referralId);
        assertThat(referral.get("behaviour").asText()).contains("unwanted messages");
        assertThat(referral.get("decision").asText()).isEqualTo("accept_for_intervention");
        assertThat(referral.get("createdByRole").asText()).isEqualTo("police");
        assertThat(referral.get("reviewedByRole").asText()).isEqualTo("clinician");
        assertThat(referral.fieldNames()).toIterable()
                .doesNotContain("victimRef", "referrer", "createdBy", "reviewedBy", "siteCode");
    }

    @Test
    void enrolments_come_with_their_history_by_role() {
        JsonNode enrolments = report().get("enrolments");

        assertThat(enrolments).hasSize(1);
        JsonNode enrolment = enrolments.get(0);
        assertThat(enrolment.get("id").asText()).isEqualTo(enrolmentId);
        assertThat(enrolment.get("state").asText()).isEqualTo("assessing");
        assertThat(enrolment.get("history")).extracting(step -> step.get("state").asText())
                .containsExactly("referred", "assessing");
        assertThat(enrolment.get("history")).extracting(step -> step.get("byRole").asText())
                .containsExactly("programme_lead", "programme_lead");
        enrolment.get("history").forEach(step -> assertThat(step.fieldNames()).toIterable().doesNotContain("by"));
    }

    @Test
    void the_access_log_of_the_case_names_roles_and_purposes_only() {
        JsonNode accessLog = report().get("accessLog");

        List<String> entries = new ArrayList<>();
        accessLog.forEach(entry -> {
            assertThat(entry.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("at", "role", "action", "resourceType", "status", "purpose");
            entries.add(entry.get("role").asText() + " " + entry.get("action").asText() + " "
                    + entry.get("resourceType").asText() + " " + entry.get("status").asInt());
        });
        assertThat(entries.subList(0, 7)).containsExactly(
                "police create referral 201",
                "clinician read participant 200",
                "clinician update referral 200",
                "clinician update participant 200",
                "programme_lead create enrolment 201",
                "programme_lead update enrolment 200",
                "clinician denied participant 404");
        assertThat(accessLog.get(1).get("purpose").asText()).isEqualTo("Preparing the daily review");
    }

    @Test
    void no_member_of_staff_victim_referrer_or_other_participant_is_named_anywhere() {
        String text = admin.get("/participants/" + participantId + "/subject-access").text();

        assertThat(text).doesNotContain(STAFF.toArray(String[]::new));
        assertThat(text).doesNotContain("tester", "VA-2026-0147", "DC 4521 Patel", "Patel", "Oliver", "Unrelated");
    }

    @Test
    void assembling_the_report_is_audited_as_an_export() {
        Reply reply = admin.with("X-Purpose", "Subject access request SAR-17").get("/participants/" + participantId
                + "/subject-access");
        assertThat(reply.status()).isEqualTo(200);

        JsonNode export = null;
        for (JsonNode row : Cases.ok(admin.get("/audit?participantId=" + participantId + "&limit=500")).get("items")) {
            if (row.get("requestId").asText().equals(reply.header("X-Request-Id"))) {
                assertThat(export).as("one row for the request").isNull();
                export = row;
            }
        }
        assertThat(export).as("the export's audit row").isNotNull();
        assertThat(export.get("username").asText()).isEqualTo("ada.admin");
        assertThat(export.get("role").asText()).isEqualTo("admin");
        assertThat(export.get("action").asText()).isEqualTo("export");
        assertThat(export.get("resourceType").asText()).isEqualTo("subject_access");
        assertThat(export.get("resourceId").asText()).isEqualTo(participantId);
        assertThat(export.get("status").asInt()).isEqualTo(200);
        assertThat(export.get("purpose").asText()).isEqualTo("Subject access request SAR-17");

        // and the next report shows the person that their record was exported, by whom (as a role)
        List<String> actions = new ArrayList<>();
        report().get("accessLog").forEach(entry -> actions.add(entry.get("role").asText() + " "
                + entry.get("action").asText()));
        assertThat(actions).contains("admin export");
    }

    @Test
    void only_an_administrator_may_ask_and_a_refusal_is_audited() {
        Reply refused = TestApp.as(APP, "dr.okafor").get("/participants/" + participantId + "/subject-access");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        JsonNode newestOfClinician = Cases.ok(admin.get("/audit?username=dr.okafor&limit=1")).get("items").get(0);
        assertThat(newestOfClinician.get("action").asText()).isEqualTo("denied");
        assertThat(newestOfClinician.get("resourceType").asText()).isEqualTo("subject_access");
        assertThat(newestOfClinician.get("participantId").asText()).isEqualTo(participantId);
        assertThat(newestOfClinician.get("requestId").asText()).isEqualTo(refused.header("X-Request-Id"));

        assertThat(TestApp.as(APP, "lead.mensah").get("/participants/" + participantId + "/subject-access").status())
                .isEqualTo(403);
        assertThat(admin.get("/participants/no-such-participant/subject-access").status()).isEqualTo(404);
    }
}
