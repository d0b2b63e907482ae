package org.desist.subject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A subject access request: everything held about one participant as one document, with staff named
 * only by role and third parties' details withheld; assembling it is audited as an export.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SubjectAccessTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    private static final String SITE = "SARA";
    private static final String OTHER_SITE = "SARB";
    private static final List<String> STAFF =
            List.of("lead.mensah", "pc.radley", "dr.okafor", "dr.elsewhere", "ada.admin", "vic.advocate");
    /** Names of people typed into records: withheld like the referrer's. */
    private static final List<String> NAMED = List.of("Imogen Assessor", "Felix Facilitator", "Olga Owner");

    private static final String VICTIM_REF = "VA-2026-0147";
    private static final Set<String> USERNAME_FIELDS = Set.of(
            "recordedBy", "amendedBy", "outcomeRecordedBy", "closedBy", "by", "reviewedBy", "createdBy", "victimRef");

    private static Api admin;
    private static String participantId;
    private static String referralId;
    private static String enrolmentId;
    private static String incidentId;

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

        JsonNode referral =
                Cases.created(police.post("/referrals", Cases.referral(SITE, "2026-02-01", "Daniel", "Hale")));
        referralId = referral.get("id").asText();
        participantId = referral.get("participantId").asText();
        // somebody else's case at the same site, which must not leak into this one's report
        Cases.created(police.post("/referrals", Cases.referral(SITE, "2026-02-01", "Oliver", "Unrelated")));

        Reply read = clinician.with("X-Purpose", "Preparing the daily review").get("/participants/" + participantId);
        Cases.ok(read);
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        for (int q = 1; q <= 11; q++) {
            answers.put("q" + q, q == 1 || q == 5 || q == 11);
        }
        Cases.ok(clinician.post(
                "/referrals/" + referralId + "/review",
                Map.of(
                        "reviewedOn",
                        "2026-02-02",
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Escalating fixation",
                        "screening",
                        Map.of("instrument", "S-DASH", "answers", answers))));
        Reply amended =
                clinician.patch("/participants/" + participantId, Map.of("givenName", "Danny"), read.header("ETag"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);

        enrolmentId = Cases.created(lead.post(
                        "/enrolments",
                        Map.of("participantId", participantId, "cohortId", cohortId, "on", "2026-02-03")))
                .get("id")
                .asText();
        Cases.ok(lead.post(
                "/enrolments/" + enrolmentId + "/transitions",
                Map.of("to", "assessing", "on", "2026-02-05", "reason", "Assessment booked")));

        assertThat(TestApp.as(APP, "dr.elsewhere")
                        .get("/participants/" + participantId)
                        .status())
                .isEqualTo(404);

        theClinicalRecord(clinician, police);
    }

    /** One record of every kind, by the staff who keep each, some amended, moved or entered in error. */
    private static void theClinicalRecord(Api clinician, Api police) {
        String records = "/participants/" + participantId + "/";
        Map<String, Object> assessment = new java.util.LinkedHashMap<>();
        assessment.put("kind", "risk");
        assessment.put("assessedOn", "2026-02-10");
        assessment.put("assessor", "Dr Imogen Assessor");
        assessment.put("instrument", "SRP");
        assessment.put("riskRatings", ratings("low"));
        assessment.put("overallRisk", "moderate");
        assessment.put("formulation", "Rejected ex-partner; rumination");
        String assessmentId = Cases.created(clinician.post(records + "assessments", assessment))
                .get("id")
                .asText();
        Cases.ok(clinician
                .because("Recurrence rated wrongly")
                .patch(records + "assessments/" + assessmentId, Map.of("riskRatings", ratings("high")), "\"1\""));

        String sessionId = Cases.created(clinician.post(
                        records + "sessions",
                        Map.of(
                                "kind",
                                "individual_therapy",
                                "scheduledAt",
                                "2026-03-02T09:00:00Z",
                                "durationMinutes",
                                50,
                                "facilitator",
                                "Dr Felix Facilitator")))
                .get("id")
                .asText();
        Cases.ok(clinician.post(
                records + "sessions/" + sessionId + "/outcome",
                Map.of(
                        "outcome",
                        "attended",
                        "engagement",
                        4,
                        "notes",
                        "Talked about the break-up",
                        "shareable",
                        false)));

        String onwardId = Cases.created(clinician.post(
                        records + "service-referrals",
                        Map.of(
                                "service",
                                "substance_misuse",
                                "kind",
                                "alcohol",
                                "provider",
                                "Northside Community Alcohol Team",
                                "madeOn",
                                "2026-03-10",
                                "reason",
                                "Drinks before contacting the victim")))
                .get("id")
                .asText();
        Cases.ok(clinician.post(
                records + "service-referrals/" + onwardId + "/transitions",
                Map.of("to", "accepted", "on", "2026-03-17", "reason", "Assessed by the team")));

        String actionId = Cases.created(police.post(
                        records + "risk-plan/actions",
                        Map.of(
                                "action",
                                "Serve the protection order",
                                "agency",
                                "police",
                                "owner",
                                "DC Olga Owner",
                                "dueOn",
                                "2026-03-20",
                                "reviewOn",
                                "2026-04-01")))
                .get("id")
                .asText();
        Cases.ok(police.post(
                records + "risk-plan/actions/" + actionId + "/transitions",
                Map.of("to", "done", "on", "2026-03-18", "reason", "Served in person")));

        Cases.created(police.post(
                records + "legal-measures",
                Map.of(
                        "kind",
                        "stalking_protection_order",
                        "from",
                        "2026-01-15",
                        "conditions",
                        "Not to enter Church Street")));

        Staff.ensure(APP, "vic.advocate", Set.of(Role.advocate), Set.of(SITE));
        Cases.created(TestApp.as(APP, "vic.advocate")
                .post(
                        records + "victim-safety",
                        Map.of("raisedOn", "2026-03-12", "concern", "Car seen outside her workplace")));

        Cases.created(clinician.post(
                records + "desistance-reviews",
                Map.of(
                        "reviewedOn",
                        "2026-04-01",
                        "riskRatings",
                        ratings("moderate"),
                        "fixation",
                        6,
                        "victimContactSinceLastReview",
                        false,
                        "engagement",
                        4)));

        incidentId = Cases.created(police.post(
                        records + "incidents",
                        Map.of(
                                "kind",
                                "arrest",
                                "occurredOn",
                                "2026-04-10",
                                "source",
                                "police",
                                "details",
                                "Arrested near her home")))
                .get("id")
                .asText();
        Cases.ok(police.send(
                "POST",
                records + "incidents/" + incidentId + "/entered-in-error",
                Map.of("reason", "Another man of the same name"),
                Map.of("If-Match", "\"1\"")));
    }

    private static Map<String, Object> ratings(String recurrence) {
        return Map.of(
                "violence",
                "low",
                "persistence",
                "moderate",
                "recurrence",
                recurrence,
                "psychosocial_damage",
                "moderate");
    }

    private static JsonNode report() {
        Reply reply = admin.get(Disclosed.to("/participants/" + participantId + "/subject-access"));
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

    /** The referrer's reason for taking a namesake in as a new person is held about that person: it is in the report. */
    @Test
    void a_new_person_confirmed_over_a_possible_match_comes_with_the_reason() {
        JsonNode namesake = Cases.created(TestApp.as(APP, "pc.radley")
                .post("/referrals", Cases.referral(SITE, "2026-03-01", "Oliver", "Unrelated")));
        Reply reply = admin.get(
                Disclosed.to("/participants/" + namesake.get("participantId").asText() + "/subject-access"));
        JsonNode decisions = Cases.ok(reply).get("identityDecisions");

        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("decision").asText()).isEqualTo("confirmed_new_person");
        assertThat(decisions.get(0).get("reason").asText()).isEqualTo("A different person: a test case of its own");
        assertThat(decisions.get(0).get("byRole").asText()).isEqualTo("police");
        assertThat(report().get("identityDecisions"))
                .as("Daniel Hale was taken in without a decision")
                .isEmpty();
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
        assertThat(referral.fieldNames())
                .toIterable()
                .doesNotContain("victimRef", "referrer", "createdBy", "reviewedBy", "siteCode");
    }

    @Test
    void enrolments_come_with_their_history_by_role() {
        JsonNode enrolments = report().get("enrolments");

        assertThat(enrolments).hasSize(1);
        JsonNode enrolment = enrolments.get(0);
        assertThat(enrolment.get("id").asText()).isEqualTo(enrolmentId);
        assertThat(enrolment.get("state").asText()).isEqualTo("assessing");
        assertThat(enrolment.get("history"))
                .extracting(step -> step.get("state").asText())
                .containsExactly("referred", "assessing");
        assertThat(enrolment.get("history"))
                .extracting(step -> step.get("byRole").asText())
                .containsExactly("programme_lead", "programme_lead");
        enrolment
                .get("history")
                .forEach(step -> assertThat(step.fieldNames()).toIterable().doesNotContain("by"));
    }

    @Test
    void the_access_log_of_the_case_names_roles_and_purposes_only() {
        JsonNode accessLog = report().get("accessLog");

        List<String> entries = new ArrayList<>();
        accessLog.forEach(entry -> {
            assertThat(entry.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("at", "role", "action", "resourceType", "status", "purpose");
            entries.add(entry.get("role").asText() + " " + entry.get("action").asText() + " "
                    + entry.get("resourceType").asText() + " "
                    + entry.get("status").asInt());
        });
        assertThat(entries.subList(0, 8))
                .containsExactly(
                        "police create referral 201",
                        "clinician read participant 200",
                        // the review's acceptance makes its clinician the key worker
                        "clinician create case_team 201",
                        "clinician update referral 200",
                        "clinician update participant 200",
                        "programme_lead create enrolment 201",
                        "programme_lead update enrolment 200",
                        "clinician denied participant 404");
        assertThat(accessLog.get(1).get("purpose").asText()).isEqualTo("Preparing the daily review");
    }

    @Test
    void no_member_of_staff_victim_referrer_or_other_participant_is_named_anywhere() {
        String text = admin.get(Disclosed.to("/participants/" + participantId + "/subject-access"))
                .text();

        assertThat(text).doesNotContain(STAFF.toArray(String[]::new));
        assertThat(text).doesNotContain("tester", VICTIM_REF, "DC 4521 Patel", "Patel", "Oliver", "Unrelated");
        assertThat(text).doesNotContain(NAMED.toArray(String[]::new));
        List<String> fields = new ArrayList<>();
        fieldNames(Api.parse(text), fields);
        assertThat(fields).doesNotContainAnyElementsOf(USERNAME_FIELDS);
    }

    private static void fieldNames(JsonNode node, List<String> names) {
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            fieldNames(field.getValue(), names);
        });
        if (node.isArray()) {
            node.forEach(item -> fieldNames(item, names));
        }
    }

    private static List<String> versionsOf(JsonNode records, String field) {
        List<String> values = new ArrayList<>();
        records.forEach(record -> record.get("versions")
                .forEach(version -> values.add(version.get("version").asInt() + ":"
                        + version.get("record").path(field).asText())));
        return values;
    }

    @Test
    void the_screening_comes_with_the_referral() {
        JsonNode screening = report().get("referrals").get(0).get("screening");
        assertThat(screening.get("instrument").asText()).isEqualTo("S-DASH");
        assertThat(screening.get("yesCount").asInt()).isEqualTo(3); // q1, q5, q11
        assertThat(screening.get("answers").get("q5").asBoolean()).isTrue();
        assertThat(screening.get("answers").get("q6").asBoolean()).isFalse();
    }

    @Test
    void every_clinical_record_comes_with_every_version_and_staff_by_role() {
        JsonNode report = report();

        JsonNode assessments = report.get("assessments");
        assertThat(assessments).hasSize(1);
        JsonNode assessment = assessments.get(0);
        assertThat(assessment.get("status").asText()).isEqualTo("active");
        JsonNode versions = assessment.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("reason").isNull()).isTrue();
        assertThat(versions.get(0).get("recordedByRole").asText()).isEqualTo("clinician");
        assertThat(versions.get(0)
                        .get("record")
                        .get("riskRatings")
                        .get("recurrence")
                        .asText())
                .isEqualTo("low");
        assertThat(versions.get(0).get("record").get("recordedByRole").asText()).isEqualTo("clinician");
        assertThat(versions.get(0).get("record").get("amendedByRole").isNull()).isTrue();
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("reason").asText()).isEqualTo("Recurrence rated wrongly");
        assertThat(versions.get(1)
                        .get("record")
                        .get("riskRatings")
                        .get("recurrence")
                        .asText())
                .isEqualTo("high");
        assertThat(versions.get(1).get("record").get("amendedByRole").asText()).isEqualTo("clinician");
        assertThat(versions.get(1).get("record").get("formulation").asText())
                .isEqualTo("Rejected ex-partner; rumination");
        assertThat(versions.get(1).get("record").has("assessor")).isFalse();

        JsonNode session = report.get("sessions").get(0);
        assertThat(versionsOf(report.get("sessions"), "outcome")).containsExactly("1:null", "2:attended");
        JsonNode outcome = session.get("versions").get(1).get("record");
        assertThat(outcome.get("outcomeRecordedByRole").asText()).isEqualTo("clinician");
        assertThat(outcome.get("notes").asText()).isEqualTo("Talked about the break-up");
        assertThat(outcome.has("facilitator")).isFalse();

        JsonNode onward = report.get("serviceReferrals");
        assertThat(versionsOf(onward, "state")).containsExactly("1:made", "2:accepted");
        JsonNode moves = onward.get(0).get("versions").get(1).get("record").get("history");
        assertThat(moves)
                .extracting(move ->
                        move.get("state").asText() + " " + move.get("byRole").asText())
                .containsExactly("made clinician", "accepted clinician");

        JsonNode actions = report.get("planActions");
        assertThat(versionsOf(actions, "state")).containsExactly("1:open", "2:done");
        JsonNode done = actions.get(0).get("versions").get(1).get("record");
        assertThat(done.get("closedByRole").asText()).isEqualTo("police");
        assertThat(done.get("recordedByRole").asText()).isEqualTo("police");
        assertThat(done.has("owner")).isFalse();

        assertThat(versionsOf(report.get("legalMeasures"), "kind")).containsExactly("1:stalking_protection_order");
        assertThat(versionsOf(report.get("desistanceReviews"), "fixation")).containsExactly("1:6");

        JsonNode concern =
                report.get("victimSafetyConcerns").get(0).get("versions").get(0);
        assertThat(concern.get("recordedByRole").asText()).isEqualTo("advocate");
        assertThat(concern.get("record").get("concern").asText()).isEqualTo("Car seen outside her workplace");
        assertThat(concern.get("record").has("victimRef")).isFalse();

        // entered in error: still held, so still reported, with the version that marked it
        JsonNode incidents = report.get("incidents");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("id").asText()).isEqualTo(incidentId);
        assertThat(incidents.get(0).get("status").asText()).isEqualTo("entered_in_error");
        assertThat(versionsOf(incidents, "status")).containsExactly("1:active", "2:entered_in_error");
        assertThat(incidents.get(0).get("versions").get(1).get("reason").asText())
                .isEqualTo("Another man of the same name");
    }

    @Test
    void the_report_is_disclosed_to_its_recipient_and_audited_with_the_hash_of_the_bytes_sent() throws Exception {
        Reply missing = admin.get("/participants/" + participantId + "/subject-access");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldsAtFault()).containsExactlyInAnyOrder("recipient", "purpose");
        Reply reply = admin.get("/participants/" + participantId + "/subject-access"
                + "?recipient=Daniel%20Hale%2C%20the%20data%20subject&purpose=Subject%20access%20request%20SAR-17");
        assertThat(reply.status()).isEqualTo(200);

        JsonNode export = null;
        for (JsonNode row : Cases.ok(admin.get("/audit?participantId=" + participantId + "&limit=500"))
                .get("items")) {
            if (row.get("requestId").asText().equals(reply.header("X-Request-Id"))) {
                assertThat(export).as("one row for the request").isNull();
                export = row;
            }
        }
        assertThat(export).as("the export's audit row").isNotNull();
        assertThat(export.get("username").asText()).isEqualTo("ada.admin");
        assertThat(export.get("role").asText()).isEqualTo("admin");
        assertThat(export.get("action").asText()).isEqualTo("disclose");
        assertThat(export.get("resourceType").asText()).isEqualTo("subject_access");
        assertThat(export.get("resourceId").asText()).as("the ledger row's id").isNotBlank();
        assertThat(export.get("participantId").asText()).isEqualTo(participantId);
        assertThat(export.get("status").asInt()).isEqualTo(200);
        assertThat(export.get("purpose").asText()).isEqualTo("Subject access request SAR-17");
        assertThat(export.get("recipient").asText()).isEqualTo("Daniel Hale, the data subject");
        assertThat(export.get("contentSha256").asText())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(reply.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        // and the next report shows the person that their record was exported, by whom (as a role)
        List<String> actions = new ArrayList<>();
        report().get("accessLog")
                .forEach(entry -> actions.add(
                        entry.get("role").asText() + " " + entry.get("action").asText()));
        assertThat(actions).contains("admin disclose");
    }

    @Test
    void only_an_administrator_may_ask_and_a_refusal_is_audited() {
        Reply refused = TestApp.as(APP, "dr.okafor").get("/participants/" + participantId + "/subject-access");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        JsonNode newestOfClinician = Cases.ok(admin.get("/audit?username=dr.okafor&limit=1"))
                .get("items")
                .get(0);
        assertThat(newestOfClinician.get("action").asText()).isEqualTo("denied");
        assertThat(newestOfClinician.get("resourceType").asText()).isEqualTo("subject_access");
        assertThat(newestOfClinician.get("participantId").asText()).isEqualTo(participantId);
        assertThat(newestOfClinician.get("requestId").asText()).isEqualTo(refused.header("X-Request-Id"));

        assertThat(TestApp.as(APP, "lead.mensah")
                        .get("/participants/" + participantId + "/subject-access")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get(Disclosed.to("/participants/no-such-participant/subject-access"))
                        .status())
                .isEqualTo(404);
    }
}
