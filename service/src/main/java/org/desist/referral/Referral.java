package org.desist.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.Nested;

/** A referral and, once the daily review has seen it, the review's outcome. */
public record Referral(
        String id,
        String participantId,
        @Schema(example = "STAC-2026-0001") String caseRef,
        String siteCode,
        LocalDate receivedOn,
        ReferralSource source,
        String referrer,
        String behaviour,
        String victimRef,
        String legalStatus,
        ReferralStatus status,
        @Schema(nullable = true) Priority priority,
        @Schema(nullable = true) TriageDecision decision,
        @Schema(nullable = true) LocalDate reviewedOn,
        @Schema(nullable = true) String reviewReason,
        @Schema(nullable = true) String reviewedBy,

        @Schema(nullable = true, description = "The screening answered at the review, if any") @Nested("screening")
        Screening screening,

        Instant createdAt,
        String createdBy) {}
