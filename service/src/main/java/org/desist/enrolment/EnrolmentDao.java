package org.desist.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(EnrolmentRow.class)
@RegisterConstructorMapper(EnrolmentEvent.class)
public interface EnrolmentDao {
    String SELECT = """
            SELECT e.id, e.participant_id, p.case_ref, p.site_code, e.cohort_id, e.state, e.state_on, e.enrolled_on,
                   e.created_at
            FROM enrolment e JOIN participant p ON p.id = e.participant_id
            """;

    @SqlUpdate("""
            INSERT INTO enrolment (id, participant_id, cohort_id, state, state_on, is_open, created_at)
            VALUES (:id, :participantId, :cohortId, 'referred', :on, 1, :createdAt)
            """)
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @Bind("cohortId") String cohortId,
            @Bind("on") LocalDate on,
            @Bind("createdAt") Instant createdAt);

    @SqlQuery(SELECT + " WHERE e.id = :id")
    Optional<EnrolmentRow> find(@Bind("id") String id);

    @SqlQuery(SELECT + " WHERE e.participant_id = :participantId AND e.is_open = 1")
    Optional<EnrolmentRow> findOpen(@Bind("participantId") String participantId);

    @SqlQuery(SELECT + """
             WHERE (:cohortId IS NULL OR e.cohort_id = :cohortId) AND (:state IS NULL OR e.state = :state)
               AND (:participantId IS NULL OR e.participant_id = :participantId)
               AND (:from IS NULL OR e.state_on >= :from) AND (:to IS NULL OR e.state_on <= :to)
               AND (:allSites = 1 OR p.site_code IN (<sites>))
             ORDER BY e.created_at, e.id LIMIT :limit OFFSET :offset
            """)
    List<EnrolmentRow> list(
            @Bind("cohortId") String cohortId,
            @Bind("participantId") String participantId,
            @Bind("state") EnrolmentState state,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery(SELECT + " WHERE e.participant_id = :participantId ORDER BY e.created_at")
    List<EnrolmentRow> ofParticipant(@Bind("participantId") String participantId);

    /** Moves the enrolment only from the state the caller checked; returns rows changed. */
    @SqlUpdate("""
            UPDATE enrolment SET state = :to, state_on = :on, is_open = :open,
                   enrolled_on = coalesce(enrolled_on, :enrolledOn)
            WHERE id = :id AND state = :from
            """)
    int move(
            @Bind("id") String id,
            @Bind("from") EnrolmentState from,
            @Bind("to") EnrolmentState to,
            @Bind("on") LocalDate on,
            @Bind("open") int open,
            @Bind("enrolledOn") LocalDate enrolledOn);

    @SqlUpdate("""
            INSERT INTO enrolment_event (id, enrolment_id, seq, state, on_date, reason, reason_code, actor, recorded_at)
            VALUES (:id, :enrolmentId,
                    (SELECT coalesce(max(seq), 0) + 1 FROM enrolment_event WHERE enrolment_id = :enrolmentId),
                    :state, :on, :reason, :reasonCode, :actor, :recordedAt)
            """)
    void recordEvent(
            @Bind("id") String id,
            @Bind("enrolmentId") String enrolmentId,
            @Bind("state") EnrolmentState state,
            @Bind("on") LocalDate on,
            @Bind("reason") String reason,
            @Bind("reasonCode") String reasonCode,
            @Bind("actor") String actor,
            @Bind("recordedAt") Instant recordedAt);

    @SqlQuery("""
            SELECT state, on_date AS "on", reason, reason_code, actor AS "by", recorded_at
            FROM enrolment_event WHERE enrolment_id = :enrolmentId ORDER BY seq
            """)
    List<EnrolmentEvent> history(@Bind("enrolmentId") String enrolmentId);

    @SqlQuery("""
            SELECT enrolment_id, state, on_date AS "on", reason, reason_code, actor AS "by", recorded_at
            FROM enrolment_event WHERE enrolment_id IN (<ids>) ORDER BY enrolment_id, seq
            """)
    @RegisterConstructorMapper(EnrolmentEventOf.class)
    List<EnrolmentEventOf> histories(@BindList("ids") List<String> ids);

    /** A history step tagged with its enrolment, for loading a page of histories in one query. */
    record EnrolmentEventOf(
            String enrolmentId,
            EnrolmentState state,
            LocalDate on,
            String reason,
            String reasonCode,
            String by,
            Instant recordedAt) {
        EnrolmentEvent event() {
            return new EnrolmentEvent(state, on, reason, reasonCode, by, recordedAt);
        }
    }
}
