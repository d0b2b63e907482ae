package org.desist.readmodel;

import static org.desist.readmodel.CountingRules.inScope;

import java.time.LocalDate;
import java.util.List;
import org.desist.access.SiteScope;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Whose records a figure counts, and under which group: the figures' SQL reads three derived tables a
 * population defines — {@code pop(participant_id, grp)}, {@code enr(id, participant_id, state,
 * state_on, enrolled_on, grp)} and {@code ref(received_on, reviewed_on, source, priority, status, grp)}
 * — so every figure has one SQL text whether it is counted for a cohort or for each site.
 *
 * <ul>
 * <li>A cohort: the participants enrolled in it, its enrolments, and the referrals its site received
 *     between the cohort's start and end dates (its intake).</li>
 * <li>Sites: each site's participants (not those merged into another: the survivor holds their records),
 *     the enrolments in its cohorts (all of them, or only those running in a period) and the referrals it
 *     received; a model is the sum of its sites.</li>
 * </ul>
 */
public final class Population {
    private final String participants;
    private final String enrolments;
    private final String referrals;
    private final CohortRef cohort;
    private final SiteScope scope;
    private final CohortsRunning running;

    /** The cohort a population is, as its derived tables bind it. */
    private record CohortRef(String id, String siteCode, LocalDate startsOn, LocalDate endsOn) {}

    /** The dates a site's cohorts must overlap for their enrolments, targets and end dates to count. */
    private record CohortsRunning(LocalDate from, LocalDate to) {}

    /** Keeps a cohort (aliased {@code c}) whose dates overlap the bound ones. */
    private static final String RUNNING = " AND c.starts_on <= :cohortsTo AND c.ends_on >= :cohortsFrom";

    private Population(
            String participants,
            String enrolments,
            String referrals,
            CohortRef cohort,
            SiteScope scope,
            CohortsRunning running) {
        this.participants = participants;
        this.enrolments = enrolments;
        this.referrals = referrals;
        this.cohort = cohort;
        this.scope = scope;
        this.running = running;
    }

    /** A cohort's population: its id, its site, and the dates of its intake. */
    public static Population cohort(String id, String siteCode, LocalDate startsOn, LocalDate endsOn) {
        return new Population(
                "SELECT DISTINCT e.participant_id, e.cohort_id AS grp FROM enrolment e WHERE e.cohort_id = :cohortId",
                "SELECT e.id, e.participant_id, e.state, e.state_on, e.enrolled_on, e.cohort_id AS grp FROM enrolment e"
                        + " WHERE e.cohort_id = :cohortId",
                "SELECT r.received_on, r.reviewed_on, r.source, r.priority, r.status, :cohortId AS grp FROM referral r"
                        + " WHERE r.site_code = :cohortSite AND r.received_on BETWEEN :cohortStart AND :cohortEnd",
                new CohortRef(id, siteCode, startsOn, endsOn),
                null,
                null);
    }

    /** The sites in scope, counting the enrolments and targets of every cohort they have run (programme to date). */
    public static Population sites(SiteScope scope) {
        return sites(scope, null);
    }

    /**
     * The sites in scope, counting only the enrolments, targets and end dates of their cohorts whose dates overlap
     * the period from one day to another (both inclusive). Participants and referrals are the sites' as before:
     * a cohort is a way of counting enrolments, not a boundary of who the site serves.
     */
    public static Population sitesRunning(SiteScope scope, LocalDate from, LocalDate to) {
        return sites(scope, new CohortsRunning(from, to));
    }

    private static Population sites(SiteScope scope, CohortsRunning running) {
        String cohorts = running == null ? "" : RUNNING;
        return new Population(
                "SELECT p.id AS participant_id, p.site_code AS grp FROM participant p WHERE " + inScope("p.site_code")
                        + " AND p.merged_into IS NULL",
                "SELECT e.id, e.participant_id, e.state, e.state_on, e.enrolled_on, c.site_code AS grp FROM enrolment e"
                        + " JOIN cohort c ON c.id = e.cohort_id WHERE " + inScope("c.site_code") + cohorts,
                "SELECT r.received_on, r.reviewed_on, r.source, r.priority, r.status, r.site_code AS grp FROM referral r"
                        + " WHERE " + inScope("r.site_code"),
                null,
                scope,
                running);
    }

    boolean isCohort() {
        return cohort != null;
    }

    /** The condition keeping the cohorts (aliased {@code c}) whose enrolments and targets count: "" for all. */
    String cohortsCounted() {
        return running == null ? "" : RUNNING;
    }

    /** The WITH clause defining the derived tables a query reads. */
    String with(String... tables) {
        StringBuilder with = new StringBuilder("WITH ");
        for (int i = 0; i < tables.length; i++) {
            String definition =
                    switch (tables[i]) {
                        case "pop" -> participants;
                        case "enr" -> enrolments;
                        case "ref" -> referrals;
                        default -> throw new IllegalArgumentException("No derived table " + tables[i]);
                    };
            with.append(i == 0 ? "" : ", ")
                    .append(tables[i])
                    .append(" AS (")
                    .append(definition)
                    .append(')');
        }
        return with.append(' ').toString();
    }

    /** Binds what the population's derived tables need; a query need not read all of them. */
    <T extends SqlStatement<T>> T bind(T statement) {
        statement.configure(SqlStatements.class, config -> config.setUnusedBindingAllowed(true));
        if (cohort != null) {
            return statement
                    .bind("cohortId", cohort.id())
                    .bind("cohortSite", cohort.siteCode())
                    .bind("cohortStart", cohort.startsOn())
                    .bind("cohortEnd", cohort.endsOn())
                    .bind("allSites", false)
                    .bindList("sites", List.of(cohort.siteCode()));
        }
        if (running != null) {
            statement.bind("cohortsFrom", running.from()).bind("cohortsTo", running.to());
        }
        return statement.bind("allSites", scope.allSites()).bindList("sites", scope.sites());
    }
}
