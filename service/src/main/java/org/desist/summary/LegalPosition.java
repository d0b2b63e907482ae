package org.desist.summary;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.desist.legal.LegalMeasureKind;

/**
 * The legal position: as the latest referral stated it, and the legal measures recorded on the case,
 * those in force first. Measures entered in error are left out.
 */
public record LegalPosition(
        @Schema(nullable = true, example = "Released under investigation")
        String statedAtReferral,

        List<Measure> measures) {

    public record Measure(
            LegalMeasureKind kind,
            LocalDate from,
            @Schema(nullable = true) LocalDate until,
            @Schema(nullable = true) String conditions,

            @Schema(description = "In force on the summary's asOf day")
            boolean inForce) {}
}
