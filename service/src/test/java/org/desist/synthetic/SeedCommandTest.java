package org.desist.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.desist.support.Commands;
import org.desist.support.TableDigest;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed command: the same seed gives the same database, row for row, in every table; another seed
 * gives another; a database holding real participants, or seeded already, is refused.
 */
@Tag("slow")
class SeedCommandTest {

    @Test
    void the_same_seed_gives_the_same_database() throws Exception {
        TestDatabase first = seeded(60, 42);
        TestDatabase second = seeded(60, 42);
        TestDatabase other = seeded(60, 43);
        String digest = digest(first);
        assertThat(digest(second)).isEqualTo(digest);
        assertThat(digest(other)).isNotEqualTo(digest);
        assertThat(count(first, "SELECT count(*) FROM session")).isGreaterThan(60 * 20);
    }

    @Test
    void everything_is_marked_synthetic() throws Exception {
        TestDatabase database = seeded(30, 7);
        assertThat(count(database, "SELECT count(*) FROM site WHERE name NOT LIKE 'SYNTHETIC %'"))
                .isZero();
        assertThat(count(database, "SELECT count(*) FROM participant WHERE given_name <> 'SYNTHETIC'"))
                .isZero();
        assertThat(count(database, "SELECT count(*) FROM referral WHERE behaviour NOT LIKE 'SYNTHETIC%'"))
                .isZero();
        assertThat(count(database, "SELECT count(*) FROM participant")).isEqualTo(30);
        assertThat(count(database, "SELECT count(*) FROM audit_event")).isZero();
    }

    @Test
    void a_database_with_real_participants_or_a_programme_already_is_refused() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        Path config = Commands.configFor(database);
        assertThat(Commands.run(null, "db", "migrate", config.toString()).succeeded())
                .isTrue();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO site (code, name, model, created_at) VALUES ('REAL', 'Real clinic',"
                    + " 'clinic_treatment', '2026-01-01T00:00:00.000000Z')");
            statement.execute(
                    "INSERT INTO participant (id, case_ref, site_code, given_name, family_name, date_of_birth,"
                            + " version, created_at, updated_at) VALUES ('p1', 'REAL-2026-0001', 'REAL', 'Daniel', 'Hale',"
                            + " '1987-03-14', 1, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')");
        }
        Commands.Outcome refused = Commands.run(null, "seed", "--participants", "5", config.toString());
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.stderr()).contains("not synthetic");
        assertThat(count(database, "SELECT count(*) FROM participant")).isEqualTo(1);

        TestDatabase seeded = seeded(5, 1);
        Commands.Outcome again = Commands.run(
                null, "seed", "--participants", "5", Commands.configFor(seeded).toString());
        assertThat(again.succeeded()).isFalse();
        assertThat(again.stderr()).contains("already holds a synthetic programme");
        assertThat(count(seeded, "SELECT count(*) FROM participant")).isEqualTo(5);
    }

    static TestDatabase seeded(int participants, long seed) {
        TestDatabase database = TestDatabase.fresh();
        Commands.Outcome outcome = Commands.run(
                null,
                "seed",
                "--participants",
                Integer.toString(participants),
                "--seed",
                Long.toString(seed),
                Commands.configFor(database).toString());
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.stdout()).contains("Seeded a SYNTHETIC programme", participants + " participants");
        return database;
    }

    /** Every table's digest, one string: equal seeds must give equal databases. */
    static String digest(TestDatabase database) throws Exception {
        Map<String, String> tables = TableDigest.of(database);
        assertThat(tables).containsKeys("participant", "session", "attendance_totals", "enrolment_event");
        return tables.toString();
    }

    static long count(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
