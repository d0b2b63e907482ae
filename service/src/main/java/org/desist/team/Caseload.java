package org.desist.team;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * "My caseload": the cases the caller holds a part on, at the caller's sites, those with open alerts first, then
 * by priority (high first) and case reference. Audited as one read of the caller's case team rows.
 */
public class Caseload {
    private static final Map<String, Integer> PRIORITY_FIRST = Map.of("high", 0, "medium", 1, "standard", 2);

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;

    public Caseload(Jdbi jdbi, Clock clock, AuditLog audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /** As the home page shows it. */
    public List<CaseloadRow> rows(Caller caller) {
        return of(caller).stream().map(CaseloadRow::of).toList();
    }

    public List<CaseloadEntry> of(Caller caller) {
        List<CaseloadEntry> cases =
                jdbi
                        .withExtension(CaseloadDao.class, caseload -> caseload.of(caller.username(), clock.instant()))
                        .stream()
                        .filter(entry -> caller.covers(entry.siteCode()))
                        .sorted(Comparator.comparing((CaseloadEntry entry) -> entry.openAlerts() == 0)
                                .thenComparing(
                                        entry -> PRIORITY_FIRST.getOrDefault(String.valueOf(entry.priority()), 3))
                                .thenComparing(CaseloadEntry::caseRef)
                                .thenComparing(CaseloadEntry::teamRole))
                        .toList();
        audit.read(caller, CaseTeams.RESOURCE, null, null);
        return cases;
    }
}
