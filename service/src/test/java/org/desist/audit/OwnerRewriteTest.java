package org.desist.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack of issue 12, finding 8: whoever owns the tables disables the triggers, edits a row, recomputes
 * every hash after it and the head. Without the audit key the rewrite cannot be sealed, so audit-verify says
 * broken. On PostgreSQL the service runs as an application role that cannot do any of that in the first place.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerRewriteTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);

    @Test
    void the_owners_rewrite_with_a_recomputed_chain_and_head_is_caught() throws Exception {
        Api api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("OWN");
        String participant = cases.participant("OWN");
        for (int i = 0; i < 3; i++) {
            Cases.ok(api.get("/participants/" + participant));
        }
        Commands.Outcome before =
                Commands.run(null, "audit-verify", Commands.configFor(DATABASE).toString());
        assertThat(before.succeeded()).as(before.toString()).isTrue();

        try (Connection owner = DATABASE.connect()) {
            rewrite(owner, 2, "someone.else");
        }

        Commands.Outcome after =
                Commands.run(null, "audit-verify", Commands.configFor(DATABASE).toString());
        assertThat(after.succeeded()).as(after.toString()).isFalse();
        assertThat(after.stderr()).contains("audit-verify: audit chain broken: ");
        assertThat(after.stdout()).doesNotContain("Audit log intact");
    }

    @Test
    @EnabledIf("org.desist.support.TestDatabase#onPostgres")
    void the_application_role_can_append_to_the_audit_log_and_nothing_more() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ownerRole = "desist_owner_" + suffix;
        String appRole = "desist_app_" + suffix;
        setUpRoles(database, ownerRole, appRole);
        TestDatabase asOwner = as(database, ownerRole);
        TestDatabase asApp = as(database, appRole);

        Commands.Outcome migrated =
                Commands.run(null, "db", "migrate", Commands.configFor(asOwner).toString());
        assertThat(migrated.succeeded()).as(migrated.toString()).isTrue();
        setUpRoles(database, ownerRole, appRole); // the grant step after every migrate

        DropwizardTestSupport<DesistConfiguration> service = new DropwizardTestSupport<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                asApp.overrides(ConfigOverride.config("migrateOnStart", "false")));
        service.before();
        try {
            Staff.ensure(asApp, "tester", Set.of(Role.programme_lead, Role.clinician, Role.police), Set.of());
            Api api =
                    new Api("http://localhost:" + service.getLocalPort() + "/api").withBasic("tester", Staff.PASSWORD);
            Cases cases = new Cases(api);
            cases.site("APP");
            Cases.ok(api.get("/participants/" + cases.participant("APP")));
        } finally {
            service.after();
        }

        try (Connection app = asApp.connect();
                Statement sql = app.createStatement()) {
            for (String attack : List.of(
                    "UPDATE audit_event SET username = 'someone.else' WHERE seq = 1",
                    "DELETE FROM audit_event WHERE seq = 1",
                    "TRUNCATE audit_event",
                    "DELETE FROM audit_head")) {
                assertThatThrownBy(() -> sql.executeUpdate(attack))
                        .as(attack)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
            for (String attack : List.of(
                    "ALTER TABLE audit_event DISABLE TRIGGER USER",
                    "DROP TRIGGER audit_event_no_update ON audit_event",
                    "DROP TABLE audit_event")) {
                assertThatThrownBy(() -> sql.execute(attack))
                        .as(attack)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("must be owner");
            }
        }
        assertThat(AuditRole.couldRewrite(asApp.jdbi()))
                .as("the application role could rewrite the log")
                .isFalse();
        assertThat(AuditRole.couldRewrite(asOwner.jdbi()))
                .as("the owner could rewrite the log")
                .isTrue();
        Commands.Outcome verified =
                Commands.run(null, "audit-verify", Commands.configFor(asApp).toString());
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
        assertThat(verified.stdout()).containsPattern("Audit log intact: [1-9][0-9]* rows");
        dropDatabaseAndRoles(database, ownerRole, appRole);
    }

    /** Roles are the cluster's, not the database's: leave none behind on a shared test server. */
    private static void dropDatabaseAndRoles(TestDatabase database, String... roles) throws SQLException {
        String path = database.url().replaceFirst("\\?.*$", ""); // without sslmode and sslrootcert (.ci/run)
        String name = path.substring(path.lastIndexOf('/') + 1);
        try (Connection server = java.sql.DriverManager.getConnection(
                        System.getenv("DESIST_TEST_POSTGRES_URL"), database.user(), database.password());
                Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE " + name + " WITH (FORCE)");
            for (String role : roles) {
                sql.execute("DROP ROLE " + role);
            }
        }
    }

    /**
     * As the attacker of the issue: triggers off, one row's username changed, every hash from there on and the
     * head recomputed the way the unkeyed chain was sealed, anything else that looks like a seal cleared, triggers
     * back on.
     */
    static void rewrite(Connection owner, long seq, String username) throws SQLException {
        rewrite(owner, seq, username, Long.MAX_VALUE);
    }

    /** As {@link #rewrite(Connection, long, String)}, through row {@code last} only; the head is left unless it is passed. */
    static void rewrite(Connection owner, long seq, String username, long last) throws SQLException {
        boolean sqlite = owner.getMetaData().getURL().startsWith("jdbc:sqlite:");
        owner.setAutoCommit(false);
        try (Statement sql = owner.createStatement()) {
            if (sqlite) {
                sql.execute("DROP TRIGGER audit_event_no_update");
                sql.execute("DROP TRIGGER audit_event_no_delete");
            } else {
                sql.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            }
            List<String> extraEventColumns = columnsBeyond(
                    sql,
                    "audit_event",
                    Set.of(
                            "seq",
                            "at",
                            "username",
                            "role",
                            "action",
                            "resource_type",
                            "resource_id",
                            "participant_id",
                            "status",
                            "request_id",
                            "purpose",
                            "client_address",
                            "prev_hash",
                            "hash"));
            List<String> extraHeadColumns = columnsBeyond(sql, "audit_head", Set.of("id", "last_seq", "last_hash"));
            List<AuditEvent> rows = new ArrayList<>();
            try (ResultSet row = sql.executeQuery("SELECT seq, at, username, role, action, resource_type, resource_id,"
                    + " participant_id, status, request_id, purpose, client_address FROM audit_event ORDER BY seq")) {
                while (row.next() && row.getLong(1) <= last) {
                    assertThat(row.getLong(1)).isEqualTo(rows.size() + 1);
                    rows.add(new AuditEvent(
                            Instant.parse(row.getString(2)),
                            row.getLong(1) == seq ? username : row.getString(3),
                            row.getString(4),
                            AuditAction.valueOf(row.getString(5)),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8),
                            row.getInt(9),
                            row.getString(10),
                            row.getString(11),
                            row.getString(12)));
                }
            }
            assertThat(rows.size()).as("rows to rewrite").isGreaterThanOrEqualTo((int) seq);
            String prevHash = AuditHash.GENESIS;
            for (int i = 0; i < rows.size(); i++) {
                long rowSeq = i + 1;
                String hash = AuditHash.of(rowSeq, rows.get(i), prevHash);
                StringBuilder update = new StringBuilder("UPDATE audit_event SET username = '"
                        + rows.get(i).username() + "', prev_hash = '" + prevHash + "', hash = '" + hash + "'");
                extraEventColumns.forEach(
                        column -> update.append(", ").append(column).append(" = NULL"));
                sql.executeUpdate(update.append(" WHERE seq = ").append(rowSeq).toString());
                prevHash = hash;
            }
            if (last == Long.MAX_VALUE) {
                StringBuilder head = new StringBuilder(
                        "UPDATE audit_head SET last_seq = " + rows.size() + ", last_hash = '" + prevHash + "'");
                extraHeadColumns.forEach(
                        column -> head.append(", ").append(column).append(" = NULL"));
                sql.executeUpdate(head.toString());
            }
            if (sqlite) {
                sql.execute("CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event"
                        + " BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END");
                sql.execute("CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event"
                        + " BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END");
            } else {
                sql.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
            }
        }
        owner.commit();
    }

    private static List<String> columnsBeyond(Statement sql, String table, Set<String> known) throws SQLException {
        List<String> extra = new ArrayList<>();
        try (ResultSet none = sql.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!known.contains(column)) {
                    extra.add(column);
                }
            }
        }
        return extra;
    }

    /** migrations/postgresql/roles.sql, run as the superuser with the two roles' names, as the docs say. */
    static void setUpRoles(TestDatabase database, String ownerRole, String appRole) throws Exception {
        String script;
        try (InputStream in =
                OwnerRewriteTest.class.getClassLoader().getResourceAsStream("migrations/postgresql/roles.sql")) {
            assertThat(in)
                    .as("migrations/postgresql/roles.sql on the class path")
                    .isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Connection superuser = database.connect();
                Statement sql = superuser.createStatement()) {
            sql.execute("SET desist.owner_role = '" + ownerRole + "'");
            sql.execute("SET desist.app_role = '" + appRole + "'");
            sql.execute(script);
        }
    }

    private static TestDatabase as(TestDatabase database, String role) {
        return new TestDatabase(database.url(), database.driverClass(), role, "", Optional.empty());
    }
}
