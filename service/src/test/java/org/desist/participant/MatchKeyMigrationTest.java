package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.desist.db.Migrations;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Migration 0072 on a database that already holds participants: every row gets its match keys (accents and all,
 * which SQL alone could not strip alike on both databases); of two live participants already sharing an NHS
 * number the older keeps the claim, so the unique index can be built; afterwards the index refuses a second
 * live holder.
 */
class MatchKeyMigrationTest {

    @Test
    void participants_held_before_0072_get_their_keys_and_the_first_of_two_duplicates_the_claim() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        migrateUpTo(database, "0072-participant-match-key-columns");
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO site (code, name, model, created_at) VALUES ('OLD', 'Old site',"
                    + " 'clinic_treatment', '2026-01-01T00:00:00.000000Z')");
            insert(statement, "p1", "OLD-2026-0001", "Zoë", "Mc Kay", "9434765919", "2019/0012345A", "2026-01-01");
            insert(statement, "p2", "OLD-2026-0002", "Marcus", "Webb", "9434765919", null, "2026-01-02");
            insert(statement, "p3", "OLD-2026-0003", "Marcus", "Webb", null, null, "2026-01-03");
        }

        Migrations.apply(database.factory());

        Map<String, List<String>> keys = new HashMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT id, given_key, family_key, nhs_key, pnc_key FROM participant")) {
            while (rows.next()) {
                keys.put(
                        rows.getString(1),
                        java.util.Arrays.asList(
                                rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        assertThat(keys.get("p1")).containsExactly("zoe", "mckay", "9434765919", "2019/0012345A");
        assertThat(keys.get("p2")).containsExactly("marcus", "webb", null, null);
        assertThat(keys.get("p3")).containsExactly("marcus", "webb", null, null);

        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE participant SET nhs_key = '9434765919' WHERE id = 'p2'"))
                    .hasMessageContaining("nhs_key");
            statement.execute("UPDATE participant SET merged_into = 'p1' WHERE id = 'p2'");
            statement.execute("UPDATE participant SET nhs_key = '9434765919' WHERE id = 'p2'");
        }
    }

    private static void insert(
            Statement statement,
            String id,
            String caseRef,
            String given,
            String family,
            String nhs,
            String pnc,
            String day)
            throws Exception {
        statement.execute("INSERT INTO participant (id, case_ref, site_code, given_name, family_name, date_of_birth,"
                + " pnc_id, nhs_number, version, created_at, updated_at) VALUES ('" + id + "', '" + caseRef
                + "', 'OLD', '"
                + given + "', '" + family + "', '1984-09-21', " + quoted(pnc) + ", " + quoted(nhs) + ", 1, '" + day
                + "T09:00:00.000000Z', '" + day + "T09:00:00.000000Z')");
    }

    private static String quoted(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    /** Applies the changelog up to, not including, the named change set: the schema as an older release left it. */
    private static void migrateUpTo(TestDatabase database, String changeSetId) throws Exception {
        try (Connection connection = database.connect()) {
            Database target =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(Migrations.CHANGELOG, new ClassLoaderResourceAccessor(), target)) {
                List<ChangeSet> changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
                int before = 0;
                for (ChangeSet changeSet : changeSets) {
                    if (changeSet.getId().equals(changeSetId)) {
                        break;
                    }
                    // a change set for the other database is skipped, and not counted
                    if (changeSet.getDbmsSet() == null
                            || changeSet.getDbmsSet().isEmpty()
                            || changeSet.getDbmsSet().contains(target.getShortName())) {
                        before++;
                    }
                }
                liquibase.update(before, new Contexts(), new LabelExpression());
            }
        }
    }
}
