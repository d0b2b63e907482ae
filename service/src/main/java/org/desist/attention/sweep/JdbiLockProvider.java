package org.desist.attention.sweep;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.support.AbstractStorageAccessor;
import net.javacrumbs.shedlock.support.StorageBasedLockProvider;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;

/**
 * ShedLock's lock kept in the {@code shedlock} table (migration 0079) through the service's own Jdbi. ShedLock
 * ships no Jdbi provider on Maven Central, and its plain JDBC one stops at 6.9.2; this is the same three statements
 * (an insert that does nothing when the row exists, an update guarded by lock_until, the release), written once
 * for SQLite and PostgreSQL and run in the service's transactions, so that on SQLite they queue with every other
 * writer.
 */
public final class JdbiLockProvider extends StorageBasedLockProvider {

    public JdbiLockProvider(Jdbi jdbi) {
        super(new Storage(jdbi));
    }

    private static final class Storage extends AbstractStorageAccessor {
        private final Jdbi jdbi;
        private final String lockedBy = getHostname();

        Storage(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        @Override
        public boolean insertRecord(LockConfiguration lock) {
            return jdbi.inTransaction(handle -> handle.createUpdate("INSERT INTO shedlock (name, lock_until,"
                                    + " locked_at, locked_by) VALUES (:name, :lockUntil, :now, :lockedBy)"
                                    + " ON CONFLICT (name) DO NOTHING")
                            .bind("name", lock.getName())
                            .bind("lockUntil", utc(lock.getLockAtMostUntil()))
                            .bind("now", utc(ClockProvider.now()))
                            .bind("lockedBy", lockedBy)
                            .execute())
                    == 1;
        }

        @Override
        public boolean updateRecord(LockConfiguration lock) {
            Instant now = ClockProvider.now();
            return jdbi.inTransaction(handle -> handle.createUpdate("UPDATE shedlock SET lock_until = :lockUntil,"
                                    + " locked_at = :now, locked_by = :lockedBy"
                                    + " WHERE name = :name AND lock_until <= :now")
                            .bind("name", lock.getName())
                            .bind("lockUntil", utc(lock.getLockAtMostUntil()))
                            .bind("now", utc(now))
                            .bind("lockedBy", lockedBy)
                            .execute())
                    == 1;
        }

        @Override
        public void unlock(LockConfiguration lock) {
            jdbi.useTransaction(
                    handle -> handle.createUpdate("UPDATE shedlock SET lock_until = :unlockTime WHERE name = :name")
                            .bind("name", lock.getName())
                            .bind("unlockTime", utc(lock.getUnlockTime()))
                            .execute());
        }

        /**
         * The column is a TIMESTAMP without zone: written as UTC wall time on every instance whatever its own zone,
         * so that instances in different zones (or across a change to summer time) compare alike.
         */
        private static Argument utc(Instant instant) {
            Timestamp timestamp = Timestamp.from(instant);
            return (position, statement, context) ->
                    statement.setTimestamp(position, timestamp, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
        }
    }
}
