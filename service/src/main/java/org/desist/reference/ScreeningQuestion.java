package org.desist.reference;

import io.swagger.v3.oas.annotations.media.Schema;

/** One question of a triage screening instrument, as worded in the reference data. */
public record ScreeningQuestion(
        @Schema(example = "S-DASH") String instrument,
        @Schema(example = "q1") String key,
        @Schema(example = "Is the victim very frightened?") String wording) {}
