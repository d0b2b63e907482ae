package org.desist.db;

import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * What a SQLite data source needs to keep every acknowledged write: WAL, synchronous=FULL (a commit
 * survives power loss, not only a crash), foreign keys, a busy timeout, and write transactions that
 * take the write lock when they begin (IMMEDIATE) so that concurrent writers queue instead of failing
 * with SQLITE_BUSY on lock upgrade. Set in code, not left to configuration, so nobody can drop one.
 */
public final class SqliteDatabase {
    public static final String URL_PREFIX = "jdbc:sqlite:";
    public static final int BUSY_TIMEOUT_MILLIS = 30_000;

    static final SQLiteConfig.TransactionMode TRANSACTION_MODE = SQLiteConfig.TransactionMode.IMMEDIATE;
    static final Map<String, String> PRAGMAS = Map.of(
            "journal_mode", "WAL",
            "synchronous", "FULL",
            "foreign_keys", "true",
            "busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS),
            "transaction_mode", TRANSACTION_MODE.name());

    private SqliteDatabase() {}

    /**
     * Prepares the factory before any connection is opened, and makes a missing database file and folder the
     * service user's alone ({@link SqliteFileModes}).
     */
    static void prepare(DataSourceFactory factory) {
        factory.getProperties().putAll(PRAGMAS);
        file(factory.getUrl()).ifPresent(SqliteFileModes::create);
    }

    /** The driver's settings of the connection under a handle (through the pool's wrapper). */
    static SQLiteConnectionConfig connectionConfig(Handle handle) {
        try {
            return handle.getConnection().unwrap(SQLiteConnection.class).getConnectionConfig();
        } catch (SQLException e) {
            throw new IllegalStateException("Not a SQLite connection", e);
        }
    }

    /** The database file a SQLite URL names; empty for an in-memory database. */
    public static java.util.Optional<Path> file(String url) {
        String rest = url.substring(URL_PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file::memory:")) {
            return java.util.Optional.empty();
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        return java.util.Optional.of(Path.of(rest));
    }
}
