package org.desist.db;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQLite admits one writer at a time, and every transaction here takes the write lock when it begins.
 * Left to SQLite, waiting writers poll with growing sleeps, so under load some wait seconds while later
 * ones slip in. This queues the service's transactions first come, first served, in the JVM, before
 * they reach SQLite; other processes (the command-line tools) still meet SQLite's busy timeout.
 */
final class WriteQueue extends DelegatingTransactionHandler {
    private final ReentrantLock turn;

    WriteQueue(TransactionHandler delegate) {
        this(delegate, new ReentrantLock(true));
    }

    private WriteQueue(TransactionHandler delegate, ReentrantLock turn) {
        super(delegate);
        this.turn = turn;
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new WriteQueue(getDelegate().specialize(handle), turn);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        waitForTurn();
        try {
            return super.inTransaction(handle, callback);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(
            Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) throws X {
        waitForTurn();
        try {
            return super.inTransaction(handle, level, callback);
        } finally {
            turn.unlock();
        }
    }

    /** Reentrant, so a transaction nested in one already running goes straight on. */
    private void waitForTurn() {
        try {
            if (!turn.tryLock(SqliteDatabase.BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new DatabaseBusy("No turn to write within the busy timeout: the database is overloaded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseBusy("Interrupted while waiting to write", e);
        }
    }
}
