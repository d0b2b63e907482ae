package org.desist.summary;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.desist.enrolment.EnrolmentState;
import org.desist.onward.OnwardService;
import org.desist.onward.ServiceKind;
import org.desist.onward.ServiceReferralState;
import org.desist.referral.Priority;
import org.desist.referral.ReferralSource;
import org.desist.referral.TriageDecision;
import org.desist.risk.Movement;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;
import org.desist.riskplan.Agency;
import org.desist.riskplan.PlanActionState;
import org.desist.session.Attendance;
import org.desist.session.SessionKind;

/**
 * What probation reads before supervision, parole or breach hearings. Of the clinical record it holds
 * figures and ratings, and only the session notes a clinician marked shareable: never a formulation,
 * a diagnosis or a desistance narrative. Records entered in error are left out.
 */
public record ProbationSummary(
        @Schema(
                implementation = String.class,
                allowableValues = "probation",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Audience audience,

        Generated generated,
        CaseIdentity identity,

        @Schema(
                description = "What matters now, first thing: current risk dated with its source, measures in force,"
                        + " incidents and concerns since the last review, overdue actions and the next session")
        Now now,

        LegalPosition legalPosition,
        List<ReferralEntry> referrals,
        List<EnrolmentEntry> enrolments,
        Risk risk,
        AttendanceFigures attendance,

        @Schema(description = "Sessions per month (Europe/London), with attendance as for the whole case")
        List<Month> sessionsByMonth,

        List<OnwardReferral> onwardReferrals,

        @Schema(description = "The risk management plan: open actions first, by due date")
        List<PlanEntry> riskPlan,

        List<IncidentEntry> incidents,

        @Schema(description = "Concerns flagged on session outcomes and victim-safety concerns, oldest first")
        List<Concern> concerns,

        @Schema(nullable = true, description = "Without its narrative, which is clinical free text")
        LatestReview latestReview,

        List<SharedNote> shareableNotes)
        implements CaseSummary {

    @Override
    public SummaryDocument document() {
        return ProbationDocument.of(this);
    }

    /**
     * Where the case stands on the summary's asOf day. "The last review" is the latest desistance review;
     * what happened since is what is dated on or after its day (everything, when there has been none).
     */
    public record Now(
            @Schema(
                    nullable = true,
                    description = "From the latest assessment (desistance reviews rate the domains"
                            + " only); null before the first assessment")
            SourcedRating overallRisk,

            @Schema(
                    description = "Each domain's current rating, from the latest desistance review or the latest"
                            + " assessment, whichever is later; empty before the first assessment")
            List<DomainNow> domains,

            @Schema(description = "The legal measures in force on the asOf day")
            List<LegalPosition.Measure> measuresInForce,

            @Schema(nullable = true, description = "The day of the latest desistance review; null when there is none")
            LocalDate lastReviewOn,

            @Schema(description = "Incidents on or after lastReviewOn (all of them when it is null), oldest first")
            List<IncidentEntry> incidentsSinceLastReview,

            @Schema(
                    description =
                            "Concerns raised on or after lastReviewOn (all of them when it is null), oldest first")
            List<Concern> concernsSinceLastReview,

            @Schema(description = "Risk plan actions still open after their due day")
            List<PlanEntry> overdueActions,

            @Schema(nullable = true, description = "The first session still to come; null when none is booked")
            NextSession nextSession) {}

    /** Which record a current rating comes from. */
    public enum RatingSource {
        assessment,
        desistance_review
    }

    public record SourcedRating(RiskRating rating, LocalDate ratedOn, RatingSource source) {}

    public record DomainNow(
            @Schema(example = "violence") String domain, RiskRating rating, LocalDate ratedOn, RatingSource source) {}

    public record NextSession(Instant scheduledAt, SessionKind kind, String facilitator) {}

    /** What a concern was raised on: a session's outcome, or the victim advocate's record. */
    public enum ConcernSource {
        session,
        victim_safety
    }

    /**
     * A concern as probation may read it: the concern, its day and who raised it, and what was done about a
     * victim-safety concern. A session's notes are never part of it (only shareable notes reach probation).
     * Named apart from the progress figures' session concern, which the description would otherwise replace.
     */
    @Schema(name = "SummaryConcern")
    public record Concern(
            @Schema(description = "The session's day (Europe/London), or the day the advocate" + " raised it")
            LocalDate raisedOn,

            ConcernSource about,

            @Schema(description = "The username of whoever recorded it", example = "ia.shah")
            String raisedBy,

            String concern,

            @Schema(nullable = true, description = "Victim-safety concerns only")
            String actionTaken) {}

    public record ReferralEntry(
            LocalDate receivedOn,
            ReferralSource source,
            @Schema(nullable = true) Priority priority,
            @Schema(nullable = true) TriageDecision decision,
            @Schema(nullable = true) LocalDate reviewedOn,

            @Schema(nullable = true, description = "S-DASH questions answered yes, of 11")
            Integer screeningYesAnswers) {}

    public record EnrolmentEntry(
            String cohort,
            String siteCode,
            String siteName,
            EnrolmentState state,
            LocalDate stateOn,
            @Schema(nullable = true) LocalDate enrolledOn,
            List<Step> history) {}

    public record Step(
            EnrolmentState state,
            LocalDate on,
            @Schema(nullable = true) String reason,

            @Schema(nullable = true, example = "motivation/declined_to_engage")
            String reasonCode) {}

    /**
     * Risk per SRP domain: at the first assessment, now (the latest rating, from a desistance review or
     * an assessment, whichever is later), and the trend between the two.
     */
    public record Risk(
            @Schema(nullable = true) LocalDate firstAssessedOn,
            @Schema(nullable = true) LocalDate currentAsOf,
            @Schema(nullable = true) RiskConclusion latestAssessment,
            List<DomainRisk> domains) {}

    /** Named apart from the progress figures' domain risk, whose fields differ. */
    @Schema(name = "SummaryDomainRisk")
    public record DomainRisk(
            String domain,
            @Schema(nullable = true) RiskRating atFirstAssessment,
            @Schema(nullable = true) RiskRating current,
            @Schema(nullable = true) Movement trend) {}

    public record Month(@Schema(example = "2026-03") String month, int sessions, Attendance attendance) {}

    public record OnwardReferral(
            OnwardService service,
            ServiceKind kind,
            String provider,
            LocalDate madeOn,
            ServiceReferralState state,
            LocalDate stateOn) {}

    public record PlanEntry(
            String action,
            Agency agency,
            String owner,
            LocalDate dueOn,
            LocalDate reviewOn,
            PlanActionState state,
            @Schema(nullable = true) LocalDate closedOn,

            @Schema(description = "Open and due before the summary's asOf day")
            boolean overdue) {}

    public record LatestReview(
            LocalDate reviewedOn,
            RiskRatings riskRatings,
            int fixation,
            boolean victimContactSinceLastReview,
            int engagement) {}

    public record SharedNote(
            @Schema(description = "The session's day (Europe/London)")
            LocalDate on,

            SessionKind kind,
            String notes) {}
}
