package org.desist.backup;

import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.db.Databases;
import org.desist.db.Dialect;
import org.desist.db.SqliteDatabase;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of the live SQLite database, taken while the service keeps writing, with SQLite's
 * {@code VACUUM INTO}. In WAL mode that is one read transaction: it copies the database as of the moment
 * it began (everything committed by then, nothing half-written), waits for no writer and makes none
 * wait. A plain file copy would not do: recent commits live in the -wal file and a copy can be torn.
 */
public final class OnlineCopy {
    /** Tables whose rows are counted in the copy, so an operator sees at a glance that it holds the data. */
    private static final List<String> COUNTED = List.of("audit_event", "participant", "session");

    private OnlineCopy() {}

    /** A request that cannot be carried out as asked; the message says why and what to do. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The copy as checked after it was written: its integrity_check answer and its row counts. */
    public record Made(Path file, long bytes, String integrity, Map<String, Long> rows) {
        public boolean intact() {
            return "ok".equals(integrity);
        }
    }

    public static Made make(DataSourceFactory database, Path target) throws Exception {
        if (Dialect.of(database) != Dialect.SQLITE) {
            // the URL is not repeated: a PostgreSQL URL may carry a password
            throw new Refused("the configured database is not SQLite; back up PostgreSQL with its own tool,"
                    + " pg_dump (for example pg_dump --format=custom --file=desist.dump desist)");
        }
        Path source = SqliteDatabase.file(database.getUrl())
                .orElseThrow(() -> new Refused("the configured database is in memory: there is nothing to back up"));
        // checked first: opening a SQLite file that is not there would create an empty database
        if (!Files.isRegularFile(source)) {
            throw new Refused(
                    "there is no database at " + source.toAbsolutePath() + "; check database.url (DESIST_DB_URL)");
        }
        Path copy = target.toAbsolutePath().normalize();
        reserve(copy);
        try {
            // Databases.open sets the busy timeout: a reader in WAL mode can still meet SQLITE_BUSY for a
            // moment (while a connection rebuilds the WAL index, or a checkpoint restarts the WAL), and must
            // wait then rather than fail. No migration: the copy is of the database as it is.
            try (Databases.Opened opened = Databases.open(database, false, "backup")) {
                opened.jdbi().useHandle(handle -> handle.execute("VACUUM INTO ?", copy.toString()));
            }
            // SQLite does not fsync what VACUUM INTO writes; a backup reported done must survive power loss
            sync(copy);
        } catch (Exception | Error e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return inspect(copy);
    }

    /**
     * Creates the copy's file, empty (VACUUM INTO accepts an empty file) and readable by its owner only:
     * it holds the same health and criminal-offence data as the live database. Creating it is also the
     * check that nothing is overwritten, made in one step so no other process can slip a file in between.
     */
    private static void reserve(Path copy) throws IOException {
        try {
            try {
                Files.createFile(
                        copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(copy);
            }
        } catch (FileAlreadyExistsException e) {
            throw new Refused(copy + " already exists; a backup never overwrites a file: give a new name");
        } catch (NoSuchFileException e) {
            throw new Refused("the folder " + copy.getParent() + " does not exist; create it first");
        }
    }

    private static void sync(Path copy) throws IOException {
        try (FileChannel file = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        // the folder's entry for the new file too; some platforms cannot open a folder, and lose nothing else
        try (FileChannel folder = FileChannel.open(copy.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException folderCannotBeSynced) {
            // nothing more to do on such a platform
        }
    }

    /** Opens the copy on its own, read only, as a restore would find it. */
    static Made inspect(Path copy) throws SQLException, IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + copy);
                Statement statement = connection.createStatement()) {
            List<String> problems = new ArrayList<>();
            try (ResultSet answer = statement.executeQuery("PRAGMA integrity_check")) {
                while (answer.next()) {
                    problems.add(answer.getString(1));
                }
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : COUNTED) {
                if (exists(statement, table)) {
                    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        count.next();
                        rows.put(table, count.getLong(1));
                    }
                }
            }
            return new Made(copy, Files.size(copy), String.join("; ", problems), rows);
        }
    }

    private static boolean exists(Statement statement, String table) throws SQLException {
        try (ResultSet found = statement.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return found.next() && found.getLong(1) == 1;
        }
    }
}
