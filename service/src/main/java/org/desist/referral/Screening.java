package org.desist.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.PropagateNull;

/** The screening stored with a referral's review, with its count of yes answers. */
public record Screening(
        @Schema(example = "S-DASH") @PropagateNull String instrument,
        @Nested("answers") ScreeningAnswers answers,

        @Schema(description = "How many questions were answered yes, 0-11")
        int yesCount) {}
