package org.desist.cohortreport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.desist.access.AccessPolicy;
import org.desist.access.SiteScope;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.cohort.Cohort;
import org.desist.cohort.CohortService;
import org.desist.readmodel.Population;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.desist.site.Model;
import org.desist.site.Site;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The cohort report and the programme comparison: aggregates read in SQL, figures derived from them,
 * small numbers suppressed unless a programme lead asks otherwise (audited as an export). Figures are
 * programme data, not case data: a plain read is not audited, and a lead bound to sites sees only theirs.
 */
public class CohortFigures {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final CohortService cohorts;
    private final Executor queries;

    /** {@code queries} runs a report's independent queries side by side (see {@link Tallies#read}). */
    public CohortFigures(Jdbi jdbi, Clock clock, AuditLog audit, CohortService cohorts, Executor queries) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.cohorts = cohorts;
        this.queries = queries;
    }

    /** Defaults to the cohort's start (or today, for a cohort yet to start) up to today. */
    public CohortReport report(Caller caller, String cohortId, LocalDate from, LocalDate to, boolean unsuppressed) {
        Cohort cohort = cohorts.get(caller, cohortId);
        requireMayUnsuppress(caller, unsuppressed, "cohort_report", cohortId);
        LocalDate today = LocalDate.now(clock);
        ReportingPeriod period =
                ReportingPeriod.of(from, to, cohort.startsOn().isAfter(today) ? today : cohort.startsOn(), today);
        Map<String, Tally> tallies = new Tallies(
                        jdbi,
                        Population.cohort(cohort.id(), cohort.siteCode(), cohort.startsOn(), cohort.endsOn()),
                        period)
                .read(queries);
        Site site = jdbi.withExtension(SiteDao.class, sites -> sites.find(cohort.siteCode()))
                .orElseThrow();
        List<FigureRow> rows = FigureSheet.of(tallies.getOrDefault(cohort.id(), new Tally()), period, today)
                .rows("cohort", cohort.id(), !unsuppressed);
        if (unsuppressed) {
            audit.export(caller, "cohort_report", cohortId, null);
        }
        return new CohortReport(
                new CohortReport.Header(
                        cohort.id(),
                        cohort.name(),
                        site.code(),
                        site.name(),
                        site.model(),
                        cohort.startsOn(),
                        cohort.endsOn(),
                        cohort.target()),
                period.from(),
                period.to(),
                today,
                !unsuppressed,
                rows);
    }

    /** Each site the caller covers, then each model those sites run (the sum of its sites), programme to date. */
    public ProgrammeComparison comparison(Caller caller, LocalDate from, LocalDate to, boolean unsuppressed) {
        return comparison(caller, from, to, unsuppressed, ComparisonScope.programme);
    }

    /**
     * As above, counting the enrolments, targets and end dates of the cohorts the scope takes: every cohort of
     * each site, or only those whose dates overlap the period.
     */
    public ProgrammeComparison comparison(
            Caller caller, LocalDate from, LocalDate to, boolean unsuppressed, ComparisonScope scope) {
        requireMayUnsuppress(caller, unsuppressed, "programme_comparison", null);
        LocalDate today = LocalDate.now(clock);
        ReportingPeriod period = ReportingPeriod.of(from, to, null, null);
        SiteScope sitesSeen = SiteScope.of(caller);
        Population population =
                switch (scope) {
                    case programme -> Population.sites(sitesSeen);
                    case period -> Population.sitesRunning(sitesSeen, period.from(), period.to());
                };
        Map<String, Tally> tallies = new Tallies(jdbi, population, period).read(queries);
        List<Site> sites = jdbi.withExtension(SiteDao.class, all -> all.list(Integer.MAX_VALUE, 0)).stream()
                .filter(site -> caller.covers(site.code()))
                .toList();

        List<ProgrammeComparison.Group> groups = new ArrayList<>();
        List<FigureRow> rows = new ArrayList<>();
        Map<Model, Tally> models = new EnumMap<>(Model.class);
        for (Site site : sites) {
            Tally tally = tallies.getOrDefault(site.code(), new Tally());
            models.computeIfAbsent(site.model(), model -> new Tally()).add(tally);
            groups.add(new ProgrammeComparison.Group("site", site.code(), site.name(), site.model()));
            rows.addAll(FigureSheet.of(tally, period, today).rows("site", site.code(), !unsuppressed));
        }
        models.forEach((model, tally) -> {
            groups.add(new ProgrammeComparison.Group("model", model.name(), model.name(), model));
            rows.addAll(FigureSheet.of(tally, period, today).rows("model", model.name(), !unsuppressed));
        });
        if (unsuppressed) {
            audit.export(caller, "programme_comparison", null, null);
        }
        return new ProgrammeComparison(period.from(), period.to(), today, scope, !unsuppressed, groups, rows);
    }

    /** Unsuppressed figures are for programme leads alone; anyone else asking is refused and audited. */
    private void requireMayUnsuppress(Caller caller, boolean unsuppressed, String resourceType, String id) {
        if (unsuppressed && !AccessPolicy.seesUnsuppressedFigures(caller.user())) {
            audit.denied(caller, resourceType, id, null, Outcome.FORBIDDEN);
            throw new Refusal.Forbidden(
                    "Only a programme lead may see unsuppressed figures",
                    List.of(new FieldReason("unsuppressed", "is for programme leads only")));
        }
    }
}
