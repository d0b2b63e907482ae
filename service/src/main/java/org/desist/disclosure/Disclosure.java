package org.desist.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One document handed out: a row of the ledger of disclosures. It holds no clinical content. */
public record Disclosure(
        String id,

        @Schema(nullable = true, description = "The case the document is about; null for a cohort's or the programme's")
        String participantId,

        DocumentKind kind,

        @Schema(nullable = true, description = "The cohort the document is about, where that is its subject")
        String cohortId,

        @Schema(nullable = true, description = "The site the document is about, where that is its subject")
        String siteCode,

        @Schema(example = "Jane Hill") String recipientName,
        @Schema(example = "HMPPS North West") String recipientOrganisation,
        @Schema(example = "parole hearing 2026-12-10") String purpose,

        @Schema(
                description = "Hex SHA-256 of the exact bytes sent",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String contentSha256,

        @Schema(description = "Size of the document sent, in bytes")
        long sizeBytes,

        Instant disclosedAt,
        @Schema(example = "k.worker") String disclosedBy) {}
