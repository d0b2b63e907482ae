package org.desist.agenda;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A site's daily review agenda. Each part is null, and named in {@code withheld}, for a caller whose role may not
 * read its kind of record: the agenda never shows more than the records' own reads would.
 */
@Schema(description = "The daily review agenda of a site")
public record ReviewAgenda(
        String siteCode,
        String siteName,
        @Schema(description = "The day of the meeting") LocalDate date,

        @Schema(description = "The last meeting: incidents and reviews dated on or after it (and by date) are shown")
        LocalDate since,

        @Schema(nullable = true, description = "Referrals awaiting review, oldest first (referral readers)")
        List<AwaitingReview> referralsAwaitingReview,

        @Schema(nullable = true, description = "Incidents dated since the last meeting (incident readers)")
        List<IncidentSince> incidentsSince,

        @Schema(
                nullable = true,
                description = "Desistance reviews since the last meeting that raised a risk domain"
                        + " against the previous review or rated fixation 8 or more (desistance review readers)")
        List<RiskRaised> riskRaisedSince,

        @Schema(nullable = true, description = "Open plan actions due before the day (plan readers)")
        List<OverdueAction> overduePlanActions,

        @Schema(
                nullable = true,
                description = "Legal measures ending within 14 days of the day (legal measure readers)")
        List<MeasureEnding> legalMeasuresEnding,

        @Schema(description = "The alerts open now, by case; a record's id only for a role that may read its kind")
        List<CaseAlerts> openAlerts,

        @Schema(description = "The parts left out because the caller's role may not read their kind")
        List<String> withheld) {

    @Schema(name = "AgendaReferralAwaitingReview")
    public record AwaitingReview(
            String referralId,
            String participantId,
            String caseRef,
            LocalDate receivedOn,
            String source,
            long daysWaiting) {}

    @Schema(name = "AgendaIncident")
    public record IncidentSince(
            String incidentId,
            String participantId,
            String caseRef,
            LocalDate occurredOn,
            String kind,
            String source) {}

    @Schema(name = "AgendaRiskRaised")
    public record RiskRaised(
            String reviewId,
            String participantId,
            String caseRef,
            LocalDate reviewedOn,

            @Schema(description = "The risk domains rated higher than at the previous review")
            List<String> raisedDomains,

            int fixation) {}

    @Schema(name = "AgendaOverduePlanAction")
    public record OverdueAction(
            String actionId,
            String participantId,
            String caseRef,
            String action,
            String agency,
            String owner,
            LocalDate dueOn,
            long daysOverdue) {}

    @Schema(name = "AgendaLegalMeasureEnding")
    public record MeasureEnding(
            String measureId, String participantId, String caseRef, String kind, LocalDate from, LocalDate until) {}

    @Schema(name = "AgendaCaseAlerts")
    public record CaseAlerts(String participantId, String caseRef, List<OpenAlert> alerts) {}

    @Schema(name = "AgendaOpenAlert")
    public record OpenAlert(
            String id,
            String rule,
            @Schema(nullable = true) String recordType,

            @Schema(nullable = true, description = "Only for a role that may read the record's kind")
            String recordId,

            @Schema(nullable = true) LocalDate occurredOn,
            Instant raisedAt) {}
}
