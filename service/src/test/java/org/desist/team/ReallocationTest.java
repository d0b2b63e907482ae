package org.desist.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.admin;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.probation;
import static org.desist.auth.Role.programme_lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import java.util.Set;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Someone leaves: every open allocation of theirs at one site moves to another account, in one audited step. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ReallocationTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "MOVE";
    static final String OTHER = "MOVEB";

    static Api tester;
    static Cases cases;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        cases.site(OTHER);
        Staff.ensure(APP, "rl.leaving", Set.of(clinician, probation), Set.of());
        Staff.ensure(APP, "rl.staying", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "rl.both", Set.of(clinician, probation), Set.of(SITE));
        Staff.ensure(APP, "rl.lead.b", Set.of(programme_lead), Set.of(OTHER));
        Staff.ensure(APP, "rl.lead", Set.of(programme_lead), Set.of(SITE));
        Staff.ensure(APP, "rl.admin", Set.of(admin), Set.of());
    }

    static String allocate(String participant, String username, String role, String from) {
        return Cases.created(tester.post(
                        "/participants/" + participant + "/team",
                        Map.of("username", username, "role", role, "from", from)))
                .get("id")
                .asText();
    }

    static JsonNode team(String participant) {
        return Cases.ok(tester.get("/participants/" + participant + "/team"));
    }

    @Test
    void everyOpenAllocationAtTheSiteMovesAndNoneElsewhere() {
        String first = cases.participant(SITE);
        String second = cases.participant(SITE);
        String elsewhere = cases.participant(OTHER);
        allocate(first, "rl.leaving", "key_worker", "2026-02-03");
        allocate(second, "rl.leaving", "key_worker", "2026-02-10");
        allocate(second, "rl.leaving", "responsible_officer", "2026-02-10");
        allocate(elsewhere, "rl.leaving", "key_worker", "2026-02-03");
        long auditBefore = auditRows();

        JsonNode moved = Cases.ok(TestApp.as(APP, "rl.lead")
                .post(
                        "/sites/" + SITE + "/team-reallocations",
                        Map.of("from", "rl.leaving", "to", "rl.both", "on", "2026-04-01")));
        assertThat(moved.get("moved")).hasSize(3);
        assertThat(moved.get("moved").findValuesAsText("username")).containsOnly("rl.both");
        assertThat(moved.get("moved").findValuesAsText("from")).containsOnly("2026-04-01");

        for (String participant : new String[] {first, second}) {
            JsonNode team = team(participant);
            assertThat(team.get("current").findValuesAsText("username")).containsOnly("rl.both");
            assertThat(team.get("ended").findValuesAsText("username")).containsOnly("rl.leaving");
            assertThat(team.get("ended").findValuesAsText("to")).containsOnly("2026-03-31");
            assertThat(team.get("ended").findValuesAsText("endedBy")).containsOnly("rl.lead");
        }
        assertThat(team(elsewhere).get("current").findValuesAsText("username")).containsExactly("rl.leaving");
        // each allocation ended and each made, written with the change
        assertThat(auditRows() - auditBefore).isEqualTo(6);
    }

    @Test
    void anAccountThatCannotTakeOneOfThePartsMovesNothing() {
        String first = cases.participant(SITE);
        String second = cases.participant(SITE);
        Staff.ensure(APP, "rl.leaving2", Set.of(clinician, probation), Set.of(SITE));
        allocate(first, "rl.leaving2", "key_worker", "2026-02-03");
        allocate(second, "rl.leaving2", "responsible_officer", "2026-02-03");
        Reply refused = TestApp.as(APP, "rl.lead")
                .post(
                        "/sites/" + SITE + "/team-reallocations",
                        Map.of("from", "rl.leaving2", "to", "rl.staying", "on", "2026-04-01"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.fieldsAtFault()).containsExactly("to");
        assertThat(refused.text()).contains("probation");
        assertThat(team(first).get("current").findValuesAsText("username")).containsExactly("rl.leaving2");
        assertThat(team(second).get("current").findValuesAsText("username")).containsExactly("rl.leaving2");
        assertThat(team(first).get("ended")).isEmpty();

        Reply tooEarly = tester.post(
                "/sites/" + SITE + "/team-reallocations",
                Map.of("from", "rl.leaving2", "to", "rl.both", "on", "2026-02-03"));
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.fieldsAtFault()).containsExactly("on");
        Reply same = tester.post(
                "/sites/" + SITE + "/team-reallocations",
                Map.of("from", "rl.leaving2", "to", "rl.leaving2", "on", "2026-04-01"));
        assertThat(same.status()).isEqualTo(422);
        Reply unknown = tester.post(
                "/sites/" + SITE + "/team-reallocations",
                Map.of("from", "rl.nobody", "to", "rl.both", "on", "2026-04-01"));
        assertThat(unknown.fieldsAtFault()).containsExactly("from");
        assertThat(team(first).get("current").findValuesAsText("username")).containsExactly("rl.leaving2");
    }

    @Test
    void aSiteOutsideTheCallersIsNotFoundAndOtherRolesAreForbidden() {
        Reply outside = TestApp.as(APP, "rl.lead.b")
                .post(
                        "/sites/" + SITE + "/team-reallocations",
                        Map.of("from", "rl.leaving", "to", "rl.both", "on", "2026-04-01"));
        assertThat(outside.status()).isEqualTo(404);
        Reply noSuchSite = tester.post(
                "/sites/NOSUCH/team-reallocations", Map.of("from", "rl.leaving", "to", "rl.both", "on", "2026-04-01"));
        assertThat(noSuchSite.status()).isEqualTo(404);
        Reply clinicianTries = TestApp.as(APP, "rl.staying")
                .post(
                        "/sites/" + SITE + "/team-reallocations",
                        Map.of("from", "rl.leaving", "to", "rl.both", "on", "2026-04-01"));
        assertThat(clinicianTries.status()).isEqualTo(403);
        assertThat(TestApp.as(APP, "rl.admin")
                        .post(
                                "/sites/" + SITE + "/team-reallocations",
                                Map.of("from", "rl.leaving", "to", "rl.both", "on", "2026-04-01"))
                        .status())
                .isEqualTo(403);
        Reply missing = tester.post("/sites/" + SITE + "/team-reallocations", Map.of("from", "rl.leaving"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.fieldsAtFault()).contains("to", "on");
    }

    static long auditRows() {
        DataSourceFactory db = APP.getConfiguration().getDatabase();
        return Jdbi.create(db.getUrl(), db.getUser(), db.getPassword()).withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_event WHERE resource_type = 'case_team'"
                                + " AND action IN ('create', 'update')")
                .mapTo(Long.class)
                .one());
    }
}
