package org.desist.restriction;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why processing of a case is restricted: the only purpose its reads may then serve. */
public record NewRestriction(
        @Schema(example = "accuracy contested by the data subject") @NotBlank @Size(max = Restrictions.MAX_PURPOSE)
        String purpose) {}
