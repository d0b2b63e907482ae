package org.desist.team;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One case on a caller's caseload: the part they hold on it and where the case stands. */
public record CaseloadEntry(
        String participantId,
        @Schema(example = "STAC-2026-0001") String caseRef,
        String siteCode,
        TeamRole teamRole,

        @Schema(nullable = true, description = "The latest reviewed referral's priority; null before the review")
        String priority,

        @Schema(
                nullable = true,
                description = "The latest enrolment's state; before any enrolment, the latest referral's status")
        String state,

        @Schema(nullable = true, description = "The next live session from now without an outcome")
        Instant nextSession,

        @Schema(description = "Alerts open on the case") int openAlerts) {}
