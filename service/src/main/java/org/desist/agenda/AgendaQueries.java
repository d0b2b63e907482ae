package org.desist.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the daily review agenda reads of one site, each part in a query of its own so that a part the caller may
 * not read is never read at all. Only live records (the active_ views); no free text but a plan action's own words,
 * which its readers see on the plan anyway.
 */
public interface AgendaQueries {

    record AwaitingRow(String id, String participantId, String caseRef, LocalDate receivedOn, String source) {}

    record IncidentRow(
            String id, String participantId, String caseRef, LocalDate occurredOn, String kind, String source) {}

    record ReviewRow(
            String id,
            String participantId,
            String caseRef,
            LocalDate reviewedOn,
            String violence,
            String persistence,
            String recurrence,
            String psychosocialDamage,
            int fixation) {}

    record OverdueRow(
            String id,
            String participantId,
            String caseRef,
            String action,
            String agency,
            String owner,
            LocalDate dueOn) {}

    record EndingRow(
            String id, String participantId, String caseRef, String kind, LocalDate fromDate, LocalDate untilDate) {}

    record AlertRow(
            String id,
            String participantId,
            String caseRef,
            String rule,
            String recordType,
            String recordId,
            LocalDate occurredOn,
            Instant raisedAt) {}

    @SqlQuery("SELECT name FROM site WHERE code = :site")
    String siteName(@Bind("site") String siteCode);

    /** Referrals received by the day and still waiting, oldest first (as the review queue takes them). */
    @SqlQuery("SELECT r.id, r.participant_id, p.case_ref, r.received_on, r.source FROM referral r"
            + " JOIN participant p ON p.id = r.participant_id"
            + " WHERE r.site_code = :site AND r.status = 'awaiting_review' AND r.received_on <= :date"
            + " ORDER BY r.received_on, r.created_at, r.id")
    @RegisterConstructorMapper(AwaitingRow.class)
    List<AwaitingRow> awaitingReview(@Bind("site") String siteCode, @Bind("date") LocalDate date);

    @SqlQuery("SELECT i.id, i.participant_id, p.case_ref, i.occurred_on, i.kind, i.source FROM active_incident i"
            + " JOIN participant p ON p.id = i.participant_id"
            + " WHERE p.site_code = :site AND i.occurred_on >= :since AND i.occurred_on <= :date"
            + " ORDER BY i.occurred_on, p.case_ref, i.recorded_at, i.id")
    @RegisterConstructorMapper(IncidentRow.class)
    List<IncidentRow> incidents(
            @Bind("site") String siteCode, @Bind("since") LocalDate since, @Bind("date") LocalDate date);

    /**
     * Every review up to the day of each case that had one in the period, in order per case: whether a review
     * raised a domain is judged against the one before it, which may lie before the period.
     */
    @SqlQuery("SELECT d.id, d.participant_id, p.case_ref, d.reviewed_on, d.risk_violence AS violence,"
            + " d.risk_persistence AS persistence, d.risk_recurrence AS recurrence,"
            + " d.risk_psychosocial_damage AS psychosocial_damage, d.fixation FROM active_desistance_review d"
            + " JOIN participant p ON p.id = d.participant_id"
            + " WHERE p.site_code = :site AND d.reviewed_on <= :date AND d.participant_id IN (SELECT w.participant_id"
            + " FROM active_desistance_review w WHERE w.reviewed_on >= :since AND w.reviewed_on <= :date)"
            + " ORDER BY p.case_ref, d.reviewed_on, d.recorded_at, d.id")
    @RegisterConstructorMapper(ReviewRow.class)
    List<ReviewRow> reviews(
            @Bind("site") String siteCode, @Bind("since") LocalDate since, @Bind("date") LocalDate date);

    /** Overdue as the plan has it: open and due before the day. */
    @SqlQuery(
            "SELECT a.id, a.participant_id, p.case_ref, a.action, a.agency, a.owner, a.due_on FROM active_plan_action a"
                    + " JOIN participant p ON p.id = a.participant_id"
                    + " WHERE p.site_code = :site AND a.state = 'open' AND a.due_on < :date"
                    + " ORDER BY a.due_on, p.case_ref, a.recorded_at, a.id")
    @RegisterConstructorMapper(OverdueRow.class)
    List<OverdueRow> overdue(@Bind("site") String siteCode, @Bind("date") LocalDate date);

    @SqlQuery("SELECT m.id, m.participant_id, p.case_ref, m.kind, m.from_date, m.until_date FROM active_legal_measure m"
            + " JOIN participant p ON p.id = m.participant_id"
            + " WHERE p.site_code = :site AND m.until_date >= :date AND m.until_date <= :horizon"
            + " ORDER BY m.until_date, p.case_ref, m.recorded_at, m.id")
    @RegisterConstructorMapper(EndingRow.class)
    List<EndingRow> ending(
            @Bind("site") String siteCode, @Bind("date") LocalDate date, @Bind("horizon") LocalDate horizon);

    /**
     * The alerts open now, case by case: rule, record and date, which is all an alert holds. Not a break-glass
     * opening: that is for the site's leads and the DPO to look into, not for the daily meeting.
     */
    @SqlQuery("SELECT a.id, a.participant_id, p.case_ref, a.rule, a.record_type, a.record_id, a.occurred_on,"
            + " a.raised_at FROM alert a JOIN participant p ON p.id = a.participant_id"
            + " WHERE a.site_code = :site AND a.cleared_at IS NULL AND a.rule <> 'break_glass_opened'"
            + " ORDER BY p.case_ref, a.raised_at, a.id")
    @RegisterConstructorMapper(AlertRow.class)
    List<AlertRow> openAlerts(@Bind("site") String siteCode);
}
