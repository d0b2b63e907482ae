package org.desist.readmodel;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.desist.risk.RiskRating;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The figures of one case, each an aggregate or a short series; records entered in error are left out. */
public interface ProgressDao {

    record OutcomeCounts(
            int attendedOrLate,
            int didNotAttend,
            int cancelledByParticipant,
            int cancelledByService,
            int awaitingOutcome) {}

    /** Named apart from the CPS summary's Engagement: one schema name each, or the description holds one of them. */
    @Schema(name = "EngagementPoint", description = "A session's engagement rating (0 to 10) and when the session was")
    record Engagement(Instant at, int engagement) {}

    record Ratings(
            LocalDate ratedOn,
            RiskRating violence,
            RiskRating persistence,
            RiskRating recurrence,
            RiskRating psychosocialDamage) {}

    record Fixation(LocalDate reviewedOn, int fixation) {}

    record StateCount(String state, int count) {}

    record OverdueAction(String id, String action, String agency, String owner, LocalDate dueOn) {}

    record Concern(String sessionId, Instant scheduledAt, String concern) {}

    @SqlQuery("""
            SELECT coalesce(sum(CASE WHEN outcome IN ('attended', 'late') THEN 1 ELSE 0 END), 0) AS attended_or_late,
                   coalesce(sum(CASE WHEN outcome = 'did_not_attend' THEN 1 ELSE 0 END), 0) AS did_not_attend,
                   coalesce(sum(CASE WHEN outcome = 'cancelled_by_participant' THEN 1 ELSE 0 END), 0)
                       AS cancelled_by_participant,
                   coalesce(sum(CASE WHEN outcome = 'cancelled_by_service' THEN 1 ELSE 0 END), 0) AS cancelled_by_service,
                   coalesce(sum(CASE WHEN outcome IS NULL THEN 1 ELSE 0 END), 0) AS awaiting_outcome
            FROM active_session WHERE participant_id = :p
            """)
    @RegisterConstructorMapper(OutcomeCounts.class)
    OutcomeCounts outcomes(@Bind("p") String participantId);

    @SqlQuery("SELECT scheduled_at AS at, engagement FROM active_session WHERE participant_id = :p"
            + " AND engagement IS NOT NULL ORDER BY scheduled_at")
    @RegisterConstructorMapper(Engagement.class)
    List<Engagement> engagement(@Bind("p") String participantId);

    @SqlQuery("SELECT assessed_on AS rated_on, risk_violence AS violence, risk_persistence AS persistence,"
            + " risk_recurrence AS recurrence, risk_psychosocial_damage AS psychosocial_damage FROM active_assessment"
            + " WHERE participant_id = :p ORDER BY assessed_on, recorded_at LIMIT 1")
    @RegisterConstructorMapper(Ratings.class)
    Optional<Ratings> firstAssessment(@Bind("p") String participantId);

    @SqlQuery("SELECT reviewed_on AS rated_on, risk_violence AS violence, risk_persistence AS persistence,"
            + " risk_recurrence AS recurrence, risk_psychosocial_damage AS psychosocial_damage"
            + " FROM active_desistance_review WHERE participant_id = :p"
            + " ORDER BY reviewed_on DESC, recorded_at DESC LIMIT 1")
    @RegisterConstructorMapper(Ratings.class)
    Optional<Ratings> latestReview(@Bind("p") String participantId);

    @SqlQuery("SELECT reviewed_on, fixation FROM active_desistance_review WHERE participant_id = :p"
            + " ORDER BY reviewed_on, recorded_at")
    @RegisterConstructorMapper(Fixation.class)
    List<Fixation> fixation(@Bind("p") String participantId);

    @SqlQuery("SELECT max(occurred_on) FROM active_incident WHERE participant_id = :p")
    Optional<LocalDate> lastIncident(@Bind("p") String participantId);

    @SqlQuery("SELECT state, count(*) AS count FROM active_service_referral WHERE participant_id = :p"
            + " GROUP BY state ORDER BY state")
    @RegisterConstructorMapper(StateCount.class)
    List<StateCount> onwardReferrals(@Bind("p") String participantId);

    @SqlQuery("SELECT id, action, agency, owner, due_on FROM active_plan_action WHERE participant_id = :p"
            + " AND state = 'open' AND due_on < :today ORDER BY due_on, id")
    @RegisterConstructorMapper(OverdueAction.class)
    List<OverdueAction> overdueActions(@Bind("p") String participantId, @Bind("today") LocalDate today);

    @SqlQuery("SELECT id AS session_id, scheduled_at, concern FROM active_session WHERE participant_id = :p"
            + " AND concern IS NOT NULL ORDER BY scheduled_at")
    @RegisterConstructorMapper(Concern.class)
    List<Concern> concerns(@Bind("p") String participantId);
}
