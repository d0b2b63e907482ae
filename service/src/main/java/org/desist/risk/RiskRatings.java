package org.desist.risk;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;

/**
 * The four risk domains of the Stalking Risk Profile, each rated: the risk of stalking violence, of
 * the stalking persisting, of it recurring, and of psychosocial damage to the stalker. Stored as four
 * columns wherever it is kept, so cohort figures can aggregate each domain in SQL.
 */
@Schema(description = "A rating for each of the four Stalking Risk Profile domains; all four are required")
public record RiskRatings(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull
        RiskRating violence,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull
        RiskRating persistence,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull
        RiskRating recurrence,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("psychosocial_damage") @NotNull
        RiskRating psychosocialDamage) {

    /**
     * Refuses ratings missing a domain, naming each missing one by its JSON path under {@code field}
     * ({@code riskRatings.psychosocial_damage}). Checked here rather than with bean validation, which
     * would name the Java component instead of the JSON field.
     */
    public void requireAll(String field) {
        List<FieldReason> missing = new ArrayList<>();
        if (violence == null) {
            missing.add(new FieldReason(field + ".violence", "must not be null"));
        }
        if (persistence == null) {
            missing.add(new FieldReason(field + ".persistence", "must not be null"));
        }
        if (recurrence == null) {
            missing.add(new FieldReason(field + ".recurrence", "must not be null"));
        }
        if (psychosocialDamage == null) {
            missing.add(new FieldReason(field + ".psychosocial_damage", "must not be null"));
        }
        if (!missing.isEmpty()) {
            String detail = missing.size() == 1
                    ? missing.get(0).field() + " must not be null"
                    : missing.size() + " fields are invalid";
            throw new Refusal.Invalid(detail, missing);
        }
    }
}
