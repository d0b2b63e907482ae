package org.desist.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How a session turned out, recorded once after its scheduled time. */
public record NewOutcome(
        @NotNull SessionOutcome outcome,

        @Schema(
                nullable = true,
                example = "4",
                description = "1 (disengaged) to 5 (fully engaged); only when attended or late")
        @Min(1)
        @Max(5)
        Integer engagement,

        @Schema(
                nullable = true,
                description = "Clinical free text: returned to clinicians only",
                example = "Arrived on time. Explored the urge to check the victim's social media; agreed a delay plan.")
        @Size(max = 8000)
        @Pattern(regexp = SessionBody.NOT_BLANK, message = "must not be blank")
        String notes,

        @Schema(
                nullable = true,
                description =
                        "The clinician agrees the notes may appear in the probation summary;" + " false when absent")
        Boolean shareable,

        @Schema(
                nullable = true,
                description = "Behaviour the probation officer must hear about",
                example = "Said he drove past the victim's workplace last week")
        @Size(max = 2000)
        @Pattern(regexp = SessionBody.NOT_BLANK, message = "must not be blank")
        String concern) {

    boolean isShareable() {
        return Boolean.TRUE.equals(shareable);
    }
}
