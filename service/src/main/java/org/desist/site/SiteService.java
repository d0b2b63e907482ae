package org.desist.site;

import java.time.Clock;
import java.util.List;
import org.desist.listing.PageRequest;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Jdbi;

public class SiteService {
    private final Jdbi jdbi;
    private final Clock clock;

    public SiteService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Site open(NewSite request) {
        return jdbi.inTransaction(handle -> {
            SiteDao sites = handle.attach(SiteDao.class);
            if (sites.find(request.code()).isPresent()) {
                throw new Refusal.Conflict("A site with code '" + request.code() + "' already exists");
            }
            Site site = new Site(request.code(), request.name(), request.model(), clock.instant());
            sites.insert(site);
            return sites.find(site.code()).orElseThrow();
        });
    }

    public Site get(String code) {
        return jdbi.withExtension(SiteDao.class, sites -> sites.find(code))
                .orElseThrow(() -> new Refusal.NotFound("site", code));
    }

    public List<Site> list(PageRequest paging) {
        return jdbi.withExtension(SiteDao.class, sites -> sites.list(paging.fetch(), paging.offset()));
    }
}
