package org.desist.summary;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(implementation = String.class, allowableValues = "probation", requiredMode = Schema.RequiredMode.REQUIRED)
        Audience audience,
        Generated generated,
        CaseIdentity identity,
        LegalPosition legalPosition,
        List<ReferralEntry> referrals,
        List<EnrolmentEntry> enrolments,
        Risk risk,
        AttendanceFigures attendance,
        @Schema(description = "Sessions per month (Europe/London), with attendance as for the whole case")
        List<Month> sessionsByMonth,
        List<OnwardReferral> onwardReferrals,
        @Schema(description = "The risk management plan: open actions first, by due date") List<PlanEntry> riskPlan,
        List<IncidentEntry> incidents,
        @Schema(nullable = true, description = "Without its narrative, which is clinical free text")
        LatestReview latestReview,
        List<SharedNote> shareableNotes) {

    public record ReferralEntry(LocalDate receivedOn, ReferralSource source, @Schema(nullable = true) Priority priority,
                                @Schema(nullable = true) TriageDecision decision,
                                @Schema(nullable = true) LocalDate reviewedOn,
                                @Schema(nullable = true, description = "S-DASH questions answered yes, of 11")
                                Integer screeningYesAnswers) {
    }

    public record EnrolmentEntry(String cohort, String siteCode, EnrolmentState state, LocalDate stateOn,
                                 @Schema(nullable = true) LocalDate enrolledOn, List<Step> history) {
    }

    public record Step(EnrolmentState state, LocalDate on, @Schema(nullable = true) String reason,
                       @Schema(nullable = true, example = "motivation/declined_to_engage") String reasonCode) {
    }

    /**
     * Risk per SRP domain: at the first assessment, now (the latest rating, from a desistance review or
     * an assessment, whichever is later), and the trend between the two.
     */
    public record Risk(@Schema(nullable = true) LocalDate firstAssessedOn, @Schema(nullable = true) LocalDate currentAsOf,
                       @Schema(nullable = true) RiskConclusion latestAssessment, List<DomainRisk> domains) {
    }

    public record DomainRisk(String domain, @Schema(nullable = true) RiskRating atFirstAssessment,
                             @Schema(nullable = true) RiskRating current, @Schema(nullable = true) Movement trend) {
    }

    public record Month(@Schema(example = "2026-03") String month, int sessions, Attendance attendance) {
    }

    public record OnwardReferral(OnwardService service, ServiceKind kind, String provider, LocalDate madeOn,
                                 ServiceReferralState state, LocalDate stateOn) {
    }

    public record PlanEntry(String action, Agency agency, String owner, LocalDate dueOn, LocalDate reviewOn,
                            PlanActionState state, @Schema(nullable = true) LocalDate closedOn,
                            @Schema(description = "Open and due before the summary's asOf day") boolean overdue) {
    }

    public record LatestReview(LocalDate reviewedOn, RiskRatings riskRatings, int fixation,
                               boolean victimContactSinceLastReview, int engagement) {
    }

    public record SharedNote(@Schema(description = "The session's day (Europe/London)") LocalDate on, SessionKind kind,
                             String notes) {
    }
}
