package org.desist.db;

import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.db.DataSourceFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnectionConfig;

/**
 * The databases Desist runs on, and everything that differs between them. The schema and every query
 * are the same text on both (ISO-8601 text dates, 0/1 flags, upserts with ON CONFLICT); what is left
 * is how a data source is prepared and what is checked before the service takes requests. The URL
 * alone chooses: {@code jdbc:sqlite:…} or {@code jdbc:postgresql://…}.
 */
public enum Dialect {
    /** The embedded default: one file, one writer at a time, made durable by its pragmas. */
    SQLITE(SqliteDatabase.URL_PREFIX, "org.sqlite.JDBC") {
        @Override
        void prepareFor(DataSourceFactory factory) {
            SqliteDatabase.prepare(factory);
        }

        @Override
        void configure(Jdbi jdbi) {
            jdbi.setTransactionHandler(new WriteQueue(jdbi.getTransactionHandler()));
        }

        @Override
        public void prepareForBulkWrites(Handle handle) {
            handle.execute("PRAGMA cache_size = -262144"); // 256 MiB of page cache for this connection
        }

        /**
         * In WAL mode one read transaction is already a snapshot, whatever isolation level is asked for (the
         * driver accepts all four and means SERIALIZABLE by each). It must begin DEFERRED, though, not
         * IMMEDIATE like the writers: so it neither takes the write lock nor queues behind writers
         * (WriteQueue sees only inTransaction, which this does not use). Read-only is PRAGMA query_only:
         * the driver refuses setReadOnly on an open connection.
         */
        @Override
        <R, X extends Exception> R inSnapshot(Handle handle, HandleCallback<R, X> reads) throws X {
            SQLiteConnectionConfig connection = SqliteDatabase.connectionConfig(handle);
            handle.execute("PRAGMA query_only = true");
            connection.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            try {
                handle.begin();
                R read = reads.withHandle(handle);
                handle.commit();
                return read;
            } finally {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
                connection.setTransactionMode(SqliteDatabase.TRANSACTION_MODE);
                handle.execute("PRAGMA query_only = false");
            }
        }

        @Override
        public void checkAtStart(DataSourceFactory factory) {
            SqliteDatabase.file(factory.getUrl()).ifPresent(SqliteFileModes::requireOwnerOnly);
        }

        @Override
        public void checkBeforeServing(Jdbi jdbi, HealthCheckRegistry healthChecks) {
            SqlitePragmaCheck pragmas = new SqlitePragmaCheck(jdbi);
            pragmas.requireAll();
            healthChecks.register("sqlite-pragmas", pragmas);
            // and the -wal and -shm that opening it made (SQLite gives them the database file's mode)
            String url;
            try {
                url = jdbi.withHandle(
                        handle -> handle.getConnection().getMetaData().getURL());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which file the database is", e);
            }
            SqliteDatabase.file(url).ifPresent(SqliteFileModes::requireOwnerOnly);
        }
    },
    /**
     * For deployments that outgrow one file. Concurrent writers are serialised where it matters by row
     * locks the SQL takes anyway (guarded updates, the audit head, the case-number upsert).
     */
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver") {
        @Override
        void prepareFor(DataSourceFactory factory) {
            factory.getProperties().putIfAbsent("ApplicationName", "desist");
        }

        /** READ COMMITTED, the default, gives each statement a snapshot of its own; this gives the transaction one. */
        @Override
        <R, X extends Exception> R inSnapshot(Handle handle, HandleCallback<R, X> reads) throws X {
            return handle.inTransaction(transaction -> {
                transaction.execute(SNAPSHOT_TRANSACTION);
                return reads.withHandle(transaction);
            });
        }

        /**
         * The first connection exports its snapshot (pg_export_snapshot) and stays open while the others,
         * side by side, import it (SET TRANSACTION SNAPSHOT): all see exactly what the first sees. Measured
         * at 50,000 participants the import costs two statements a connection, against reads of tens of
         * milliseconds that the side-by-side run overlaps.
         */
        @Override
        <R> List<R> inSnapshotEach(
                Handle handle, Jdbi jdbi, List<HandleCallback<R, RuntimeException>> reads, Executor executor) {
            return handle.inTransaction(exporter -> {
                exporter.execute(SNAPSHOT_TRANSACTION);
                String snapshot = exporter.createQuery("SELECT pg_export_snapshot()")
                        .mapTo(String.class)
                        .one();
                if (!snapshot.matches("[0-9A-Fa-f-]+")) {
                    throw new IllegalStateException("Unexpected snapshot name from PostgreSQL");
                }
                List<CompletableFuture<R>> running = reads.stream()
                        .map(read -> CompletableFuture.supplyAsync(
                                () -> jdbi.withHandle(worker -> worker.inTransaction(importer -> {
                                    importer.execute(SNAPSHOT_TRANSACTION);
                                    importer.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                                    return read.withHandle(importer);
                                })),
                                executor))
                        .toList();
                return running.stream().map(CompletableFuture::join).toList();
            });
        }

        @Override
        public void checkAtStart(DataSourceFactory factory) {
            ServerCertificate.requireVerified(factory);
        }

        @Override
        public void checkBeforeServing(Jdbi jdbi, HealthCheckRegistry healthChecks) {
            int version = jdbi.withHandle(handle -> handle.createQuery("SHOW server_version_num")
                    .mapTo(Integer.class)
                    .one());
            if (version < MINIMUM_POSTGRESQL) {
                throw new IllegalStateException("Refusing to start: PostgreSQL " + version / 10_000
                        + " is older than the supported " + MINIMUM_POSTGRESQL / 10_000);
            }
        }
    };

    private static final String SNAPSHOT_TRANSACTION = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    /** PostgreSQL 13: the oldest release still supported by its project when Desist was written. */
    static final int MINIMUM_POSTGRESQL = 130_000;

    private final String urlPrefix;
    private final String driverClass;

    Dialect(String urlPrefix, String driverClass) {
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
    }

    /** The dialect of a JDBC URL; any other database is refused, naming only the URL's scheme. */
    public static Dialect of(String url) {
        for (Dialect dialect : values()) {
            if (url != null && url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        String scheme = url == null ? "nothing" : url.replaceFirst("^(jdbc:[^:/]*).*$", "$1");
        throw new IllegalArgumentException("The database URL must be jdbc:sqlite:<file> or"
                + " jdbc:postgresql://<host>/<database>, not " + scheme);
    }

    public static Dialect of(DataSourceFactory factory) {
        return of(factory.getUrl());
    }

    public static Dialect of(Handle handle) {
        try {
            return of(handle.getConnection().getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this connection is to", e);
        }
    }

    /** Readies a data source factory before any connection is opened; the URL's dialect picks the driver. */
    public static Dialect prepare(DataSourceFactory factory) {
        Dialect dialect = of(factory);
        // Dropwizard's SQL comments make sqlite-jdbc lose generated keys; they serve no purpose here either.
        factory.setAutoCommentsEnabled(false);
        factory.setDriverClass(dialect.driverClass);
        dialect.prepareFor(factory);
        return dialect;
    }

    abstract void prepareFor(DataSourceFactory factory);

    /** Settings for every Jdbi on this database; none by default. */
    void configure(Jdbi jdbi) {}

    /** Runs the reads in one read-only transaction that sees one committed state throughout (see {@link Snapshot}). */
    abstract <R, X extends Exception> R inSnapshot(Handle handle, HandleCallback<R, X> reads) throws X;

    /**
     * Independent reads of one snapshot (see {@link Snapshot#readEach}): by default one after another in one
     * transaction, for a database whose connections cannot share a snapshot (SQLite).
     */
    <R> List<R> inSnapshotEach(
            Handle handle, Jdbi jdbi, List<HandleCallback<R, RuntimeException>> reads, Executor executor) {
        return inSnapshot(handle, snapshot -> {
            List<R> answers = new ArrayList<>();
            for (HandleCallback<R, RuntimeException> read : reads) {
                answers.add(read.withHandle(snapshot));
            }
            return answers;
        });
    }

    /** Settings for one connection about to write a great deal (the seed command); none by default. */
    public void prepareForBulkWrites(Handle handle) {}

    /**
     * Refuses to start, before anything is migrated, on a database kept or reached unsafely: a SQLite file or folder
     * open to others, a PostgreSQL server whose certificate does not verify.
     */
    public abstract void checkAtStart(DataSourceFactory factory);

    /** Refuses to start on a database that would not keep its promises, and registers what stays checked. */
    public abstract void checkBeforeServing(Jdbi jdbi, HealthCheckRegistry healthChecks);
}
