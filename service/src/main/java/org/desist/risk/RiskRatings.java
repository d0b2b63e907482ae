package org.desist.risk;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** The four Stalking Risk Profile domains, each rated low, moderate or high. */
public record RiskRatings(
        @NotNull RiskRating violence,
        @NotNull RiskRating persistence,
        @NotNull RiskRating recurrence,
        @JsonProperty("psychosocial_damage") @NotNull RiskRating psychosocialDamage) {
}
