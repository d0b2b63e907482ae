package org.desist.cohort;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.desist.access.SiteScope;
import org.desist.auth.Caller;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.refusal.Refusal;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

/** Cohorts are programme data, not case data: scoped to the caller's sites but not audited. */
public class CohortService {
    private final Jdbi jdbi;
    private final Clock clock;

    public CohortService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Cohort open(Caller caller, NewCohort request) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw new Refusal.Invalid("endsOn", "must not be before startsOn");
        }
        return jdbi.inTransaction(handle -> {
            if (!caller.covers(request.siteCode())
                    || handle.attach(SiteDao.class).find(request.siteCode()).isEmpty()) {
                throw new Refusal.Invalid("siteCode", "is not a known site");
            }
            CohortDao cohorts = handle.attach(CohortDao.class);
            String id = UUID.randomUUID().toString();
            cohorts.insert(
                    id,
                    request.siteCode(),
                    request.name(),
                    request.startsOn(),
                    request.endsOn(),
                    request.target(),
                    clock.instant());
            return cohorts.find(id).orElseThrow();
        });
    }

    public Cohort get(Caller caller, String id) {
        return jdbi.withExtension(CohortDao.class, cohorts -> cohorts.find(id))
                .filter(cohort -> caller.covers(cohort.siteCode()))
                .orElseThrow(() -> new Refusal.NotFound("cohort", id));
    }

    public List<Cohort> list(Caller caller, String siteCode, Period startsOn, PageRequest paging) {
        SiteScope scope = SiteScope.of(caller);
        return jdbi.withExtension(
                CohortDao.class,
                cohorts -> cohorts.list(
                        siteCode,
                        startsOn.from(),
                        startsOn.to(),
                        scope.allSites(),
                        scope.sites(),
                        paging.fetch(),
                        paging.offset()));
    }
}
