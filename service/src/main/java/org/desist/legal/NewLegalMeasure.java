package org.desist.legal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A legal measure as recorded, and as amended. {@code from} may precede the referral (an order made
 * before the case reached the programme) or lie ahead; {@code until} is absent for a measure with no
 * end date and must not precede {@code from}.
 */
public record NewLegalMeasure(
        @NotNull LegalMeasureKind kind,
        @Schema(example = "2026-01-15") @NotNull LocalDate from,
        @Schema(example = "2028-01-14", nullable = true) LocalDate until,

        @Schema(
                example = "Not to contact the victim directly or indirectly; not to enter Church Street",
                nullable = true)
        @Size(max = 4000)
        String conditions) {}
