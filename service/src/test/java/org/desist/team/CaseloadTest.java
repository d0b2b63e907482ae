package org.desist.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.admin;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.desist.config.DesistConfiguration;
import org.desist.db.IsoTimeColumns;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/me/caseload: the caller's allocated cases, each with its priority, state, next session and open alerts. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CaseloadTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "LOAD";
    static final String OTHER = "LOADB";

    static Api tester;
    static Cases cases;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        cases.site(OTHER);
        Staff.ensure(APP, "cl.worker", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "cl.adv", Set.of(advocate), Set.of(SITE));
        Staff.ensure(APP, "cl.admin", Set.of(admin), Set.of());
    }

    @Test
    void eachAllocatedCaseShowsWhereItStandsThoseWithAlertsFirst() {
        String cohortId = cases.cohort(SITE).get("id").asText();
        // an accepted, enrolled case with a session ahead and one behind
        JsonNode enrolment = cases.enrolment(SITE, cohortId);
        String enrolled = enrolment.get("participantId").asText();
        String enrolledRef =
                Cases.ok(tester.get("/participants/" + enrolled)).get("caseRef").asText();
        Instant ahead = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        session(enrolled, ahead.plus(2, ChronoUnit.DAYS));
        session(enrolled, ahead);
        session(enrolled, Instant.parse("2026-02-10T10:00:00Z"));
        // a referral waiting for the review, with an open alert
        JsonNode waiting = cases.referral(SITE, "2026-02-01");
        String waitingId = waiting.get("participantId").asText();
        String waitingRef = Cases.ok(tester.get("/participants/" + waitingId))
                .get("caseRef")
                .asText();
        allocate(enrolled, "cl.worker", "key_worker");
        allocate(waitingId, "cl.worker", "key_worker");
        allocate(waitingId, "cl.adv", "advocate");
        openAlert(waitingId, SITE);
        // ended allocations are not on the caseload
        String left = cases.participant(SITE);
        String ended = allocate(left, "cl.worker", "key_worker");
        Cases.ok(tester.post("/participants/" + left + "/team/" + ended + "/end", Map.of("to", "2026-02-20")));

        JsonNode items =
                Cases.ok(TestApp.as(APP, "cl.worker").get("/me/caseload")).get("items");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.get("caseRef").asText()).isEqualTo(waitingRef);
        assertThat(first.get("participantId").asText()).isEqualTo(waitingId);
        assertThat(first.get("teamRole").asText()).isEqualTo("key_worker");
        assertThat(first.get("priority").isNull()).isTrue();
        assertThat(first.get("state").asText()).isEqualTo("awaiting_review");
        assertThat(first.get("nextSession").isNull()).isTrue();
        assertThat(first.get("openAlerts").asInt()).isEqualTo(1);
        JsonNode second = items.get(1);
        assertThat(second.get("caseRef").asText()).isEqualTo(enrolledRef);
        assertThat(second.get("priority").asText()).isEqualTo("high");
        assertThat(second.get("state").asText()).isEqualTo("referred");
        assertThat(Instant.parse(second.get("nextSession").asText())).isEqualTo(ahead);
        assertThat(second.get("openAlerts").asInt()).isZero();

        JsonNode advocates =
                Cases.ok(TestApp.as(APP, "cl.adv").get("/me/caseload")).get("items");
        assertThat(advocates.findValuesAsText("teamRole")).containsExactly("advocate");
    }

    @Test
    void anAccountWithNothingAllocatedHasAnEmptyCaseloadAndAnAdministratorNone() {
        Staff.ensure(APP, "cl.new", Set.of(clinician), Set.of(OTHER));
        assertThat(Cases.ok(TestApp.as(APP, "cl.new").get("/me/caseload")).get("items"))
                .isEmpty();
        assertThat(TestApp.as(APP, "cl.admin").get("/me/caseload").status()).isEqualTo(403);
    }

    static String allocate(String participant, String username, String role) {
        return Cases.created(tester.post(
                        "/participants/" + participant + "/team",
                        Map.of("username", username, "role", role, "from", "2026-02-03")))
                .get("id")
                .asText();
    }

    static void session(String participant, Instant at) {
        Cases.created(tester.post(
                "/participants/" + participant + "/sessions",
                Map.of(
                        "kind",
                        "individual_therapy",
                        "scheduledAt",
                        at.toString(),
                        "durationMinutes",
                        50,
                        "facilitator",
                        "Dr A. Okafor")));
    }

    /** An open alert as attention/ raises one (its rules are another part's work): straight into the table. */
    static void openAlert(String participant, String site) {
        DataSourceFactory db = APP.getConfiguration().getDatabase();
        Jdbi.create(db.getUrl(), db.getUser(), db.getPassword())
                .useHandle(handle -> handle.createUpdate("INSERT INTO alert (id, participant_id, site_code, rule,"
                                + " raised_at) VALUES (:id, :participant, :site, 'incident_recorded', :at)")
                        .bind("id", UUID.randomUUID().toString())
                        .bind("participant", participant)
                        .bind("site", site)
                        .bind("at", IsoTimeColumns.format(Instant.now()))
                        .execute());
    }
}
