package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Commands;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Instances that start together on one empty database: each migration waits for the other's instead of racing it
 * (Liquibase alone created its changelog table twice and one instance died), and an instance told not to migrate
 * waits for whoever does, then serves a schema that is complete.
 */
@Tag("slow")
class ConcurrentStartTest {
    private static final int ROUNDS = 3;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    @Test
    void two_instances_migrating_one_empty_database_at_once_both_start() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TestDatabase database = TestDatabase.fresh();
            List<DropwizardTestSupport<DesistConfiguration>> apps = List.of(app(database, true), app(database, true));
            try {
                startTogether(apps);
                for (DropwizardTestSupport<DesistConfiguration> app : apps) {
                    assertThat(ping(app)).isEqualTo(200);
                }
                assertThat(appliedChangeSets(database))
                        .as("each change set applied once")
                        .isEqualTo(distinctChangeSets(database));
            } finally {
                apps.forEach(DropwizardTestSupport::after);
            }
        }
    }

    @Test
    void an_instance_that_does_not_migrate_waits_for_the_one_that_does() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        List<DropwizardTestSupport<DesistConfiguration>> apps = List.of(app(database, false), app(database, true));
        try {
            startTogether(apps);
            assertThat(ping(apps.get(0))).isEqualTo(200);
            // the schema it serves is the whole of it: the audit head, created by the migrations, is there
            long headRows = database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM audit_head")
                    .mapTo(Long.class)
                    .one());
            assertThat(headRows).isEqualTo(1);
        } finally {
            apps.forEach(DropwizardTestSupport::after);
        }
    }

    private static void startTogether(List<DropwizardTestSupport<DesistConfiguration>> apps) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(apps.size());
        // a thread each: the common pool may have one thread on a small machine, and a start blocks it
        ExecutorService threads = Executors.newFixedThreadPool(apps.size());
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (DropwizardTestSupport<DesistConfiguration> app : apps) {
            starts.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            barrier.await();
                            app.before();
                        } catch (Exception e) {
                            throw new IllegalStateException("An instance did not start: " + e, e);
                        }
                    },
                    threads));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                    .get(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }
    }

    private static int ping(DropwizardTestSupport<DesistConfiguration> app) {
        return new Api("http://localhost:" + app.getAdminPort()).get("/ping").status();
    }

    private static long appliedChangeSets(TestDatabase database) {
        Jdbi jdbi = database.jdbi();
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM databasechangelog")
                .mapTo(Long.class)
                .one());
    }

    private static long distinctChangeSets(TestDatabase database) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM (SELECT DISTINCT id, author FROM databasechangelog) applied")
                .mapTo(Long.class)
                .one());
    }

    /**
     * Overrides travel as system properties: each instance gets a prefix of its own, or one instance's settings
     * would be read by the other as it starts.
     */
    private static DropwizardTestSupport<DesistConfiguration> app(TestDatabase database, boolean migrate) {
        String prefix = "dw" + INSTANCES.incrementAndGet();
        return new DropwizardTestSupport<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                prefix,
                ConfigOverride.config(prefix, "database.url", database.url()),
                ConfigOverride.config(prefix, "database.driverClass", database.driverClass()),
                ConfigOverride.config(prefix, "database.user", database.user() == null ? "" : database.user()),
                ConfigOverride.config(
                        prefix, "database.password", database.password() == null ? "" : database.password()),
                ConfigOverride.config(prefix, "auditKey", Commands.AUDIT_KEY),
                ConfigOverride.config(prefix, "migrateOnStart", Boolean.toString(migrate)));
    }
}
