package org.desist.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request to open another site's case: its reference, and why (kept with the grant and every read's audit row). */
public record NewBreakGlass(
        @Schema(example = "STAC-2026-0001", description = "The case's reference, as its site gave it")
        @NotBlank
        @Size(max = 40)
        String caseReference,

        @Schema(
                example = "Arrested in our area overnight; checking bail conditions and risk before interview",
                description = "Why the case must be opened now: at least " + BreakGlass.MIN_WORDS + " words, at most "
                        + BreakGlass.MAX_REASON + " characters. Told to the case's site.")
        @NotBlank
        @Size(max = BreakGlass.MAX_REASON)
        String reason) {}
