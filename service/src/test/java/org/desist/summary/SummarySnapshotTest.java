package org.desist.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 11 of issue 12: a case summary is the case as it stood at one moment. A write that commits while
 * the summary is being assembled shows in none of it, not in the sections read after the commit only.
 * (On SQLite one read transaction is a snapshot already; db/SnapshotTest shows it on both databases.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SummarySnapshotTest {
    static final String SITE = "SNAP";
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static Api api;
    static Api probation;
    static String participant;

    @BeforeAll
    static void aCase() {
        api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site(SITE);
        participant = cases.enrolment(SITE, cases.cohort(SITE).get("id").asText())
                .get("participantId")
                .asText();
        Staff.ensure(APP, "po.snap", Set.of(Role.probation), Set.of(SITE));
        probation = TestApp.as(APP, "po.snap");
    }

    /**
     * PostgreSQL: the test holds the risk plan's table, which the probation summary reads after the sessions
     * and before the incidents, so the summary stops half-way; an incident is recorded through the API and
     * committed meanwhile; then the table is released. Under READ COMMITTED the incidents, read after the
     * commit, showed it; in one REPEATABLE READ snapshot, taken at the summary's first query, it is absent.
     */
    @Test
    void an_incident_committed_while_the_summary_is_assembled_is_not_in_it() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "LOCK TABLE stops a reader only on PostgreSQL");
        Jdbi database = DATABASE.jdbi();
        CompletableFuture<Reply> summary;
        try (Handle hold = database.open()) {
            hold.begin();
            hold.execute("LOCK TABLE plan_action IN ACCESS EXCLUSIVE MODE");
            summary = CompletableFuture.supplyAsync(
                    () -> probation.get("/participants/" + participant + "/summary?audience=probation"));
            waitForALockWaiter(database);
            Reply incident = api.post(
                    "/participants/" + participant + "/incidents", RecordKind.INCIDENTS.validBody("mid-summary"));
            assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
            hold.rollback();
        }
        JsonNode read = summary.get(1, TimeUnit.MINUTES).json();
        assertThat(read.get("incidents").toString()).as(read.toString()).doesNotContain("mid-summary");
        JsonNode after = probation
                .get("/participants/" + participant + "/summary?audience=probation")
                .json();
        assertThat(after.get("incidents").toString()).contains("mid-summary");
    }

    static void waitForALockWaiter(Jdbi database) throws InterruptedException {
        for (int tries = 0; tries < 600; tries++) {
            int waiting = database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    .mapTo(Integer.class)
                    .one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The summary never came to wait for the risk plan's table");
    }
}
