package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.desist.config.DesistConfiguration;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads in a Snapshot, on a Jdbi set up as the service sets up its own: a write committed by another
 * connection between two of its statements is seen by neither; it cannot write; and on SQLite it holds no
 * write lock, so that writer was not kept waiting. Side-by-side reads all see the state the first one sees.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SnapshotTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE); // migrates it
    static final ExecutorService SIDE_BY_SIDE = Executors.newFixedThreadPool(3);
    static Databases.Opened opened;
    static Jdbi service;

    @BeforeAll
    static void asTheServiceDoes() throws Exception {
        opened = Databases.open(DATABASE.factory(), false, "snapshot-test");
        service = opened.jdbi();
        service.useHandle(handle -> handle.execute("INSERT INTO site (code, name, model, created_at)"
                + " VALUES ('SNP1', 'One', 'threat_assessment_centre', '2026-01-01T00:00:00Z')"));
    }

    @AfterAll
    static void close() throws Exception {
        SIDE_BY_SIDE.shutdownNow();
        opened.close();
    }

    static int sites(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM site")
                .mapTo(Integer.class)
                .one();
    }

    static void anotherSiteCommitted(String code) {
        DATABASE.jdbi()
                .useHandle(other -> other.execute("INSERT INTO site (code, name, model, created_at) VALUES ('" + code
                        + "', 'Other', 'threat_assessment_centre', '2026-01-01T00:00:00Z')"));
    }

    @Test
    void a_write_committed_between_two_reads_is_seen_by_neither() {
        List<Integer> seen = Snapshot.read(service, handle -> {
            int before = sites(handle);
            anotherSiteCommitted("SNP2");
            return List.of(before, sites(handle));
        });
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(service.withHandle(SnapshotTest::sites)).isEqualTo(seen.get(0) + 1);
    }

    @Test
    void a_snapshot_cannot_write_and_leaves_its_connection_as_it_found_it() {
        assertThatThrownBy(() -> Snapshot.read(service, handle -> handle.execute("UPDATE site SET name = name")))
                .hasMessageContaining(TestDatabase.onPostgres() ? "read-only transaction" : "readonly");
        for (int i = 0; i < 12; i++) { // every pooled connection writes again afterwards
            service.useTransaction(handle -> handle.execute("UPDATE site SET name = name WHERE code = 'SNP1'"));
        }
    }

    @Test
    void reads_side_by_side_see_the_state_the_first_one_saw() {
        HandleCallback<Integer, RuntimeException> count = SnapshotTest::sites;
        List<Integer> seen = Snapshot.readEach(
                service,
                List.of(
                        handle -> {
                            int before = sites(handle);
                            anotherSiteCommitted("SNP3");
                            return before;
                        },
                        count,
                        count),
                SIDE_BY_SIDE);
        assertThat(seen).hasSize(3).containsOnly(seen.get(0));
    }
}
