package org.desist.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.IsoTimeColumns;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Staff;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The audit key's life: a chain written before it (by the old code's SHA-256 seals) is adopted once and carries
 * on keyed, its old rows still verifying and still bound to the keyed ones; SQLite without a key gets a key file;
 * PostgreSQL without one does not start; a rotated key seals new rows while the previous one verifies old ones.
 */
@Tag("slow")
class AuditKeyTest {
    private static final String NEW_KEY = "yCrGhGEPRIX8E0OjCRqvsj6dH4YmojP9nLN0V6KbhJU=";
    private static final int LEGACY_ROWS = 3;
    private static final java.util.concurrent.atomic.AtomicInteger SITES =
            new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void a_chain_written_before_the_key_is_adopted_once_then_extended_and_still_guarded() throws Exception {
        TestDatabase database = migrated();
        writeUnkeyedChain(database, LEGACY_ROWS);

        // a key from the environment does not adopt a chain on its own: it might have been stripped of its seals
        assertThatThrownBy(() -> run(database, TestDatabase::overrides, api -> {}))
                .hasStackTraceContaining("the head (row 3) is not sealed with the audit key");
        Commands.Outcome unsealed = verify(database);
        assertThat(unsealed.stderr()).contains("audit-verify: audit chain broken: the head (row 3) is not sealed");

        Commands.Outcome sealed = Commands.run(
                null,
                "audit-verify",
                "--seal-unkeyed-head",
                Commands.configFor(database).toString());
        assertThat(sealed.succeeded()).as(sealed.toString()).isTrue();
        assertThat(sealed.stdout())
                .contains("Sealed the head of the unkeyed chain (3 rows) with audit key "
                        + AuditKeys.of(Commands.AUDIT_KEY, "").current().id())
                .contains("Audit log intact: 3 rows, chain head ", "(rows 1 to 3 were sealed before the audit key");

        run(database, TestDatabase::overrides, AuditKeyTest::someAuditedWork);
        Commands.Outcome extended = verify(database);
        assertThat(extended.succeeded()).as(extended.toString()).isTrue();
        assertThat(extended.stdout())
                .containsPattern("Audit log intact: ([4-9]|[1-9][0-9]+) rows")
                .contains("(rows 1 to 3 were sealed before the audit key, with SHA-256 only)");
        assertThat(keyIds(database))
                .startsWith(
                        null,
                        null,
                        null,
                        AuditKeys.of(Commands.AUDIT_KEY, "").current().id());

        // the old rows are no easier to rewrite than before, and no harder to catch: the first keyed row seals their
        // end
        try (Connection owner = database.connect()) {
            OwnerRewriteTest.rewrite(owner, 2, "someone.else", LEGACY_ROWS);
        }
        assertThat(verify(database).stderr()).contains("audit chain broken: row 4 does not follow row 3");

        // and turning every row back into an unkeyed one, head included, is caught by the head
        try (Connection owner = database.connect()) {
            OwnerRewriteTest.rewrite(owner, 2, "someone.else");
        }
        assertThat(verify(database).stderr())
                .containsPattern("audit chain broken: the head \\(row [0-9]+\\) is not" + " sealed with the audit key");
    }

    @Test
    void sqlite_without_a_key_makes_a_key_file_on_the_first_start_and_adopts_the_chain_there() throws Exception {
        TestDatabase database = TestDatabase.sqlite(TestDatabase.newSqliteFile());
        Commands.Outcome migrated = Commands.run(
                null, "db", "migrate", Commands.configFor(database, null, "").toString());
        assertThat(migrated.succeeded()).as(migrated.toString()).isTrue();
        writeUnkeyedChain(database, LEGACY_ROWS);
        Path keyFile = database.file().orElseThrow().resolveSibling("desist.db.audit-key");
        assertThat(keyFile).doesNotExist();

        run(database, db -> db.overrides(ConfigOverride.config("auditKey", "")), AuditKeyTest::someAuditedWork);

        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        String fileKeyId = AuditKeys.of(Files.readString(keyFile), "").current().id();
        assertThat(keyIds(database)).startsWith(null, null, null, fileKeyId);
        Commands.Outcome verified = Commands.run(
                null, "audit-verify", Commands.configFor(database, null, "").toString());
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        assertThat(verified.stdout()).contains("(rows 1 to 3 were sealed before the audit key");

        // the second start uses the same file, and a key from the environment that does not match is refused
        String key = Files.readString(keyFile);
        run(database, db -> db.overrides(ConfigOverride.config("auditKey", "")), AuditKeyTest::someAuditedWork);
        assertThat(Files.readString(keyFile)).isEqualTo(key);
        assertThatThrownBy(() -> run(database, TestDatabase::overrides, api -> {}))
                .hasStackTraceContaining(
                        "the head was sealed with audit key " + fileKeyId + ", which is not configured");
    }

    @Test
    void the_key_file_is_announced_with_where_to_keep_it() throws Exception {
        Path file = TestDatabase.newSqliteFile();
        DesistConfiguration configuration = new DesistConfiguration();
        configuration.getDatabase().setUrl("jdbc:sqlite:" + file);
        Logger logger = (Logger) LoggerFactory.getLogger(AuditKeyFile.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            AuditKeys made = configuration.auditKeys(true);
            AuditKeys again = configuration.auditKeys(true);
            assertThat(made.keyFileCreated()).isTrue();
            assertThat(again.keyFileCreated()).isFalse();
            assertThat(again.current().id()).isEqualTo(made.current().id());
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getFormattedMessage())
                .contains("Created the audit key file " + file.toAbsolutePath() + ".audit-key")
                .contains("Back it up separately from the database and keep it off the database's backups")
                .contains("DESIST_AUDIT_KEY")
                .doesNotContain(Files.readString(Path.of(file.toAbsolutePath() + ".audit-key"))
                        .strip());
    }

    @Test
    void postgresql_without_a_key_refuses_to_start_in_one_line() throws Exception {
        TestDatabase nowhere = new TestDatabase(
                "jdbc:postgresql://127.0.0.1:1/not_reached",
                "org.postgresql.Driver",
                "desist",
                "",
                java.util.Optional.empty());
        Commands.Outcome refused = Commands.run(
                null, "server", Commands.configFor(nowhere, null, "").toString());

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.stderr().strip())
                .isEqualTo("desist: refusing to start: DESIST_AUDIT_KEY (auditKey) is not"
                        + " set: a PostgreSQL deployment needs the audit key, base64 of at least 32 random bytes, from its"
                        + " environment (make one with: openssl rand -base64 32; see docs/operations.md, \"The audit"
                        + " key\")");
    }

    @Test
    void after_a_rotation_new_rows_take_the_new_key_and_the_previous_key_still_verifies_the_old() throws Exception {
        TestDatabase database = migrated();
        run(database, TestDatabase::overrides, AuditKeyTest::someAuditedWork);
        run(
                database,
                db -> db.overrides(
                        ConfigOverride.config("auditKey", NEW_KEY),
                        ConfigOverride.config("auditPreviousKeys", Commands.AUDIT_KEY)),
                AuditKeyTest::someAuditedWork);

        String oldId = AuditKeys.of(Commands.AUDIT_KEY, "").current().id();
        String newId = AuditKeys.of(NEW_KEY, "").current().id();
        List<String> ids = keyIds(database);
        assertThat(ids).containsOnly(oldId, newId).startsWith(oldId).endsWith(newId);
        assertThat(ids.indexOf(newId)).isGreaterThan(ids.lastIndexOf(oldId));

        Commands.Outcome both = Commands.run(
                null,
                "audit-verify",
                Commands.configFor(database, NEW_KEY, Commands.AUDIT_KEY).toString());
        assertThat(both.succeeded()).as(both.toString()).isTrue();
        Commands.Outcome newOnly = Commands.run(
                null, "audit-verify", Commands.configFor(database, NEW_KEY, "").toString());
        assertThat(newOnly.stderr())
                .contains("audit chain broken: row 1 was sealed with audit key " + oldId
                        + ", which is not configured (configured: " + newId + "; add it to DESIST_AUDIT_PREVIOUS_KEYS");
        Commands.Outcome oldOnly =
                Commands.run(null, "audit-verify", Commands.configFor(database).toString());
        assertThat(oldOnly.stderr()).contains("was sealed with audit key " + newId + ", which is not configured");
    }

    // --- helpers ---

    private static TestDatabase migrated() {
        TestDatabase database = TestDatabase.fresh();
        Commands.Outcome migrated =
                Commands.run(null, "db", "migrate", Commands.configFor(database).toString());
        assertThat(migrated.succeeded()).as(migrated.toString()).isTrue();
        return database;
    }

    /** Rows as the code before the audit key wrote them: SHA-256 seals, no key id, an unsealed head. */
    private static void writeUnkeyedChain(TestDatabase database, int rows) throws Exception {
        try (Connection db = database.connect()) {
            db.setAutoCommit(false);
            String prevHash = AuditHash.GENESIS;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_event (seq, at, username, role,"
                    + " action, resource_type, resource_id, participant_id, status, request_id, purpose, client_address,"
                    + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= rows; seq++) {
                    AuditEvent event = new AuditEvent(
                            Instant.parse("2026-01-0" + seq + "T09:00:00Z"),
                            "dr.before",
                            "clinician",
                            AuditAction.read,
                            "participant",
                            "p-" + seq,
                            "p-" + seq,
                            200,
                            "before-" + seq,
                            seq == 2 ? "Daily review" : null,
                            null);
                    String hash = AuditHash.of(seq, event, prevHash);
                    Object[] values = {
                        seq,
                        IsoTimeColumns.format(event.at()),
                        event.username(),
                        event.role(),
                        event.action().name(),
                        event.resourceType(),
                        event.resourceId(),
                        event.participantId(),
                        event.status(),
                        event.requestId(),
                        event.purpose(),
                        null,
                        prevHash,
                        hash
                    };
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.executeUpdate();
                    prevHash = hash;
                }
            }
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("UPDATE audit_head SET last_seq = " + rows + ", last_hash = '" + prevHash + "'");
            }
            db.commit();
        }
    }

    /** The service on the database, with settings of the test's choosing, used for a moment and stopped. */
    private static void run(
            TestDatabase database,
            java.util.function.Function<TestDatabase, ConfigOverride[]> settings,
            Consumer<Api> work)
            throws Exception {
        DropwizardTestSupport<DesistConfiguration> service = new DropwizardTestSupport<>(
                DesistApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), settings.apply(database));
        try {
            service.before();
            Staff.ensure(database, "keeper", Set.of(Role.programme_lead, Role.clinician), Set.of());
            work.accept(
                    new Api("http://localhost:" + service.getLocalPort() + "/api").withBasic("keeper", Staff.PASSWORD));
        } finally {
            service.after();
        }
    }

    private static void someAuditedWork(Api api) {
        Cases cases = new Cases(api);
        String site = "K" + (char) ('A' + SITES.getAndIncrement());
        cases.site(site);
        Cases.ok(api.get("/participants/" + cases.participant(site)));
    }

    private static Commands.Outcome verify(TestDatabase database) {
        return Commands.run(null, "audit-verify", Commands.configFor(database).toString());
    }

    private static List<String> keyIds(TestDatabase database) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = database.connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT key_id FROM audit_event ORDER BY seq")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
