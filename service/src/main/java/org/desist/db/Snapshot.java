package org.desist.db;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads that must agree with one another (a case summary's sections, a report's figures, a recount
 * against the running totals) run in one read-only transaction that sees a single committed state of
 * the database, however many statements they take and whatever commits meanwhile. How each database
 * gives that is in {@link Dialect#inSnapshot}.
 */
public final class Snapshot {
    private Snapshot() {
    }

    public static <R, X extends Exception> R read(Jdbi jdbi, HandleCallback<R, X> reads) throws X {
        return jdbi.withHandle(handle -> Dialect.of(handle).inSnapshot(handle, reads));
    }
}
