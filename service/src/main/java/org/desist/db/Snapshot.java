package org.desist.db;

import java.util.List;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads that must agree with one another (a case summary's sections, a report's figures, a recount
 * against the running totals) run in one read-only transaction that sees a single committed state of
 * the database, however many statements they take and whatever commits meanwhile. How each database
 * gives that is in {@link Dialect#inSnapshot}.
 */
public final class Snapshot {
    private Snapshot() {}

    public static <R, X extends Exception> R read(Jdbi jdbi, HandleCallback<R, X> reads) throws X {
        return jdbi.withHandle(handle -> Dialect.of(handle).inSnapshot(handle, reads));
    }

    /**
     * Independent reads of one snapshot, each its answer in order: side by side on the executor where the
     * database can share a snapshot between connections (PostgreSQL), one after another otherwise (SQLite).
     */
    public static <R> List<R> readEach(Jdbi jdbi, List<HandleCallback<R, RuntimeException>> reads, Executor executor) {
        return jdbi.withHandle(handle -> Dialect.of(handle).inSnapshotEach(handle, jdbi, reads, executor));
    }
}
