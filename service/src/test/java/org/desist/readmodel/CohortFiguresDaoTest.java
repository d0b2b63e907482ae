package org.desist.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.readmodel.CaseRows.COHORT;
import static org.desist.readmodel.CaseRows.SITE;
import static org.desist.readmodel.CaseRows.columns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.desist.access.SiteScope;
import org.desist.readmodel.CohortFiguresDao.Count;
import org.desist.readmodel.CohortFiguresDao.FollowUp;
import org.desist.readmodel.CohortFiguresDao.MonthCount;
import org.desist.readmodel.CohortFiguresDao.Moved;
import org.desist.readmodel.CohortFiguresDao.Onward;
import org.desist.readmodel.CohortFiguresDao.Review;
import org.desist.readmodel.CohortFiguresDao.RiskMovement;
import org.desist.readmodel.CohortFiguresDao.Sessions;
import org.desist.readmodel.CohortFiguresDao.StateDays;
import org.desist.readmodel.CohortFiguresDao.Target;
import org.desist.session.AttendanceTotals;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each query of the programme figures on a migrated database, for a cohort and for its site: exact counts of
 * the live records. Beside the shared case (whose records entered in error each read would pick if it counted
 * them) a second participant left the cohort, with a reoffence after the exit and, entered in error, an
 * earlier one and an incident during the programme; and a review entered in error would move every rating up.
 */
class CohortFiguresDaoTest {
    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-12-31");
    private static final String LEFT = "p-2";
    private static CaseRows rows;

    @BeforeAll
    static void writeCase() throws Exception {
        rows = CaseRows.twinned();
        rows.enteredInError(
                "desistance_review",
                "r-up-void",
                "reviewed_on",
                "2026-06-01",
                "risk_violence",
                "high",
                "risk_persistence",
                "high",
                "risk_recurrence",
                "high",
                "risk_psychosocial_damage",
                "high");
        rows.participant(LEFT, "LDN-2026-0002");
        rows.insert(
                "enrolment",
                columns(
                        "id",
                        "enr-2",
                        "participant_id",
                        LEFT,
                        "cohort_id",
                        COHORT,
                        "state",
                        "completed",
                        "state_on",
                        "2026-03-10",
                        "is_open",
                        0,
                        "enrolled_on",
                        "2026-02-01",
                        "created_at",
                        "2026-01-06T09:00:00Z"));
        rows.liveOf(LEFT, "incident", "i2-charge", "kind", "charge", "occurred_on", "2026-04-01");
        rows.enteredInErrorOf(
                LEFT, "incident", "i2-conviction-void", "kind", "conviction", "occurred_on", "2026-03-20");
        rows.enteredInErrorOf(LEFT, "incident", "i2-during-void", "kind", "arrest", "occurred_on", "2026-02-15");
        // the running totals the session figures read, as the writes of sessions would have moved them
        rows.jdbi().useHandle(AttendanceTotals::rebuild);
    }

    @AfterAll
    static void close() throws Exception {
        rows.close();
    }

    private static <T> List<T> ofCohort(BiFunction<CohortFiguresDao, Handle, List<T>> query) {
        Population cohort =
                Population.cohort(COHORT, SITE, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        return rows.jdbi().withHandle(handle -> query.apply(new CohortFiguresDao(cohort, FROM, TO), handle));
    }

    private static <T> List<T> ofSites(List<String> sites, BiFunction<CohortFiguresDao, Handle, List<T>> query) {
        Population population = Population.sites(new SiteScope(false, sites));
        return rows.jdbi().withHandle(handle -> query.apply(new CohortFiguresDao(population, FROM, TO), handle));
    }

    @Test
    void referrals_received_and_reviewed() {
        assertThat(ofCohort(CohortFiguresDao::received)).containsExactly(new Count(COHORT, "police", 1));
        assertThat(ofCohort(CohortFiguresDao::reviewed))
                .containsExactly(
                        new Review(COHORT, "high", LocalDate.parse("2026-01-03"), LocalDate.parse("2026-01-04"), 1));
        assertThat(ofSites(List.of(SITE), CohortFiguresDao::received)).containsExactly(new Count(SITE, "police", 1));
    }

    @Test
    void enrolments_by_state_month_and_exit_against_the_target() {
        assertThat(ofCohort(CohortFiguresDao::enrolmentStates))
                .containsExactlyInAnyOrder(new Count(COHORT, "completed", 1), new Count(COHORT, "enrolled", 1));
        assertThat(ofCohort(CohortFiguresDao::enrolledByMonth))
                .containsExactlyInAnyOrder(
                        new MonthCount(COHORT, YearMonth.parse("2026-01"), 1),
                        new MonthCount(COHORT, YearMonth.parse("2026-02"), 1));
        assertThat(ofCohort(CohortFiguresDao::exits)).containsExactly(new Count(COHORT, "completed", 1));
        LocalDate endsOn = LocalDate.parse("2026-12-31");
        assertThat(ofCohort(CohortFiguresDao::targets)).containsExactly(new Target(COHORT, 20, endsOn));
        assertThat(ofSites(List.of(SITE), CohortFiguresDao::targets)).containsExactly(new Target(SITE, 20, endsOn));
    }

    @Test
    void days_in_a_state_from_its_event_to_the_next_and_no_drop_out_among_completions() {
        // the shared case's enrolment was referred on 5 January and enrolled on the 20th (its next event)
        StateDays referred =
                new StateDays(COHORT, "referred", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-20"), 1);
        assertThat(ofCohort(CohortFiguresDao::daysInState)).containsExactly(referred);
        assertThat(ofSites(List.of(SITE), CohortFiguresDao::daysInState))
                .containsExactly(
                        new StateDays(SITE, referred.state(), referred.enteredOn(), referred.leftOn(), referred.n()));
        assertThat(ofCohort(CohortFiguresDao::droppedOut)).isEmpty();
    }

    @Test
    void sites_may_count_only_the_cohorts_running_in_a_period() {
        SiteScope scope = new SiteScope(false, List.of(SITE));
        Population running = Population.sitesRunning(scope, FROM, TO);
        Population later = Population.sitesRunning(scope, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"));
        BiFunction<Population, BiFunction<CohortFiguresDao, Handle, List<Object>>, List<Object>> read =
                (population, query) -> rows.jdbi()
                        .withHandle(handle -> query.apply(new CohortFiguresDao(population, FROM, TO), handle));
        assertThat(read.apply(running, (dao, handle) -> List.copyOf(dao.targets(handle))))
                .containsExactly(new Target(SITE, 20, LocalDate.parse("2026-12-31")));
        assertThat(read.apply(running, (dao, handle) -> List.copyOf(dao.enrolmentStates(handle))))
                .hasSize(2);
        // the cohort of 2026 does not run in 2027: neither its target nor its enrolments count
        assertThat(read.apply(later, (dao, handle) -> List.copyOf(dao.targets(handle))))
                .isEmpty();
        assertThat(read.apply(later, (dao, handle) -> List.copyOf(dao.enrolmentStates(handle))))
                .isEmpty();
        // the site's people still do: the scope counts cohorts, not whom the site serves
        assertThat(read.apply(later, (dao, handle) -> List.copyOf(dao.received(handle))))
                .containsExactly(new Count(SITE, "police", 1));
    }

    @Test
    void sessions_count_the_live_ones_with_an_outcome() {
        Sessions february = new Sessions(null, YearMonth.parse("2026-02"), 1, 0, 0, 0, 4, 1);
        assertThat(ofCohort(CohortFiguresDao::sessions)).containsExactly(withGroup(february, COHORT));
        assertThat(ofSites(List.of(SITE), CohortFiguresDao::sessions)).containsExactly(withGroup(february, SITE));
    }

    @Test
    void onward_referrals_count_the_live_ones() {
        assertThat(ofCohort(CohortFiguresDao::onward)).containsExactly(new Onward(COHORT, "mental_health", 1, 0, 0, 0));
    }

    @Test
    void risk_moves_from_the_first_live_assessment_to_the_latest_live_review() {
        Map<String, Moved> allDown = new LinkedHashMap<>();
        CohortFiguresDao.DOMAINS.forEach(domain -> allDown.put(domain, new Moved(1, 0, 0)));
        assertThat(ofCohort(CohortFiguresDao::riskMovement)).containsExactly(new RiskMovement(COHORT, 1, allDown));
    }

    @Test
    void incidents_during_the_programme_and_the_first_live_reoffence_after_exit() {
        assertThat(ofCohort(CohortFiguresDao::incidents)).containsExactly(new Count(COHORT, "contact_with_victim", 1));
        assertThat(ofCohort(CohortFiguresDao::followUp))
                .containsExactly(new FollowUp(COHORT, LocalDate.parse("2026-03-10"), LocalDate.parse("2026-04-01"), 1));
    }

    @Test
    void nothing_of_a_site_outside_the_scope() {
        List<String> elsewhere = List.of("MAN");
        assertThat(ofSites(elsewhere, CohortFiguresDao::received)).isEmpty();
        assertThat(ofSites(elsewhere, CohortFiguresDao::enrolmentStates)).isEmpty();
        assertThat(ofSites(elsewhere, CohortFiguresDao::sessions)).isEmpty();
        assertThat(ofSites(elsewhere, CohortFiguresDao::riskMovement)).isEmpty();
        assertThat(ofSites(elsewhere, CohortFiguresDao::followUp)).isEmpty();
    }

    private static Sessions withGroup(Sessions row, String group) {
        return new Sessions(
                group,
                row.month(),
                row.attendedOrLate(),
                row.didNotAttend(),
                row.cancelledByParticipant(),
                row.cancelledByService(),
                row.engagementSum(),
                row.engagementRated());
    }
}
