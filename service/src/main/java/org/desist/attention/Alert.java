package org.desist.attention;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One alert as its recipient sees it: the rule, the case, what kind of record raised it and when. Never the record's
 * content. The record's id only to a recipient whose role may read that kind of record; the acknowledgement note is
 * the recipient's own, shown to nobody else.
 */
public record Alert(
        String id,
        Rule rule,
        String participantId,
        @Schema(example = "STAC-2026-0001") String caseRef,
        String siteCode,
        @Schema(nullable = true, example = "incident") String recordType,

        @Schema(nullable = true, description = "Null unless the caller's role may read this kind of record")
        String recordId,

        @Schema(nullable = true, description = "The date of the record that raised it (the newest, if raised again)")
        LocalDate occurredOn,

        Instant raisedAt,

        @Schema(description = "The part the caller was told as: a team role, or site_reviewer")
        String toldAs,

        AlertState state,
        @Schema(nullable = true) Instant acknowledgedAt,

        @Schema(nullable = true, description = "The caller's own note; nobody else's")
        String acknowledgement,

        @Schema(nullable = true) Instant clearedAt,

        @Schema(
                nullable = true,
                description = "acknowledged, entered_in_error, attended, later_review_raised_nothing, reviewed, or a"
                        + " sweep's reason")
        String clearedBecause) {}
