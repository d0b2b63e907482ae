package org.desist.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.db.Dialect;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One site's day before its daily review meeting on Wednesday 3 June 2026 (the last meeting: Tuesday 2 June), with
 * something for every part of the agenda and something just outside each, plus strings that only some roles may read.
 */
final class AgendaFixture {
    static final String SITE = "AGN";
    static final String OTHER_SITE = "AGX";
    static final String DAY = "2026-06-03";
    /** Words of records' free text that no part of the agenda may carry, to any role. */
    static final String INCIDENT_DETAIL = "SEALED-AGENDA-INCIDENT-DETAIL";

    static final String NARRATIVE = "SEALED-AGENDA-REVIEW-NARRATIVE";
    static final String CONDITIONS = "SEALED-AGENDA-MEASURE-CONDITIONS";
    static final String BEHAVIOUR = "SEALED-AGENDA-REFERRAL-BEHAVIOUR";
    static final List<String> SEALED = List.of(INCIDENT_DETAIL, NARRATIVE, CONDITIONS, BEHAVIOUR, "Hale");
    static final String ACTION = "Serve the order and confirm its conditions";

    final String oldestReferral;
    final String newerReferral;
    final String firstCase;
    final String firstCaseRef;
    final String secondCase;
    final String secondCaseRef;
    final String incidentId;
    final String raisingReviewId;
    final String fixationReviewId;
    final String overdueActionId;
    final String endingMeasureId;

    private AgendaFixture(Map<String, String> ids) {
        oldestReferral = ids.get("oldestReferral");
        newerReferral = ids.get("newerReferral");
        firstCase = ids.get("firstCase");
        firstCaseRef = ids.get("firstCaseRef");
        secondCase = ids.get("secondCase");
        secondCaseRef = ids.get("secondCaseRef");
        incidentId = ids.get("incidentId");
        raisingReviewId = ids.get("raisingReviewId");
        fixationReviewId = ids.get("fixationReviewId");
        overdueActionId = ids.get("overdueActionId");
        endingMeasureId = ids.get("endingMeasureId");
    }

    /** Accounts {@code agenda.<role>} at the site for each role, and a clinician elsewhere. */
    static AgendaFixture seed(DropwizardAppExtension<DesistConfiguration> app) {
        Api api = TestApp.api(app).because("Seeding the agenda");
        Cases cases = new Cases(api);
        cases.site(SITE);
        cases.site(OTHER_SITE);
        for (Role role : Role.values()) {
            Staff.ensure(app, "agenda." + role.name(), Set.of(role), role == Role.admin ? Set.of() : Set.of(SITE));
        }
        Staff.ensure(app, "agenda.elsewhere", Set.of(Role.clinician), Set.of(OTHER_SITE));

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("oldestReferral", referral(api, "2026-05-28").get("id").asText());
        ids.put("newerReferral", referral(api, "2026-06-01").get("id").asText());
        referral(api, "2026-06-04"); // after the day: not on its agenda
        JsonNode reviewed = referral(api, "2026-04-20");
        Cases.ok(api.post(
                "/referrals/" + reviewed.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn", "2026-04-21",
                        "priority", "high",
                        "decision", "accept_for_intervention",
                        "reason", "Daily review")));
        referral(api, OTHER_SITE, "2026-05-29"); // another site's

        String first = reviewed.get("participantId").asText();
        // referred on 2026-02-01 and still waiting: the oldest on the agenda
        String second = cases.participant(SITE);
        ids.put("firstCase", first);
        ids.put("secondCase", second);
        ids.put(
                "firstCaseRef",
                Cases.ok(api.get("/participants/" + first)).get("caseRef").asText());
        ids.put(
                "secondCaseRef",
                Cases.ok(api.get("/participants/" + second)).get("caseRef").asText());

        ids.put("incidentId", incident(api, first, "2026-06-02").get("id").asText());
        incident(api, first, "2026-06-01"); // before the last meeting
        String erroneous = incident(api, first, "2026-06-03").get("id").asText();
        Cases.ok(api.send(
                "POST",
                "/participants/" + first + "/incidents/" + erroneous + "/entered-in-error",
                Map.of("reason", "Recorded on the wrong case"),
                Map.of("If-Match", "\"1\"")));

        review(api, first, "2026-05-01", "low", 3);
        ids.put(
                "raisingReviewId",
                review(api, first, "2026-06-02", "moderate", 4).get("id").asText());
        ids.put(
                "fixationReviewId",
                review(api, second, "2026-06-03", "low", 9).get("id").asText());
        review(api, second, "2026-06-01", "high", 2); // before the last meeting, and raises nothing against nothing

        ids.put("overdueActionId", action(api, first, "2026-06-01").get("id").asText());
        action(api, first, "2026-06-03"); // due on the day: not overdue yet

        ids.put("endingMeasureId", measure(api, second, "2026-06-17").get("id").asText());
        measure(api, second, "2026-06-18"); // 15 days on
        measure(api, first, "2026-06-02"); // ended before the day

        // alerts as the rules raise them, in a transaction of the app's database
        Jdbi jdbi = jdbi(app);
        Instant now = Instant.parse("2026-06-02T09:00:00Z");
        jdbi.useTransaction(handle -> {
            Alerts.raise(
                    handle,
                    first,
                    Rule.session_concern,
                    new Alerts.Cause("session", "agenda-session-1", LocalDate.parse("2026-06-02")),
                    now);
            Alerts.raise(
                    handle,
                    second,
                    Rule.legal_measure_ending,
                    new Alerts.Cause("legal_measure", ids.get("endingMeasureId"), LocalDate.parse("2026-06-17")),
                    now);
            String cleared = Alerts.raise(
                            handle,
                            second,
                            Rule.plan_action_overdue,
                            new Alerts.Cause("plan_action", "gone", LocalDate.parse("2026-05-01")),
                            now)
                    .orElseThrow();
            assertThat(cleared).isNotBlank();
            Alerts.clear(handle, second, Rule.plan_action_overdue, "test: no longer overdue", now);
        });
        return new AgendaFixture(ids);
    }

    static Jdbi jdbi(DropwizardAppExtension<DesistConfiguration> app) {
        DataSourceFactory database = app.getConfiguration().getDatabase();
        Jdbi plain = database.getUser() == null
                ? Jdbi.create(database.getUrl())
                : Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
        return Databases.configure(plain.installPlugin(new SqlObjectPlugin()), Dialect.of(database.getUrl()));
    }

    private static JsonNode referral(Api api, String receivedOn) {
        return referral(api, SITE, receivedOn);
    }

    private static JsonNode referral(Api api, String site, String receivedOn) {
        Map<String, Object> body = Cases.referral(site, receivedOn, "Daniel", "Hale");
        body.put("behaviour", BEHAVIOUR);
        return Cases.created(api.post("/referrals", body));
    }

    private static JsonNode incident(Api api, String participant, String on) {
        return Cases.created(api.post(
                "/participants/" + participant + "/incidents",
                Map.of("kind", "breach_of_order", "occurredOn", on, "source", "police", "details", INCIDENT_DETAIL)));
    }

    private static JsonNode review(Api api, String participant, String on, String violence, int fixation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewedOn", on);
        body.put(
                "riskRatings",
                Map.of("violence", violence, "persistence", "low", "recurrence", "low", "psychosocial_damage", "low"));
        body.put("fixation", fixation);
        body.put("victimContactSinceLastReview", false);
        body.put("engagement", 3);
        body.put("narrative", NARRATIVE);
        return Cases.created(api.post("/participants/" + participant + "/desistance-reviews", body));
    }

    private static JsonNode action(Api api, String participant, String due) {
        return Cases.created(api.post(
                "/participants/" + participant + "/risk-plan/actions",
                Map.of("action", ACTION, "agency", "police", "owner", "DC 4521 Patel", "dueOn", due, "reviewOn", due)));
    }

    private static JsonNode measure(Api api, String participant, String until) {
        return Cases.created(api.post(
                "/participants/" + participant + "/legal-measures",
                Map.of(
                        "kind",
                        "stalking_protection_order",
                        "from",
                        "2026-05-01",
                        "until",
                        until,
                        "conditions",
                        CONDITIONS)));
    }
}
