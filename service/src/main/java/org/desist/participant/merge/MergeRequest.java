package org.desist.participant.merge;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Merge the participant addressed into another: the same person entered twice. Checked by
 * {@link ParticipantMerge} (422 naming the field), so that an unknown survivor and a missing one read alike.
 */
@Schema(
        name = "MergeRequest",
        description = "Merge the participant addressed (a duplicate) into `into`, the record" + " that survives")
public record MergeRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Id of the participant that survives and"
                        + " takes the whole case; not the participant addressed",
                example = "4d2e7c1a-9b3f-4a6e-8c51-0f7d3b2a9e64",
                maxLength = 100)
        String into,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Why the two are one person (what was" + " checked); kept with the merged participant",
                example = "Same person: NHS number confirmed with"
                        + " the GP surgery; second referral entered without it",
                minLength = 1,
                maxLength = 2000)
        String reason) {

    static final int MAX_ID = 100;
    static final int MAX_REASON = 2000;
}
