package org.desist.attention.sweep;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.db.IsoTimeColumns;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The time-based rules (docs/attention.md): what has become due by the clock rather than by a write, found by SQL
 * over the live records and turned into alerts through {@link Alerts}. Idempotent: a run raises an alert only
 * where none is open, points an open one anew only at a record that became due after it, and clears only what no
 * longer holds, so a second run at the same time changes nothing. Only the schedule calls it, one instance at a
 * time ({@link SweepSchedule}); tests call it with fixed clocks.
 */
public final class Sweep {
    /** alert.cleared_because when the sweep finds the condition over (the records moved on, or time did). */
    public static final String CONDITION_ENDED = "condition_ended";

    static final int NO_ATTENDED_SESSION_DAYS = 21;
    static final int LEGAL_MEASURE_ENDING_DAYS = 14;
    static final int ONWARD_REFERRAL_STALLED_DAYS = 28;

    private final Jdbi jdbi;
    private final Clock clock;
    private final WorkingDays workingDays;

    public Sweep(Jdbi jdbi, Clock clock, Set<LocalDate> holidays) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.workingDays = new WorkingDays(holidays);
    }

    /** What one run did to one rule's alerts. */
    public record Outcome(Rule rule, int raised, int pointedAnew, int cleared) {
        public boolean changedAnything() {
            return raised + pointedAnew + cleared > 0;
        }
    }

    /** One sweep of every time-based rule, as of the clock's now (the programme's date in London). */
    public List<Outcome> run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ProgrammeClock.ZONE);
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(apply(Rule.no_attended_session, handle -> noAttendedSession(handle, today), now));
        outcomes.add(apply(Rule.plan_action_overdue, handle -> planActionOverdue(handle, today), now));
        outcomes.add(apply(Rule.legal_measure_ending, handle -> legalMeasureEnding(handle, today), now));
        outcomes.add(apply(Rule.referral_awaiting_review, handle -> referralAwaitingReview(handle, today), now));
        outcomes.add(apply(Rule.onward_referral_stalled, handle -> onwardReferralStalled(handle, today), now));
        return outcomes;
    }

    /** Participant id → the record an alert should name: of a case's records that are due, the newest. */
    private interface Due {
        Map<String, Alerts.Cause> find(Handle handle);
    }

    private record Open(String recordId, LocalDate occurredOn) {}

    /**
     * The reads run outside a transaction, so a sweep with nothing to change takes no write lock (SQLite has one);
     * the changes, when there are any, run in one transaction that reads the open alerts again.
     */
    private Outcome apply(Rule rule, Due due, Instant now) {
        Map<String, Alerts.Cause> causes = jdbi.withHandle(due::find);
        if (changes(rule, causes, jdbi.withHandle(handle -> open(handle, rule))).isEmpty()) {
            return new Outcome(rule, 0, 0, 0);
        }
        return jdbi.inTransaction(handle -> {
            Changes changes = changes(rule, causes, open(handle, rule));
            int raised = 0;
            for (String participantId : changes.raise()) {
                raised += Alerts.raise(handle, participantId, rule, causes.get(participantId), now)
                                .isPresent()
                        ? 1
                        : 0;
            }
            for (String participantId : changes.pointAnew()) {
                Alerts.raise(handle, participantId, rule, causes.get(participantId), now);
            }
            int cleared = 0;
            for (String participantId : changes.clear()) {
                cleared += Alerts.clear(handle, participantId, rule, CONDITION_ENDED, now) ? 1 : 0;
            }
            return new Outcome(rule, raised, changes.pointAnew().size(), cleared);
        });
    }

    private record Changes(List<String> raise, List<String> pointAnew, List<String> clear) {
        boolean isEmpty() {
            return raise.isEmpty() && pointAnew.isEmpty() && clear.isEmpty();
        }
    }

    /**
     * Raise where due and none is open; point an open alert anew (Alerts.raise does: no second alert, no second
     * email, acknowledgements undone) only when a different record became due after the one it names, which is a
     * further occurrence; clear what is open and no longer due. Anything else is already as it should be.
     */
    private static Changes changes(Rule rule, Map<String, Alerts.Cause> causes, Map<String, Open> open) {
        List<String> raise = new ArrayList<>();
        List<String> pointAnew = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        causes.forEach((participantId, cause) -> {
            Open alert = open.get(participantId);
            if (alert == null) {
                raise.add(participantId);
            } else if (!cause.recordId().equals(alert.recordId())
                    && (alert.occurredOn() == null || cause.occurredOn().isAfter(alert.occurredOn()))) {
                pointAnew.add(participantId);
            }
        });
        open.keySet().stream().filter(id -> !causes.containsKey(id)).forEach(clear::add);
        return new Changes(raise, pointAnew, clear);
    }

    private static Map<String, Open> open(Handle handle, Rule rule) {
        Map<String, Open> open = new LinkedHashMap<>();
        handle.createQuery("SELECT participant_id, record_id, occurred_on FROM alert"
                        + " WHERE rule = :rule AND cleared_at IS NULL")
                .bind("rule", rule.name())
                .map((rs, context) -> {
                    String on = rs.getString("occurred_on");
                    return Map.entry(
                            rs.getString("participant_id"),
                            new Open(rs.getString("record_id"), on == null ? null : LocalDate.parse(on)));
                })
                .forEach(entry -> open.put(entry.getKey(), entry.getValue()));
        return open;
    }

    /**
     * Enrolled, and no attended or late session for 21 days, counted from the later of the last one and the day
     * enrolled. The alert names the enrolment and the day the count runs from.
     */
    private static Map<String, Alerts.Cause> noAttendedSession(Handle handle, LocalDate today) {
        LocalDate from = today.minusDays(NO_ATTENDED_SESSION_DAYS);
        // an attended session on any day after `from` (London) breaks the silence
        String since = IsoTimeColumns.format(
                from.plusDays(1).atStartOfDay(ProgrammeClock.ZONE).toInstant());
        Map<String, Alerts.Cause> due = new LinkedHashMap<>();
        handle.createQuery("SELECT e.participant_id, e.id, COALESCE(e.enrolled_on, e.state_on) AS enrolled_on,"
                        + " (SELECT MAX(s.scheduled_at) FROM active_session s WHERE s.participant_id ="
                        + " e.participant_id AND s.outcome IN ('attended', 'late')) AS last_attended"
                        + " FROM enrolment e JOIN participant p ON p.id = e.participant_id"
                        + " WHERE e.is_open = 1 AND e.state = 'enrolled' AND p.merged_into IS NULL"
                        + " AND COALESCE(e.enrolled_on, e.state_on) <= :from"
                        + " AND NOT EXISTS (SELECT 1 FROM active_session s WHERE s.participant_id = e.participant_id"
                        + " AND s.outcome IN ('attended', 'late') AND s.scheduled_at >= :since)"
                        + " ORDER BY e.participant_id")
                .bind("from", from.toString())
                .bind("since", since)
                .map((rs, context) -> {
                    LocalDate counted = LocalDate.parse(rs.getString("enrolled_on"));
                    String attended = rs.getString("last_attended");
                    if (attended != null) {
                        LocalDate last = LocalDate.ofInstant(Instant.parse(attended), ProgrammeClock.ZONE);
                        counted = last.isAfter(counted) ? last : counted;
                    }
                    return Map.entry(
                            rs.getString("participant_id"), new Alerts.Cause("enrolment", rs.getString("id"), counted));
                })
                .forEach(entry -> due.putIfAbsent(entry.getKey(), entry.getValue()));
        return due;
    }

    /** A live plan action still open the day after its due date; the alert names the one due last, and that date. */
    private static Map<String, Alerts.Cause> planActionOverdue(Handle handle, LocalDate today) {
        return newestPerCase(
                handle.createQuery("SELECT a.participant_id, a.id, a.due_on AS occurred_on FROM active_plan_action a"
                                + " JOIN participant p ON p.id = a.participant_id"
                                + " WHERE a.state = 'open' AND a.due_on < :today AND p.merged_into IS NULL"
                                + " ORDER BY a.participant_id, a.due_on DESC, a.id DESC")
                        .bind("today", today.toString()),
                "plan_action");
    }

    /**
     * A live legal measure ending between today and 14 days on, both counted; the alert names the one ending last
     * (the latest to come within the window), and its end date.
     */
    private static Map<String, Alerts.Cause> legalMeasureEnding(Handle handle, LocalDate today) {
        return newestPerCase(
                handle.createQuery("SELECT m.participant_id, m.id, m.until_date AS occurred_on"
                                + " FROM active_legal_measure m JOIN participant p ON p.id = m.participant_id"
                                + " WHERE m.until_date >= :today AND m.until_date <= :horizon"
                                + " AND p.merged_into IS NULL"
                                + " ORDER BY m.participant_id, m.until_date DESC, m.id DESC")
                        .bind("today", today.toString())
                        .bind(
                                "horizon",
                                today.plusDays(LEGAL_MEASURE_ENDING_DAYS).toString()),
                "legal_measure");
    }

    /**
     * A referral still awaiting review more than one working day after it was received (WorkingDays); the alert
     * names the one received last, and the day received.
     */
    private Map<String, Alerts.Cause> referralAwaitingReview(Handle handle, LocalDate today) {
        return workingDays
                .latestOverdueReceipt(today)
                .map(cutoff -> newestPerCase(
                        handle.createQuery("SELECT r.participant_id, r.id, r.received_on AS occurred_on FROM referral r"
                                        + " JOIN participant p ON p.id = r.participant_id"
                                        + " WHERE r.status = 'awaiting_review' AND r.received_on <= :cutoff"
                                        + " AND p.merged_into IS NULL"
                                        + " ORDER BY r.participant_id, r.received_on DESC, r.id DESC")
                                .bind("cutoff", cutoff.toString()),
                        "referral"))
                .orElseGet(Map::of);
    }

    /**
     * A live onward referral that can still move (made, accepted, engaged) whose last move was 28 or more days ago;
     * the alert names the one that moved last, and the day of that move.
     */
    private static Map<String, Alerts.Cause> onwardReferralStalled(Handle handle, LocalDate today) {
        return newestPerCase(
                handle.createQuery("SELECT s.participant_id, s.id, s.state_on AS occurred_on"
                                + " FROM active_service_referral s JOIN participant p ON p.id = s.participant_id"
                                + " WHERE s.state IN ('made', 'accepted', 'engaged') AND s.state_on <= :cutoff"
                                + " AND p.merged_into IS NULL"
                                + " ORDER BY s.participant_id, s.state_on DESC, s.id DESC")
                        .bind(
                                "cutoff",
                                today.minusDays(ONWARD_REFERRAL_STALLED_DAYS).toString()),
                "service_referral");
    }

    /** The first row of each participant, rows ordered newest first within a participant. */
    private static Map<String, Alerts.Cause> newestPerCase(Query query, String recordType) {
        Map<String, Alerts.Cause> due = new LinkedHashMap<>();
        query.map((rs, context) -> Map.entry(
                        rs.getString("participant_id"),
                        new Alerts.Cause(recordType, rs.getString("id"), LocalDate.parse(rs.getString("occurred_on")))))
                .forEach(entry -> due.putIfAbsent(entry.getKey(), entry.getValue()));
        return due;
    }
}
