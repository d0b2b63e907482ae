package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.desist.db.DatabaseBusy;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How driver failures read to a client, for what cannot be staged against a live SQLite file in a test:
 * a SQLite database is a local file, so "unreachable" means its folder gone or read-only, the disk full,
 * an I/O error, or the file held by another process past the busy timeout (tests run as root, whom
 * permissions do not stop). Each is 503, like a PostgreSQL server out of reach (DatabaseOutageTest).
 */
class DatabaseFailureTest {

    @Test
    void a_sqlite_file_that_cannot_be_opened_read_or_written_is_unavailable() {
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {
            SQLiteErrorCode.SQLITE_CANTOPEN,
            SQLiteErrorCode.SQLITE_IOERR_WRITE,
            SQLiteErrorCode.SQLITE_FULL,
            SQLiteErrorCode.SQLITE_BUSY,
            SQLiteErrorCode.SQLITE_READONLY
        }) {
            assertThat(DatabaseFailure.unavailable(new ConnectionException(new SQLiteException("failed", code))))
                    .as(code.name())
                    .isTrue();
        }
        assertThat(DatabaseFailure.unavailable(new SQLiteException("corrupt", SQLiteErrorCode.SQLITE_CORRUPT)))
                .isFalse();
        assertThat(DatabaseFailure.unavailable(new DatabaseBusy("No turn to write")))
                .isTrue();
    }

    @Test
    void connection_failures_are_unavailable_and_other_sql_errors_are_not() {
        assertThat(DatabaseFailure.unavailable(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseFailure.unavailable(new SQLException("syntax", "42601")))
                .isFalse();
        assertThat(DatabaseFailure.unavailable(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void a_sqlite_unique_violation_names_the_conflict_of_its_table() {
        assertThat(DatabaseFailure.conflict(new RuntimeException(new SQLiteException(
                        "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: enrolment.participant_id)",
                        SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))))
                .contains("The participant already has an open enrolment");
        assertThat(DatabaseFailure.conflict(new SQLiteException(
                        "[SQLITE_CONSTRAINT_PRIMARYKEY] (UNIQUE constraint" + " failed: site.code)",
                        SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)))
                .contains("A site with this code already exists");
        assertThat(DatabaseFailure.conflict(new SQLiteException(
                        "constraint failed: cohort.id", SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)))
                .contains(DatabaseFailure.OTHER_CONFLICT);
        assertThat(DatabaseFailure.conflict(
                        new SQLiteException("CHECK constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK)))
                .isEmpty();
    }
}
