package org.desist.summary;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** Who the summary is about. */
public record CaseIdentity(
        @Schema(example = "STAC-2026-0001") String caseRef,
        String siteCode,

        @Schema(example = "London Stalking Threat Assessment Centre")
        String siteName,

        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        @Schema(nullable = true) String pncId,

        @Schema(nullable = true, example = "9434765919", description = "Ten digits, no spaces")
        String nhsNumber) {}
