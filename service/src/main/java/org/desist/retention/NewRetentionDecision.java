package org.desist.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The DPO's decision on a case due for review: retain until a day for a reason, or dispose. */
public record NewRetentionDecision(
        @Schema(allowableValues = {"retain", "dispose"}) @NotNull
        Kind decision,

        @Schema(example = "2029-01-31", description = "retain only: after today; the case comes up again that day")
        LocalDate until,

        @Schema(example = "Civil claim pending", description = "retain only: why the case is kept") @Size(max = 2000)
        String reason) {

    /** The two decisions. */
    public enum Kind {
        retain,
        dispose
    }
}
