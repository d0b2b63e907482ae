package org.desist.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A session as amended: its schedule, and once an outcome is recorded, the outcome too. The outcome
 * itself is first recorded with POST .../outcome, never by amendment, and an amendment cannot remove it:
 * {@code outcomeRecordedAt} (which no patch may change) tells {@link Sessions#check} which case applies.
 */
public record SessionBody(
        @NotNull SessionKind kind,
        @Schema(example = "2026-03-02T10:00:00Z") @NotNull Instant scheduledAt,
        @Schema(example = "50") @NotNull @Min(1) @Max(480) Integer durationMinutes,

        @Schema(example = "Dr A. Okafor") @NotBlank @Size(max = 200)
        String facilitator,

        @Schema(nullable = true) SessionOutcome outcome,

        @Schema(nullable = true, example = "4") @Min(1) @Max(5)
        Integer engagement,

        @Schema(nullable = true, example = "Arrived on time; engaged well with the relapse-prevention work")
        @Size(max = 8000)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String notes,

        @Schema(nullable = true) Boolean shareable,

        @Schema(nullable = true, example = "Said he drove past the victim's workplace last week")
        @Size(max = 2000)
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String concern,

        @Schema(nullable = true, accessMode = Schema.AccessMode.READ_ONLY, example = "2026-03-02T11:05:00Z")
        Instant outcomeRecordedAt) {

    /**
     * Some character that is not white space; null passes, as for every constraint but @NotNull. Written
     * to mean the same in Java (a whole match) and in the OpenAPI description (ECMA-262, a search).
     */
    static final String NOT_BLANK = "\\s*\\S[\\s\\S]*";
}
