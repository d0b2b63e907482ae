package org.desist.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A session as scheduled. Its outcome is recorded later, once, with POST .../sessions/{rid}/outcome. */
public record NewSession(
        @NotNull SessionKind kind,

        @Schema(example = "2026-03-02T10:00:00Z", description = "UTC; may lie ahead (a planned session)") @NotNull
        Instant scheduledAt,

        @Schema(example = "50") @NotNull @Min(1) @Max(480) Integer durationMinutes,

        @Schema(example = "Dr A. Okafor") @NotBlank @Size(max = 200)
        String facilitator) {

    SessionBody asBody() {
        return new SessionBody(kind, scheduledAt, durationMinutes, facilitator, null, null, null, null, null, null);
    }
}
