package org.desist.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held while migrations run, so instances starting together queue for the schema instead of racing to create it
 * (Liquibase's own lock lives in a table that it first has to create). PostgreSQL: a session advisory lock on the
 * migrating connection, released with it if the process dies. SQLite: an OS lock on a file beside the database
 * (the only way several processes share a SQLite file is on one machine), and a lock in this JVM, since the OS
 * lock is held per process.
 */
final class MigrationLock implements AutoCloseable {
    /** Any constant will do, so long as nothing else on the server takes it: "desist" in ASCII. */
    private static final long ADVISORY_KEY = 0x64657369737400L;

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Runnable release;

    private MigrationLock(Runnable release) {
        this.release = release;
    }

    static MigrationLock take(Dialect dialect, String url, Connection connection) throws SQLException, IOException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
            }
            return new MigrationLock(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
                } catch (SQLException e) {
                    // the lock ends with the session, which closes next
                }
            });
        }
        var file = SqliteDatabase.file(url);
        if (file.isEmpty()) {
            return new MigrationLock(() -> {}); // an in-memory database has one user
        }
        Path lockFile = file.get().toAbsolutePath().resolveSibling(file.get().getFileName() + ".migrating");
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, path -> new ReentrantLock());
        local.lock();
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return new MigrationLock(() -> {
                try (channel) {
                    lock.release();
                } catch (IOException e) {
                    // closing the channel releases the lock all the same
                } finally {
                    local.unlock();
                }
            });
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        release.run();
    }
}
