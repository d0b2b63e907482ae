package org.desist.readmodel;

import java.time.LocalDate;
import java.util.List;
import org.desist.access.SiteScope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The participant-level rows of the evaluation export: one per enrolment opened in the period at the
 * caller's sites, with the figures of its participant aggregated in SQL. Identity columns are read only
 * as far as the export needs them (the id, to pseudonymise; the date of birth, to band); names, case
 * references and free text are never selected.
 */
public final class ExportDao {
    public record Row(
            String participantId,
            String siteCode,
            String model,
            String cohortId,
            LocalDate dateOfBirth,
            String source,
            LocalDate receivedOn,
            String priority,
            String decision,
            LocalDate reviewedOn,
            LocalDate openedOn,
            String state,
            LocalDate enrolledOn,
            LocalDate exitOn,
            int sessionsOffered,
            int sessionsAttended,
            long engagementSum,
            int engagementRated,
            int onwardMade,
            int onwardAccepted,
            int onwardEngaged,
            int onwardCompleted,
            String firstViolence,
            String firstPersistence,
            String firstRecurrence,
            String firstPsychosocialDamage,
            String latestViolence,
            String latestPersistence,
            String latestRecurrence,
            String latestPsychosocialDamage,
            int incidentsDuringProgramme,
            LocalDate reoffendedOn) {}

    private static final String ROWS =
            """
            WITH chosen AS (
                SELECT e.id, e.participant_id, e.cohort_id, c.site_code, s.model, e.state, e.enrolled_on,
                       CASE WHEN e.enrolled_on IS NOT NULL AND e.state IN %1$s THEN e.state_on END AS exit_on,
                       (SELECT ev.on_date FROM enrolment_event ev WHERE ev.enrolment_id = e.id AND ev.seq = 1) AS opened_on
                FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN site s ON s.code = c.site_code
                WHERE %2$s),
            people AS (SELECT DISTINCT participant_id FROM chosen WHERE opened_on BETWEEN :from AND :to),
            sessions AS (
                SELECT se.participant_id,
                       sum(CASE WHEN se.outcome <> 'cancelled_by_service' THEN 1 ELSE 0 END) AS offered,
                       sum(CASE WHEN se.outcome IN ('attended', 'late') THEN 1 ELSE 0 END) AS attended,
                       coalesce(sum(se.engagement), 0) AS engagement_sum, count(se.engagement) AS engagement_rated
                FROM people JOIN active_session se ON se.participant_id = people.participant_id
                WHERE se.outcome IS NOT NULL
                GROUP BY se.participant_id),
            onward AS (
                SELECT sr.participant_id, count(*) AS made,
                       sum(CASE WHEN EXISTS (SELECT 1 FROM service_referral_move m WHERE m.service_referral_id = sr.id
                                AND m.state IN ('accepted', 'engaged', 'completed')) THEN 1 ELSE 0 END) AS accepted,
                       sum(CASE WHEN EXISTS (SELECT 1 FROM service_referral_move m WHERE m.service_referral_id = sr.id
                                AND m.state IN ('engaged', 'completed')) THEN 1 ELSE 0 END) AS engaged,
                       sum(CASE WHEN EXISTS (SELECT 1 FROM service_referral_move m WHERE m.service_referral_id = sr.id
                                AND m.state = 'completed') THEN 1 ELSE 0 END) AS completed
                FROM people JOIN active_service_referral sr ON sr.participant_id = people.participant_id
                GROUP BY sr.participant_id)
            SELECT ch.participant_id, ch.site_code, ch.model, ch.cohort_id, p.date_of_birth,
                   r.source, r.received_on, r.priority, r.decision, r.reviewed_on,
                   ch.opened_on, ch.state, ch.enrolled_on, ch.exit_on,
                   coalesce(ss.offered, 0) AS sessions_offered, coalesce(ss.attended, 0) AS sessions_attended,
                   coalesce(ss.engagement_sum, 0) AS engagement_sum, coalesce(ss.engagement_rated, 0) AS engagement_rated,
                   coalesce(o.made, 0) AS onward_made, coalesce(o.accepted, 0) AS onward_accepted,
                   coalesce(o.engaged, 0) AS onward_engaged, coalesce(o.completed, 0) AS onward_completed,
                   f.risk_violence AS first_violence, f.risk_persistence AS first_persistence,
                   f.risk_recurrence AS first_recurrence, f.risk_psychosocial_damage AS first_psychosocial_damage,
                   l.risk_violence AS latest_violence, l.risk_persistence AS latest_persistence,
                   l.risk_recurrence AS latest_recurrence, l.risk_psychosocial_damage AS latest_psychosocial_damage,
                   (SELECT count(*) FROM active_incident i WHERE i.participant_id = ch.participant_id
                      AND ch.enrolled_on IS NOT NULL AND i.occurred_on >= ch.enrolled_on
                      AND (ch.exit_on IS NULL OR i.occurred_on <= ch.exit_on)) AS incidents_during_programme,
                   (SELECT min(i.occurred_on) FROM active_incident i WHERE i.participant_id = ch.participant_id
                      AND i.kind IN %3$s AND ch.exit_on IS NOT NULL
                      AND i.occurred_on > ch.exit_on) AS reoffended_on
            FROM chosen ch
                 JOIN participant p ON p.id = ch.participant_id
                 LEFT JOIN referral r ON r.id = (SELECT r2.id FROM referral r2 WHERE r2.participant_id = ch.participant_id
                                                 ORDER BY r2.received_on, r2.created_at, r2.id LIMIT 1)
                 LEFT JOIN sessions ss ON ss.participant_id = ch.participant_id
                 LEFT JOIN onward o ON o.participant_id = ch.participant_id
                 LEFT JOIN active_assessment f ON f.id = (
                     SELECT a.id FROM active_assessment a WHERE a.participant_id = ch.participant_id
                     ORDER BY a.assessed_on, a.recorded_at, a.id LIMIT 1)
                 LEFT JOIN active_desistance_review l ON l.id = (
                     SELECT d.id FROM active_desistance_review d WHERE d.participant_id = ch.participant_id
                     ORDER BY d.reviewed_on DESC, d.recorded_at DESC, d.id DESC LIMIT 1)
            WHERE ch.opened_on BETWEEN :from AND :to
            ORDER BY ch.site_code, ch.cohort_id, ch.opened_on, ch.id
            """.formatted(CountingRules.EXIT_STATES, CountingRules.inScope("c.site_code"), CountingRules.REOFFENCES);

    private ExportDao() {}

    /** The rows of the enrolments opened from one day to another (both inclusive) at the scope's sites. */
    public static List<Row> rows(Handle handle, SiteScope scope, LocalDate from, LocalDate to) {
        return handle.createQuery(ROWS)
                .bind("allSites", scope.allSites())
                .bindList("sites", scope.sites())
                .bind("from", from)
                .bind("to", to)
                .registerRowMapper(ConstructorMapper.factory(Row.class))
                .mapTo(Row.class)
                .list();
    }
}
