package org.desist.victimsafety;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A concern for the victim's safety as the advocate raises it, and as amended. */
public record NewVictimSafetyConcern(
        @Schema(example = "2026-03-10") @NotNull LocalDate raisedOn,

        @Schema(example = "Victim saw the participant's car parked outside her workplace twice this week")
        @NotBlank
        @Size(max = 4000)
        String concern,

        @Schema(nullable = true, example = "Safety plan reviewed with the victim; police informed via the panel")
        @Size(max = 4000)
        String actionTaken,

        @Schema(
                nullable = true,
                example = "VA-2026-0147",
                description = "The victim reference of one of the case's referrals; may be left out when the case has"
                        + " only one. Never the victim's identity.")
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9/_-]{1,39}",
                message =
                        "must be an opaque reference (2-40 letters, digits, '/', '_' or '-'), never the victim's identity")
        String victimRef) {

    NewVictimSafetyConcern about(String resolvedVictimRef) {
        return new NewVictimSafetyConcern(raisedOn, concern, actionTaken, resolvedVictimRef);
    }
}
