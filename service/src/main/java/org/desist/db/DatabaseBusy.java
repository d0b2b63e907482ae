package org.desist.db;

import org.jdbi.v3.core.transaction.TransactionException;

/** The database could not take the transaction in time (overloaded, or held by another process): worth a retry. */
public class DatabaseBusy extends TransactionException {
    public DatabaseBusy(String message) {
        super(message);
    }

    public DatabaseBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
