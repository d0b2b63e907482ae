package org.desist.audit;

import org.desist.db.Dialect;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the service's own PostgreSQL role could rewrite the audit log: as its table's owner (or a member of
 * the owner, or a superuser) it could switch the triggers off; with UPDATE, DELETE or TRUNCATE it would need only
 * that. The key still exposes such a rewrite, but the deployment split of docs/operations.md prevents it.
 */
public final class AuditRole {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRole.class);

    private AuditRole() {}

    public static void warnIfItCouldRewrite(Jdbi jdbi) {
        if (couldRewrite(jdbi)) {
            LOG.warn(
                    "The service's database role owns audit_event or may change or delete its rows: run the service"
                            + " as the application role of migrations/postgresql/roles.sql (docs/operations.md, \"Two roles\")");
        }
    }

    /** True on PostgreSQL when this Jdbi's role could change audit rows, or switch off what refuses to. */
    static boolean couldRewrite(Jdbi jdbi) {
        return jdbi.withHandle(handle -> Dialect.of(handle) == Dialect.POSTGRESQL
                && handle.createQuery(
                                "SELECT has_table_privilege('audit_event', 'UPDATE')"
                                        + " OR has_table_privilege('audit_event', 'DELETE')"
                                        + " OR has_table_privilege('audit_event', 'TRUNCATE')"
                                        + " OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_event'::regclass), 'USAGE')")
                        .mapTo(Boolean.class)
                        .one());
    }
}
