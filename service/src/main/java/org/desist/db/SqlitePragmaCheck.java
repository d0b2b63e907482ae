package org.desist.db;

import com.codahale.metrics.health.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the pragmas back from a pooled connection. Start-up refuses to go on when one did not take;
 * the same check runs as a health check, so a misconfigured pool shows on the admin port.
 */
public class SqlitePragmaCheck extends HealthCheck {
    private final Jdbi jdbi;

    public SqlitePragmaCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<String> failures() {
        return jdbi.withHandle(SqlitePragmaCheck::failures);
    }

    static List<String> failures(Handle handle) {
        List<String> failures = new ArrayList<>();
        String journal =
                handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one();
        if (!"wal".equalsIgnoreCase(journal)) {
            failures.add("journal_mode is " + journal + ", expected wal");
        }
        int synchronous =
                handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one();
        if (synchronous != 2) {
            failures.add("synchronous is " + synchronous + ", expected 2 (FULL)");
        }
        int foreignKeys =
                handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one();
        if (foreignKeys != 1) {
            failures.add("foreign_keys is off");
        }
        int busyTimeout =
                handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one();
        if (busyTimeout <= 0) {
            failures.add("busy_timeout is " + busyTimeout + ", expected a positive wait");
        }
        return failures;
    }

    public void requireAll() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Refusing to start: SQLite pragmas did not take: " + failures);
        }
    }

    @Override
    protected Result check() {
        List<String> failures = failures();
        return failures.isEmpty()
                ? Result.healthy("WAL, synchronous=FULL, foreign keys, busy timeout")
                : Result.unhealthy(String.join("; ", failures));
    }
}
