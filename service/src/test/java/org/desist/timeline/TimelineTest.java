package org.desist.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

/** The case timeline: filters, what each role sees of it, no free text for anyone, and who may ask. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class TimelineTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "TLN";
    static final String OTHER_SITE = "TLO";

    static final String FORMULATION = "FORMULATION-TEXT \"rejected\" <b>ruminates</b>";
    static final String NOTES = "SESSION-NOTES-TEXT spoke of checking her profile";
    static final String CONCERN = "CONCERN-TEXT asked where she works";
    static final String NARRATIVE = "NARRATIVE-TEXT fewer urges";
    static final String DETAILS = "INCIDENT-DETAILS-TEXT new account";
    static final String CONDITIONS = "CONDITIONS-TEXT not to enter Church Street";
    static final String VICTIM_CONCERN = "VICTIM-CONCERN-TEXT car seen outside her work";
    static final String ONWARD_REASON = "ONWARD-REASON-TEXT drinks before contact";
    static final String ACTION = "PLAN-ACTION-TEXT serve the order";
    static final String ERROR_REASON = "ERROR-REASON-TEXT wrong case";
    static final List<String> FREE_TEXT = List.of(
            FORMULATION,
            NOTES,
            CONCERN,
            NARRATIVE,
            DETAILS,
            CONDITIONS,
            VICTIM_CONCERN,
            ONWARD_REASON,
            ACTION,
            ERROR_REASON,
            "SESSION-NOTES",
            "FORMULATION-TEXT",
            "unwanted messages",
            "VA-2026-0147");

    static final Set<String> ALL = Set.of(
            "referral",
            "review",
            "enrolment",
            "assessment",
            "session",
            "service_referral",
            "plan_action",
            "legal_measure",
            "victim_safety",
            "desistance_review",
            "incident");
    static final Set<String> WITHOUT_HEALTH = Set.of(
            "referral",
            "review",
            "enrolment",
            "assessment",
            "plan_action",
            "legal_measure",
            "victim_safety",
            "desistance_review",
            "incident");

    static Api api;
    static String base;
    static String records;
    static final List<String> inError = new ArrayList<>();

    @BeforeAll
    static void aCaseWithOneOfEverything() {
        api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site(SITE);
        cases.site(OTHER_SITE);
        for (Role role : List.of(Role.clinician, Role.probation, Role.police, Role.advocate, Role.cps)) {
            Staff.ensure(APP, role + ".tln", Set.of(role), Set.of(SITE));
        }
        Staff.ensure(APP, "lead.tln", Set.of(Role.programme_lead), Set.of());
        Staff.ensure(APP, "clinician.tlo", Set.of(Role.clinician), Set.of(OTHER_SITE));

        // referral 2026-02-01, review 2026-02-02, enrolment 2026-02-03
        JsonNode enrolment = cases.enrolment(SITE, cases.cohort(SITE).get("id").asText());
        String participant = enrolment.get("participantId").asText();
        records = "/participants/" + participant + "/";
        base = records + "timeline";

        Cases.created(api.post(records + "assessments", assessment("2026-02-10")));
        inError.add(markedInError(
                "assessments",
                Cases.created(api.post(records + "assessments", assessment("2026-02-11")))
                        .get("id")
                        .asText()));

        session("2026-03-02T09:00:00Z", 3);
        // 23:30Z on 31 March is 00:30 on 1 April in London (BST)
        session("2026-03-31T23:30:00Z", 4);
        inError.add(markedInError("sessions", session("2026-03-09T09:00:00Z", 5)));

        Cases.created(api.post(
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
                        ONWARD_REASON)));
        Cases.created(api.post(
                records + "risk-plan/actions",
                Map.of(
                        "action",
                        ACTION,
                        "agency",
                        "police",
                        "owner",
                        "DC Patel",
                        "dueOn",
                        "2026-04-30",
                        "reviewOn",
                        "2026-05-15")));
        Cases.created(api.post(
                records + "legal-measures",
                Map.of("kind", "stalking_protection_order", "from", "2026-01-15", "conditions", CONDITIONS)));
        Cases.created(TestApp.as(APP, "advocate.tln")
                .post(records + "victim-safety", Map.of("raisedOn", "2026-03-12", "concern", VICTIM_CONCERN)));

        Map<String, Object> review = new LinkedHashMap<>();
        review.put("reviewedOn", "2026-04-15");
        review.put(
                "riskRatings",
                Map.of(
                        "violence",
                        "low",
                        "persistence",
                        "moderate",
                        "recurrence",
                        "moderate",
                        "psychosocial_damage",
                        "low"));
        review.put("fixation", 5);
        review.put("victimContactSinceLastReview", false);
        review.put("engagement", 4);
        review.put("narrative", NARRATIVE);
        Cases.created(api.post(records + "desistance-reviews", review));

        Cases.created(api.post(records + "incidents", incident("2026-05-01")));
        inError.add(markedInError(
                "incidents",
                Cases.created(api.post(records + "incidents", incident("2026-05-02")))
                        .get("id")
                        .asText()));
    }

    static Map<String, Object> assessment(String on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "risk");
        body.put("assessedOn", on);
        body.put("assessor", "Dr A. Mensah");
        body.put("instrument", "SRP");
        body.put(
                "riskRatings",
                Map.of(
                        "violence",
                        "low",
                        "persistence",
                        "high",
                        "recurrence",
                        "moderate",
                        "psychosocial_damage",
                        "high"));
        body.put("overallRisk", "high");
        body.put("formulation", FORMULATION);
        return body;
    }

    static Map<String, Object> incident(String on) {
        return Map.of("kind", "breach_of_order", "occurredOn", on, "source", "probation", "details", DETAILS);
    }

    static String session(String at, int engagement) {
        String id = Cases.created(api.post(
                        records + "sessions",
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
        Cases.ok(api.post(
                records + "sessions/" + id + "/outcome",
                Map.of(
                        "outcome",
                        "attended",
                        "engagement",
                        engagement,
                        "notes",
                        NOTES,
                        "shareable",
                        false,
                        "concern",
                        CONCERN)));
        return id;
    }

    static String markedInError(String kind, String id) {
        String path = records + kind + "/" + id;
        String etag = api.get(path).header("ETag");
        Cases.ok(
                api.send("POST", path + "/entered-in-error", Map.of("reason", ERROR_REASON), Map.of("If-Match", etag)));
        return id;
    }

    static JsonNode events(Api reader, String query) {
        return Cases.ok(reader.get(base + query)).get("items");
    }

    static Set<String> types(JsonNode events) {
        Set<String> types = new TreeSet<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    static List<String> dayAndType(JsonNode events) {
        List<String> list = new ArrayList<>();
        events.forEach(event -> list.add(event.get("at").asText().substring(0, 10) + " "
                + event.get("type").asText()));
        return list;
    }

    static Api as(String user) {
        return TestApp.as(APP, user);
    }

    @Test
    void a_clinician_sees_every_kind_of_event_and_records_entered_in_error_drop_out() {
        JsonNode events = events(as("clinician.tln"), "");

        assertThat(types(events)).isEqualTo(new TreeSet<>(ALL));
        // 1 referral, 1 review, 1 enrolment move, 1 assessment (of 2), 2 sessions (of 3), 1 onward move,
        // 1 plan action set, 1 measure, 1 concern, 1 desistance review, 1 incident (of 2)
        assertThat(events).hasSize(12);
        events.forEach(event ->
                inError.forEach(id -> assertThat(event.get("ref").asText()).doesNotContain(id)));
        assertThat(dayAndType(events).subList(0, 6))
                .containsExactly(
                        "2026-01-15 legal_measure",
                        "2026-02-01 referral",
                        "2026-02-02 review",
                        "2026-02-03 enrolment",
                        "2026-02-10 assessment",
                        "2026-03-02 session");
    }

    @Test
    void events_filter_by_one_or_more_types() {
        JsonNode sessions = events(api, "?type=session");
        assertThat(types(sessions)).containsExactly("session");
        assertThat(sessions).hasSize(2);

        JsonNode two = events(api, "?type=session&type=incident");
        assertThat(types(two)).containsExactly("incident", "session");
        assertThat(two).hasSize(3);

        Reply bad = api.get(base + "?type=therapy");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    @Test
    void events_filter_by_dates_of_london_both_inclusive() {
        assertThat(dayAndType(events(api, "?from=2026-03-01&to=2026-03-31")))
                .containsExactly("2026-03-02 session", "2026-03-10 service_referral", "2026-03-12 victim_safety");
        // the session at 23:30Z on 31 March took place on 1 April in London
        JsonNode april = events(api, "?from=2026-04-01&to=2026-04-01");
        assertThat(april).hasSize(1);
        assertThat(april.get(0).get("type").asText()).isEqualTo("session");
        assertThat(april.get(0).get("at").asText()).startsWith("2026-03-31T23:30");
        assertThat(dayAndType(events(api, "?from=2026-04-15&to=2026-05-01")))
                .containsExactly("2026-04-15 desistance_review", "2026-05-01 incident");
        assertThat(dayAndType(events(api, "?to=2026-02-02")))
                .containsExactly("2026-01-15 legal_measure", "2026-02-01 referral", "2026-02-02 review");
        assertThat(events(api, "?from=2026-04-02&to=2026-04-14")).isEmpty();

        assertThat(api.get(base + "?from=2026-05-01&to=2026-04-01").status()).isEqualTo(400);
        assertThat(api.get(base + "?from=1%20May").status()).isEqualTo(400);
    }

    @Test
    void events_page_in_order() {
        JsonNode all = events(api, "");
        JsonNode first = Cases.ok(api.get(base + "?limit=5"));
        assertThat(first.get("items")).hasSize(5);
        assertThat(first.get("next").asText()).contains("offset=5");
        JsonNode last = Cases.ok(api.get(base + "?limit=5&offset=10"));
        assertThat(last.get("items")).hasSize(2);
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(first.get("items").get(0)).isEqualTo(all.get(0));
        assertThat(last.get("items").get(1)).isEqualTo(all.get(11));
    }

    @Test
    void each_role_sees_only_the_kinds_of_event_it_may_read() {
        assertThat(types(events(as("probation.tln"), ""))).isEqualTo(new TreeSet<>(ALL));
        assertThat(types(events(as("police.tln"), ""))).isEqualTo(new TreeSet<>(WITHOUT_HEALTH));
        assertThat(types(events(as("advocate.tln"), ""))).isEqualTo(new TreeSet<>(WITHOUT_HEALTH));

        // asking for a kind the role may not read gives nothing of it, not an error
        assertThat(events(as("police.tln"), "?type=session")).isEmpty();
        assertThat(events(as("advocate.tln"), "?type=session&type=service_referral"))
                .isEmpty();
        assertThat(types(events(as("police.tln"), "?type=session&type=incident")))
                .containsExactly("incident");
    }

    @Test
    void no_reader_ever_gets_free_text_clinicians_included() {
        for (String user : List.of("clinician.tln", "probation.tln", "police.tln", "advocate.tln")) {
            Reply reply = as(user).get(base);
            assertThat(reply.status()).as(user).isEqualTo(200);
            assertThat(reply.text()).as(user).doesNotContain(FREE_TEXT.toArray(String[]::new));
        }
        assertThat(api.get(base).text()).doesNotContain(FREE_TEXT.toArray(String[]::new));
        events(api, "")
                .forEach(event ->
                        assertThat(event.fieldNames()).toIterable().containsExactly("at", "type", "summary", "ref"));
    }

    @Test
    void the_cps_and_programme_leads_may_not_read_it_and_other_sites_do_not_see_the_case() {
        for (String user : List.of("cps.tln", "lead.tln")) {
            Reply refused = as(user).get(base);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Reply elsewhere = as("clinician.tlo").get(base);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.text()).doesNotContain("legal_measure", "2026-0");
        assertThat(api.get("/participants/no-such-participant/timeline").status())
                .isEqualTo(404);
        assertThat(TestApp.anonymous(APP).get(base).status()).isEqualTo(401);
    }
}
