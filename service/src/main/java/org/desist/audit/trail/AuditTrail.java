package org.desist.audit.trail;

import java.time.ZoneOffset;
import java.util.List;
import org.desist.access.SiteScope;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditDao;
import org.desist.audit.AuditLog;
import org.desist.audit.AuditRecord;
import org.desist.auth.Caller;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.jdbi.v3.core.Jdbi;

/**
 * Searching the audit log, for the API and the screens alike: the search is itself audited, and an
 * administrator bound to sites finds only the rows within them (see {@link AuditDao#search}).
 */
public class AuditTrail {
    private final Jdbi jdbi;
    private final AuditLog audit;

    public AuditTrail(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Newest first, {@code paging.fetch()} rows (one more than a page says another follows); {@code days} on the
     * UTC day a row was written, as the log's times are; {@code action} null for any; {@code before} a seq, to page while the log grows.
     */
    public List<AuditRecord> search(
            Caller caller,
            String participantId,
            String username,
            AuditAction action,
            Period days,
            Long before,
            PageRequest paging) {
        audit.read(caller, "audit", null, participantId);
        SiteScope scope = SiteScope.of(caller);
        return jdbi.withExtension(
                AuditDao.class,
                dao -> dao.search(
                        participantId,
                        username,
                        action == null ? null : action.name(),
                        days.startIn(ZoneOffset.UTC),
                        days.endIn(ZoneOffset.UTC),
                        before,
                        scope.allSites(),
                        scope.sites(),
                        paging.fetch(),
                        paging.offset()));
    }
}
