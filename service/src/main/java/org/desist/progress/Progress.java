package org.desist.progress;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.desist.readmodel.ProgressDao;
import org.desist.risk.Movement;
import org.desist.risk.RiskRating;
import org.desist.session.Attendance;

/** The figures a clinician checks before a review, for one case. Records entered in error do not count. */
public record Progress(
        String participantId,
        LocalDate asOf,

        @Schema(
                description = "Attendance rate = (attended + late) / sessions with a known outcome, cancellations"
                        + " by the service excluded")
        Attendance attendance,

        @Schema(description = "Sessions scheduled and still without an outcome")
        int sessionsAwaitingOutcome,

        @Schema(description = "Sessions the service cancelled: not offered, so outside the rate")
        int cancelledByService,

        List<ProgressDao.Engagement> engagementTrend,

        @Schema(description = "Per SRP domain: the rating at the first assessment and at the latest desistance review")
        Map<String, DomainRisk> risk,

        @Schema(nullable = true) LocalDate firstAssessedOn,
        @Schema(nullable = true) LocalDate latestReviewOn,
        List<ProgressDao.Fixation> fixationTrend,

        @Schema(nullable = true, description = "Null when no incident is recorded")
        Long daysSinceLastIncident,

        @Schema(description = "Onward referrals by their state")
        Map<String, Integer> onwardReferrals,

        List<ProgressDao.OverdueAction> overdueActions,

        @Schema(description = "Behaviour flagged on session outcomes for the probation officer")
        List<ProgressDao.Concern> concerns) {

    public record DomainRisk(
            @Schema(nullable = true) RiskRating atFirstAssessment,
            @Schema(nullable = true) RiskRating atLatestReview,
            @Schema(nullable = true) Movement movement) {}
}
