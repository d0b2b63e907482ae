package org.desist.cohort;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.desist.api.Paging;
import org.desist.errors.ProblemException;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

public class CohortService {
    private final Jdbi jdbi;
    private final Clock clock;

    public CohortService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Cohort open(NewCohort request) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn");
        }
        return jdbi.inTransaction(handle -> {
            if (handle.attach(SiteDao.class).find(request.siteCode()).isEmpty()) {
                throw ProblemException.invalid("siteCode", "is not a known site");
            }
            CohortDao cohorts = handle.attach(CohortDao.class);
            String id = UUID.randomUUID().toString();
            cohorts.insert(id, request.siteCode(), request.name(), request.startsOn(), request.endsOn(),
                    request.target(), clock.instant());
            return cohorts.find(id).orElseThrow();
        });
    }

    public Cohort get(String id) {
        return jdbi.withExtension(CohortDao.class, cohorts -> cohorts.find(id))
                .orElseThrow(() -> ProblemException.notFound("cohort", id));
    }

    public List<Cohort> list(String siteCode, Paging paging) {
        return jdbi.withExtension(CohortDao.class, cohorts -> cohorts.list(siteCode, paging.fetch(), paging.getOffset()));
    }
}
