package org.desist.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.desist.assessment.AssessmentKind;
import org.desist.assessment.Instrument;
import org.desist.enrolment.EnrolmentState;
import org.desist.incident.IncidentKind;
import org.desist.incident.IncidentSource;
import org.desist.legal.LegalMeasureKind;
import org.desist.onward.OnwardService;
import org.desist.onward.ServiceKind;
import org.desist.onward.ServiceReferralState;
import org.desist.referral.Priority;
import org.desist.referral.ReferralSource;
import org.desist.referral.TriageDecision;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;
import org.desist.riskplan.Agency;
import org.desist.riskplan.PlanActionState;
import org.desist.session.SessionKind;
import org.desist.session.SessionOutcome;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Everything the case summaries read, for one participant. Each query names the columns it needs and no
 * more: the CPS summary is built from the queries that load no clinical text, so what it may not show is
 * never in memory for it. Only the live records are read (the active_ views): none entered in error. The rows
 * are the read model's own; the summary package shapes them into what each audience is shown.
 */
public interface SummaryQueries {

    record EnrolmentRow(
            String id,
            String cohort,
            String siteCode,
            String siteName,
            EnrolmentState state,
            LocalDate stateOn,
            LocalDate enrolledOn) {}

    record StepRow(String enrolmentId, EnrolmentState state, LocalDate on, String reason, String reasonCode) {}

    record SessionRow(Instant scheduledAt, SessionOutcome outcome) {}

    /** A concern flagged on a session's outcome: never the session's notes. */
    record SessionConcernRow(Instant scheduledAt, String raisedBy, String concern) {}

    record NoteRow(Instant scheduledAt, SessionKind kind, String notes) {}

    record RatingsRow(
            LocalDate ratedOn,
            RiskRating violence,
            RiskRating persistence,
            RiskRating recurrence,
            RiskRating psychosocialDamage) {}

    record ConclusionRow(
            LocalDate assessedOn,
            AssessmentKind kind,
            Instrument instrument,
            RiskRating overallRisk,
            RiskRating violence,
            RiskRating persistence,
            RiskRating recurrence,
            RiskRating psychosocialDamage) {
        public RiskRatings ratings() {
            return new RiskRatings(violence, persistence, recurrence, psychosocialDamage);
        }
    }

    record ReviewRow(
            LocalDate reviewedOn,
            RiskRating violence,
            RiskRating persistence,
            RiskRating recurrence,
            RiskRating psychosocialDamage,
            int fixation,
            boolean victimContactSinceLastReview,
            int engagement) {
        public RatingsRow ratings() {
            return new RatingsRow(reviewedOn, violence, persistence, recurrence, psychosocialDamage);
        }
    }

    record MeasureRow(LegalMeasureKind kind, LocalDate from, LocalDate until, String conditions, boolean inForce) {}

    record ReferralRow(
            LocalDate receivedOn,
            ReferralSource source,
            Priority priority,
            TriageDecision decision,
            LocalDate reviewedOn,
            Integer screeningYesAnswers) {}

    record NextSessionRow(Instant scheduledAt, SessionKind kind, String facilitator) {}

    /** A victim-safety concern without the victim's reference, which the summaries do not need. */
    record VictimSafetyRow(LocalDate raisedOn, String raisedBy, String concern, String actionTaken) {}

    record OnwardRow(
            OnwardService service,
            ServiceKind kind,
            String provider,
            LocalDate madeOn,
            ServiceReferralState state,
            LocalDate stateOn) {}

    record PlanRow(
            String action,
            Agency agency,
            String owner,
            LocalDate dueOn,
            LocalDate reviewOn,
            PlanActionState state,
            LocalDate closedOn,
            boolean overdue) {}

    record IncidentRow(LocalDate occurredOn, IncidentKind kind, IncidentSource source, String details) {}

    @SqlQuery("SELECT name FROM site WHERE code = :code")
    String siteName(@Bind("code") String siteCode);

    @SqlQuery("SELECT legal_status FROM referral WHERE participant_id = :p ORDER BY received_on DESC, created_at DESC"
            + " LIMIT 1")
    Optional<String> statedLegalStatus(@Bind("p") String participantId);

    /** In force as LegalMeasure.inForce() has it: from on or before the day, and no until or until on or after it. */
    @SqlQuery("""
            SELECT kind, from_date AS "from", until_date AS "until", conditions,
                   (from_date <= :today AND (until_date IS NULL OR until_date >= :today)) AS in_force
            FROM active_legal_measure WHERE participant_id = :p
            ORDER BY in_force DESC, from_date DESC, recorded_at DESC
            """)
    @RegisterConstructorMapper(MeasureRow.class)
    List<MeasureRow> measures(@Bind("p") String participantId, @Bind("today") LocalDate today);

    @SqlQuery("""
            SELECT r.received_on, r.source, r.priority, r.decision, r.reviewed_on, s.yes_count AS screening_yes_answers
            FROM referral r LEFT JOIN referral_screening s ON s.referral_id = r.id
            WHERE r.participant_id = :p ORDER BY r.received_on, r.created_at
            """)
    @RegisterConstructorMapper(ReferralRow.class)
    List<ReferralRow> referrals(@Bind("p") String participantId);

    @SqlQuery("""
            SELECT e.id, c.name AS cohort, c.site_code, s.name AS site_name, e.state, e.state_on, e.enrolled_on
            FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN site s ON s.code = c.site_code
            WHERE e.participant_id = :p ORDER BY e.created_at, e.id
            """)
    @RegisterConstructorMapper(EnrolmentRow.class)
    List<EnrolmentRow> enrolments(@Bind("p") String participantId);

    @SqlQuery("""
            SELECT v.enrolment_id, v.state, v.on_date AS "on", v.reason, v.reason_code
            FROM enrolment_event v JOIN enrolment e ON e.id = v.enrolment_id
            WHERE e.participant_id = :p ORDER BY v.enrolment_id, v.seq
            """)
    @RegisterConstructorMapper(StepRow.class)
    List<StepRow> enrolmentSteps(@Bind("p") String participantId);

    @SqlQuery("SELECT scheduled_at, outcome FROM active_session WHERE participant_id = :p" + " ORDER BY scheduled_at")
    @RegisterConstructorMapper(SessionRow.class)
    List<SessionRow> sessions(@Bind("p") String participantId);

    /** The first session still to come on the case. */
    @SqlQuery("SELECT scheduled_at, kind, facilitator FROM active_session WHERE participant_id = :p"
            + " AND outcome IS NULL AND scheduled_at > :now ORDER BY scheduled_at, recorded_at LIMIT 1")
    @RegisterConstructorMapper(NextSessionRow.class)
    Optional<NextSessionRow> nextSession(@Bind("p") String participantId, @Bind("now") Instant now);

    /** Concerns flagged on session outcomes, with who recorded the outcome; the notes are not read. */
    @SqlQuery("SELECT scheduled_at, outcome_recorded_by AS raised_by, concern FROM active_session"
            + " WHERE participant_id = :p AND concern IS NOT NULL ORDER BY scheduled_at, recorded_at")
    @RegisterConstructorMapper(SessionConcernRow.class)
    List<SessionConcernRow> sessionConcerns(@Bind("p") String participantId);

    /** Victim-safety concerns as probation may read them (the victim's reference is not needed here). */
    @SqlQuery("SELECT raised_on, recorded_by AS raised_by, concern, action_taken"
            + " FROM active_victim_safety_concern WHERE participant_id = :p"
            + " ORDER BY raised_on, recorded_at")
    @RegisterConstructorMapper(VictimSafetyRow.class)
    List<VictimSafetyRow> victimSafetyConcerns(@Bind("p") String participantId);

    /** The notes a clinician agreed may reach probation; nothing else of the session notes is read. */
    @SqlQuery("SELECT scheduled_at, kind, notes FROM active_session WHERE participant_id = :p"
            + " AND shareable = 1 AND notes IS NOT NULL ORDER BY scheduled_at")
    @RegisterConstructorMapper(NoteRow.class)
    List<NoteRow> shareableNotes(@Bind("p") String participantId);

    @SqlQuery("SELECT assessed_on AS rated_on, risk_violence AS violence, risk_persistence AS persistence,"
            + " risk_recurrence AS recurrence, risk_psychosocial_damage AS psychosocial_damage FROM active_assessment"
            + " WHERE participant_id = :p ORDER BY assessed_on, recorded_at LIMIT 1")
    @RegisterConstructorMapper(RatingsRow.class)
    Optional<RatingsRow> firstAssessment(@Bind("p") String participantId);

    /** The latest assessment's conclusions only: no formulation, diagnoses, substance misuse or typology. */
    @SqlQuery("SELECT assessed_on, kind, instrument, overall_risk, risk_violence AS violence,"
            + " risk_persistence AS persistence, risk_recurrence AS recurrence,"
            + " risk_psychosocial_damage AS psychosocial_damage FROM active_assessment"
            + " WHERE participant_id = :p ORDER BY assessed_on DESC, recorded_at DESC LIMIT 1")
    @RegisterConstructorMapper(ConclusionRow.class)
    Optional<ConclusionRow> latestAssessment(@Bind("p") String participantId);

    /** The latest desistance review without its narrative. */
    @SqlQuery("SELECT reviewed_on, risk_violence AS violence, risk_persistence AS persistence,"
            + " risk_recurrence AS recurrence, risk_psychosocial_damage AS psychosocial_damage, fixation,"
            + " victim_contact_since_last_review, engagement FROM active_desistance_review"
            + " WHERE participant_id = :p ORDER BY reviewed_on DESC, recorded_at DESC LIMIT 1")
    @RegisterConstructorMapper(ReviewRow.class)
    Optional<ReviewRow> latestReview(@Bind("p") String participantId);

    @SqlQuery("SELECT service, kind, provider, made_on, state, state_on FROM active_service_referral"
            + " WHERE participant_id = :p ORDER BY made_on, recorded_at")
    @RegisterConstructorMapper(OnwardRow.class)
    List<OnwardRow> onwardReferrals(@Bind("p") String participantId);

    /** Overdue as the plan has it: open and due before the day. */
    @SqlQuery("""
            SELECT action, agency, owner, due_on, review_on, state, closed_on,
                   (state = 'open' AND due_on < :today) AS overdue
            FROM active_plan_action WHERE participant_id = :p
            ORDER BY CASE state WHEN 'open' THEN 0 ELSE 1 END, due_on, recorded_at
            """)
    @RegisterConstructorMapper(PlanRow.class)
    List<PlanRow> riskPlan(@Bind("p") String participantId, @Bind("today") LocalDate today);

    @SqlQuery("SELECT occurred_on, kind, source, details FROM active_incident WHERE participant_id = :p"
            + " ORDER BY occurred_on, recorded_at")
    @RegisterConstructorMapper(IncidentRow.class)
    List<IncidentRow> incidents(@Bind("p") String participantId);
}
