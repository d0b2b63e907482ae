package org.desist.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Referral.class)
public interface ReferralDao {
    String SELECT = """
            SELECT r.id, r.participant_id, p.case_ref, r.site_code, r.received_on, r.source, r.referrer, r.behaviour,
                   r.victim_ref, r.legal_status, r.status, r.priority, r.decision, r.reviewed_on, r.review_reason,
                   r.reviewed_by, r.created_at, r.created_by, s.instrument AS screening_instrument,
                   s.q1 AS screening_answers_q1, s.q2 AS screening_answers_q2, s.q3 AS screening_answers_q3,
                   s.q4 AS screening_answers_q4, s.q5 AS screening_answers_q5, s.q6 AS screening_answers_q6,
                   s.q7 AS screening_answers_q7, s.q8 AS screening_answers_q8, s.q9 AS screening_answers_q9,
                   s.q10 AS screening_answers_q10, s.q11 AS screening_answers_q11, s.yes_count AS screening_yes_count
            FROM referral r JOIN participant p ON p.id = r.participant_id
                 LEFT JOIN referral_screening s ON s.referral_id = r.id
            """;

    @SqlUpdate("""
            INSERT INTO referral (id, participant_id, site_code, received_on, source, referrer, behaviour, victim_ref,
                                  legal_status, status, priority_rank, created_at, created_by)
            VALUES (:id, :participantId, :siteCode, :receivedOn, :source, :referrer, :behaviour, :victimRef,
                    :legalStatus, 'awaiting_review', 0, :createdAt, :createdBy)
            """)
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @Bind("siteCode") String siteCode,
            @Bind("receivedOn") LocalDate receivedOn,
            @Bind("source") ReferralSource source,
            @Bind("referrer") String referrer,
            @Bind("behaviour") String behaviour,
            @Bind("victimRef") String victimRef,
            @Bind("legalStatus") String legalStatus,
            @Bind("createdAt") Instant createdAt,
            @Bind("createdBy") String createdBy);

    @SqlQuery(SELECT + " WHERE r.id = :id")
    Optional<Referral> find(@Bind("id") String id);

    /** The review queue; see {@link ReviewQueueOrder} for the order this must keep. */
    @SqlQuery(SELECT + """
             WHERE (:siteCode IS NULL OR r.site_code = :siteCode) AND (:status IS NULL OR r.status = :status)
               AND (:participantId IS NULL OR r.participant_id = :participantId)
               AND (:from IS NULL OR r.received_on >= :from) AND (:to IS NULL OR r.received_on <= :to)
               AND (:allSites = 1 OR r.site_code IN (<sites>))
             ORDER BY CASE r.status WHEN 'awaiting_review' THEN 0 ELSE 1 END, r.priority_rank DESC,
                      r.received_on, r.created_at, r.id
             LIMIT :limit OFFSET :offset
            """)
    List<Referral> queue(
            @Bind("siteCode") String siteCode,
            @Bind("participantId") String participantId,
            @Bind("status") ReferralStatus status,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery(SELECT + " WHERE r.participant_id = :participantId ORDER BY r.received_on, r.created_at")
    List<Referral> ofParticipant(@Bind("participantId") String participantId);

    /** Records the review only while the referral still awaits one; returns rows changed. */
    @SqlUpdate("""
            UPDATE referral SET status = 'reviewed', priority = :priority, priority_rank = :rank, decision = :decision,
                   reviewed_on = :reviewedOn, review_reason = :reason, reviewed_by = :by
            WHERE id = :id AND status = 'awaiting_review'
            """)
    int review(
            @Bind("id") String id,
            @Bind("priority") Priority priority,
            @Bind("rank") int rank,
            @Bind("decision") TriageDecision decision,
            @Bind("reviewedOn") LocalDate reviewedOn,
            @Bind("reason") String reason,
            @Bind("by") String by);

    /** The screening answered at the review; written in the review's transaction. */
    @SqlUpdate("""
            INSERT INTO referral_screening (referral_id, instrument, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11,
                                            yes_count)
            VALUES (:id, :instrument, :a.q1, :a.q2, :a.q3, :a.q4, :a.q5, :a.q6, :a.q7, :a.q8, :a.q9, :a.q10, :a.q11,
                    :yesCount)
            """)
    void screen(
            @Bind("id") String id,
            @Bind("instrument") String instrument,
            @BindMethods("a") ScreeningAnswers answers,
            @Bind("yesCount") int yesCount);

    @SqlQuery("SELECT min(received_on) FROM referral WHERE participant_id = :participantId")
    Optional<LocalDate> firstReceivedOn(@Bind("participantId") String participantId);

    @SqlQuery("SELECT count(*) FROM referral WHERE participant_id = :participantId AND status = 'reviewed'"
            + " AND decision = 'accept_for_intervention'")
    int acceptedForIntervention(@Bind("participantId") String participantId);
}
