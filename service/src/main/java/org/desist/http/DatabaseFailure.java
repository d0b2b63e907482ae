package org.desist.http;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.db.DatabaseBusy;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What a failure of the database means to the client, read from the driver's exception wherever Jdbi or
 * the pool wrapped it. A unique index caught a race the checked path could not see (two requests both
 * found nothing, both inserted): 409, as if the check had seen it. The database cannot be reached or
 * cannot take the request now: 503. Anything else is a fault of the service (500).
 */
final class DatabaseFailure {
    /** PostgreSQL: unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQL:2003 class 08, connection exception: refused, broken, closed, lost mid-statement. */
    private static final String CONNECTION_CLASS = "08";
    /** SQLite names the table and columns: "UNIQUE constraint failed: enrolment.participant_id". */
    private static final Pattern SQLITE_UNIQUE = Pattern.compile("constraint failed: (\\w+)\\.");
    /** The conflict each table's unique keys stand for, in the words of the checked path. */
    private static final Map<String, String> CONFLICTS = Map.of(
            "site", "A site with this code already exists",
            "enrolment", "The participant already has an open enrolment",
            "participant", "Another case took the same case number at the same moment; send the request again",
            "app_user", "An account with this username already exists",
            "enrolment_event", "The enrolment moved while this change was being made; read it again");

    static final String OTHER_CONFLICT = "A record written at the same moment conflicts with this one; read it again";

    private DatabaseFailure() {}

    /** The conflict, when a unique index or primary key refused the write. */
    static Optional<String> conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres && UNIQUE_VIOLATION.equals(postgres.getSQLState())) {
                ServerErrorMessage server = postgres.getServerErrorMessage();
                return Optional.of(describe(server == null ? null : server.getTable()));
            }
            if (cause instanceof SQLiteException sqlite
                    && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                Matcher table = SQLITE_UNIQUE.matcher(String.valueOf(sqlite.getMessage()));
                return Optional.of(describe(table.find() ? table.group(1) : null));
            }
        }
        return Optional.empty();
    }

    /** True when the database is out of reach or cannot take the request now, rather than refusing it. */
    static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseBusy || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite && unavailable(sqlite.getResultCode())) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_CLASS)
                            || sql instanceof java.sql.SQLTransientConnectionException
                            || sql.getClass().getName().equals("org.apache.tomcat.jdbc.pool.PoolExhaustedException"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file cannot be opened, read or written (its folder gone or read-only, the disk full, an I/O
     * error), or another process holds it past the busy timeout. Corruption is not here: retrying won't help.
     */
    private static boolean unavailable(SQLiteErrorCode code) {
        String name = code.name();
        return name.startsWith("SQLITE_CANTOPEN")
                || name.startsWith("SQLITE_IOERR")
                || name.startsWith("SQLITE_BUSY")
                || name.startsWith("SQLITE_LOCKED")
                || name.startsWith("SQLITE_READONLY")
                || code == SQLiteErrorCode.SQLITE_FULL;
    }

    private static String describe(String table) {
        return table == null ? OTHER_CONFLICT : CONFLICTS.getOrDefault(table, OTHER_CONFLICT);
    }
}
