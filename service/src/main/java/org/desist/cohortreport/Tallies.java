package org.desist.cohortreport;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.desist.db.Snapshot;
import org.desist.readmodel.CohortFiguresDao;
import org.desist.readmodel.Population;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** Each group's {@link Tally}, added up from the rows of {@link CohortFiguresDao}. */
final class Tallies {
    private final Jdbi jdbi;
    private final CohortFiguresDao figures;

    Tallies(Jdbi jdbi, Population population, ReportingPeriod period) {
        this.jdbi = jdbi;
        this.figures = new CohortFiguresDao(population, period.from(), period.to());
    }

    /**
     * Every group's tally; groups with nothing recorded are absent. The families of queries are
     * independent and must all see one state of the database (a session recorded meanwhile must not count
     * in one family and not another): {@link Snapshot#readEach} runs them in one snapshot, side by side on
     * the executor where the database can share a snapshot between connections (PostgreSQL), so the report
     * takes about as long as its longest query; one after another in one read transaction on SQLite, whose
     * connections cannot, and which never takes the write lock for it.
     */
    Map<String, Tally> read(Executor executor) {
        List<Family> families = List.of(
                this::referrals,
                this::sessions,
                this::enrolments,
                this::enrolmentMoves,
                this::onwardReferrals,
                this::riskMovement,
                this::incidentsAndFollowUp);
        List<HandleCallback<Map<String, Tally>, RuntimeException>> reads = families.stream()
                .<HandleCallback<Map<String, Tally>, RuntimeException>>map(family -> handle -> {
                    Map<String, Tally> tallies = new TreeMap<>();
                    family.read(handle, tallies);
                    return tallies;
                })
                .toList();
        Map<String, Tally> tallies = new TreeMap<>();
        for (Map<String, Tally> family : Snapshot.readEach(jdbi, reads, executor)) {
            family.forEach((group, tally) ->
                    tallies.computeIfAbsent(group, key -> new Tally()).add(tally));
        }
        return tallies;
    }

    @FunctionalInterface
    private interface Family {
        void read(Handle handle, Map<String, Tally> tallies);
    }

    private void sessions(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.Sessions row : figures.sessions(handle)) {
            Tally.Outcomes month = tally(tallies, row.group()).month(row.month());
            month.attendedOrLate += row.attendedOrLate();
            month.didNotAttend += row.didNotAttend();
            month.cancelledByParticipant += row.cancelledByParticipant();
            month.cancelledByService += row.cancelledByService();
            month.engagementSum += row.engagementSum();
            month.engagementRated += row.engagementRated();
        }
    }

    private void referrals(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.Count row : figures.received(handle)) {
            tally(tallies, row.group()).receivedBySource.merge(row.category(), row.n(), Integer::sum);
        }
        for (CohortFiguresDao.Review row : figures.reviewed(handle)) {
            Tally tally = tally(tallies, row.group());
            tally.reviewedByPriority.merge(row.priority(), row.n(), Integer::sum);
            int days = (int) ChronoUnit.DAYS.between(row.receivedOn(), row.reviewedOn());
            tally.daysToReview.merge(days, row.n(), Integer::sum);
        }
    }

    private void enrolments(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.Count row : figures.enrolmentStates(handle)) {
            tally(tallies, row.group()).enrolmentsByState.merge(row.category(), row.n(), Integer::sum);
        }
        for (CohortFiguresDao.MonthCount row : figures.enrolledByMonth(handle)) {
            tally(tallies, row.group()).enrolledInMonth.merge(row.month(), row.n(), Integer::sum);
        }
        for (CohortFiguresDao.Target row : figures.targets(handle)) {
            Tally tally = tally(tallies, row.group());
            tally.target += row.target();
            tally.endsOn(row.endsOn());
        }
        for (CohortFiguresDao.Count row : figures.exits(handle)) {
            tally(tallies, row.group()).exitsByState.merge(row.category(), row.n(), Integer::sum);
        }
    }

    /** What the enrolments' histories (their events) tell: why drop-outs left, how long each state lasted. */
    private void enrolmentMoves(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.Count row : figures.droppedOut(handle)) {
            tally(tallies, row.group()).droppedOutByReason.merge(row.category(), row.n(), Integer::sum);
        }
        for (CohortFiguresDao.StateDays row : figures.daysInState(handle)) {
            int days = (int) ChronoUnit.DAYS.between(row.enteredOn(), row.leftOn());
            tally(tallies, row.group()).daysIn(row.state()).merge(days, row.n(), Integer::sum);
        }
    }

    private void onwardReferrals(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.Onward row : figures.onward(handle)) {
            Tally.Onward onward = tally(tallies, row.group()).service(row.service());
            onward.made += row.made();
            onward.accepted += row.accepted();
            onward.engaged += row.engaged();
            onward.completed += row.completed();
        }
    }

    private void riskMovement(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.RiskMovement row : figures.riskMovement(handle)) {
            Tally tally = tally(tallies, row.group());
            tally.riskCompared += row.compared();
            row.byDomain().forEach((domain, moved) -> {
                int[] counts = tally.domain(domain);
                counts[0] += moved.down();
                counts[1] += moved.same();
                counts[2] += moved.up();
            });
        }
    }

    private void incidentsAndFollowUp(Handle handle, Map<String, Tally> tallies) {
        for (CohortFiguresDao.Count row : figures.incidents(handle)) {
            tally(tallies, row.group()).incidentsByKind.merge(row.category(), row.n(), Integer::sum);
        }
        for (CohortFiguresDao.FollowUp row : figures.followUp(handle)) {
            tally(tallies, row.group())
                    .exitsFollowed
                    .merge(new Tally.FollowUp(row.exitOn(), row.reoffendedOn()), row.n(), Integer::sum);
        }
    }

    private static Tally tally(Map<String, Tally> tallies, String group) {
        return tallies.computeIfAbsent(group, key -> new Tally());
    }
}
