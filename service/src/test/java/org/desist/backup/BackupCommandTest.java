package org.desist.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code backup} run as the jar runs it, against the database of a running service that keeps writing:
 * the copy passes integrity_check and the audit chain check, and holds every write acknowledged before
 * the backup began. And what it refuses.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class BackupCommandTest {
    static final Path FILE = TestApp.newDatabaseFile();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(FILE);

    private static final String SITE = "BKP";
    private static final int WRITERS = 4;
    private static Path config;

    /** A referral the service acknowledged (201), and when the answer arrived. */
    record Acknowledged(String id, long atNanos) {}

    @BeforeAll
    static void aSite() {
        new Cases(TestApp.api(APP)).site(SITE);
        config = Commands.configFor(FILE);
    }

    @Test
    void copies_the_live_database_while_writers_write_and_keeps_every_write_acknowledged_before_it_began()
            throws Exception {
        Path copy = Files.createTempDirectory("desist-backup").resolve("copy.db");
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = java.util.stream.IntStream.range(0, WRITERS)
                .<Future<?>>mapToObj(
                        n -> writers.submit(() -> write(TestApp.api(APP), "Writer" + n, acknowledged, refused, stop)))
                .toList();

        waitFor(() -> acknowledged.size() >= 40);
        long began = System.nanoTime();
        Commands.Outcome backup = Commands.run(null, "backup", "--to", copy.toString(), config.toString());
        long ended = System.nanoTime();
        int atEnd = acknowledged.size();
        waitFor(() -> acknowledged.size() >= atEnd + 20);
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(backup.succeeded()).as(backup.toString()).isTrue();
        assertThat(refused.get()).as("writes the service refused").isZero();
        assertThat(backup.stdout()).contains("Backed up to " + copy, " audit_event rows", "integrity_check: ok");
        List<Acknowledged> before =
                acknowledged.stream().filter(write -> write.atNanos() < began).toList();
        long during = acknowledged.stream()
                .filter(write -> write.atNanos() > began && write.atNanos() < ended)
                .count();
        assertThat(during).as("writes acknowledged while the backup ran").isPositive();

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement statement = db.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            Set<String> copied = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT id FROM referral")) {
                while (rows.next()) {
                    copied.add(rows.getString(1));
                }
            }
            assertThat(copied)
                    .as("referrals acknowledged before the backup began")
                    .containsAll(before.stream().map(Acknowledged::id).toList());
            assertThat(copied.size())
                    .as("the copy is of the moment it began, not of the end")
                    .isLessThan(acknowledged.size());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
                .isEqualTo("rw-------");

        Commands.Outcome verified =
                Commands.run(null, "audit-verify", Commands.configFor(copy).toString());
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        assertThat(verified.stdout()).contains("Audit log intact");
    }

    private static void write(
            Api api,
            String familyName,
            ConcurrentLinkedQueue<Acknowledged> acknowledged,
            AtomicInteger refused,
            AtomicBoolean stop) {
        while (!stop.get()) {
            Reply reply = api.post("/referrals", Cases.referral(SITE, "2026-02-01", "Backup", familyName));
            if (reply.status() == 201) {
                acknowledged.add(new Acknowledged(reply.json().get("id").asText(), System.nanoTime()));
            } else {
                refused.incrementAndGet();
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for the writers").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    // --- refusals: a clear message, no stack trace, nothing written ---

    @Test
    void refuses_to_overwrite_an_existing_file() throws Exception {
        Path existing = Files.createTempDirectory("desist-backup").resolve("yesterday.db");
        Files.writeString(existing, "yesterday's backup");

        Commands.Outcome outcome = Commands.run(null, "backup", "--to", existing.toString(), config.toString());

        assertRefused(outcome, existing + " already exists; a backup never overwrites a file");
        assertThat(Files.readString(existing)).isEqualTo("yesterday's backup");
    }

    @Test
    void refuses_a_folder_that_does_not_exist() throws Exception {
        Path folder = Files.createTempDirectory("desist-backup").resolve("missing");
        Path target = folder.resolve("copy.db");

        Commands.Outcome outcome = Commands.run(null, "backup", "--to", target.toString(), config.toString());

        assertRefused(outcome, "the folder " + folder + " does not exist");
        assertThat(folder).doesNotExist();
    }

    @Test
    void refuses_postgresql_and_points_to_pg_dump() throws Exception {
        Path folder = Files.createTempDirectory("desist-backup");
        Path postgres = Files.writeString(
                folder.resolve("postgres.yml"),
                String.join(
                        "\n",
                        "database:",
                        "  driverClass: org.postgresql.Driver",
                        "  url: \"jdbc:postgresql://localhost:5432/desist?password=not-to-be-printed\"",
                        "logging:",
                        "  level: WARN",
                        ""));
        Path target = folder.resolve("copy.db");

        Commands.Outcome outcome = Commands.run(null, "backup", "--to", target.toString(), postgres.toString());

        assertRefused(outcome, "the configured database is not SQLite; back up PostgreSQL with its own tool, pg_dump");
        assertThat(outcome.stderr()).doesNotContain("not-to-be-printed");
        assertThat(target).doesNotExist();
    }

    @Test
    void refuses_a_database_file_that_is_not_there_rather_than_creating_one() throws Exception {
        Path folder = Files.createTempDirectory("desist-backup");
        Path absent = folder.resolve("no-such.db");
        Path target = folder.resolve("copy.db");

        Commands.Outcome outcome = Commands.run(
                null,
                "backup",
                "--to",
                target.toString(),
                Commands.configFor(absent).toString());

        assertRefused(outcome, "there is no database at " + absent);
        assertThat(absent).doesNotExist();
        assertThat(target).doesNotExist();
    }

    private static void assertRefused(Commands.Outcome outcome, String message) {
        assertThat(outcome.failure()).as(outcome.toString()).isPresent();
        assertThat(outcome.stderr()).startsWith("backup: ").contains(message).doesNotContain("\tat ", "Exception");
        assertThat(outcome.stdout()).doesNotContain("Backed up");
    }

    @Test
    void the_copy_counts_what_it_holds() throws Exception {
        Path copy = Files.createTempDirectory("desist-backup").resolve("counted.db");
        Commands.Outcome outcome = Commands.run(null, "backup", "--to", copy.toString(), config.toString());
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();

        Map<String, Long> live = counts(FILE);
        Map<String, Long> copied = counts(copy);
        assertThat(copied.get("participant")).isEqualTo(live.get("participant"));
        assertThat(outcome.stdout())
                .contains(
                        copied.get("audit_event") + " audit_event rows",
                        copied.get("participant") + " participant rows",
                        String.format("%,d bytes", Files.size(copy)));
    }

    private static Map<String, Long> counts(Path database) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT (SELECT count(*) FROM audit_event)," + " (SELECT count(*) FROM participant)")) {
            rows.next();
            return Map.of("audit_event", rows.getLong(1), "participant", rows.getLong(2));
        }
    }
}
