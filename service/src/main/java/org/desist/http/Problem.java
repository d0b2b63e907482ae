package org.desist.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.desist.refusal.MatchedParticipant;

/** An RFC 9457 problem details body, with the fields at fault listed in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(description = "Always about:blank: the status says what kind of problem it is", example = "about:blank")
        String type,

        @Schema(description = "The status's reason phrase", example = "Unprocessable Content")
        String title,

        @Schema(description = "The HTTP status", example = "422")
        int status,

        @Schema(
                description = "What went wrong, in words",
                example =
                        "decision must be one of: accept_for_intervention, community_referral_only, consultation_only,"
                                + " no_further_action")
        String detail,

        @Schema(description = "The fields at fault, each with the reason; absent when no field is to blame")
        List<FieldError> errors,

        @Schema(description = "For server errors only: the id under which the incident was logged")
        String incidentId,

        @Schema(
                description = "For a 409 on a person's identity: the live participants the request matched that the"
                        + " caller may see (none when the match is at a site outside the caller's scope)")
        List<MatchedParticipant> matches,

        @Schema(
                description =
                        "Only with 410 Gone: the participant this one was merged into, which now holds the" + " case",
                example = "4d2e7c1a-9b3f-4a6e-8c51-0f7d3b2a9e64")
        String mergedInto,

        @Schema(
                description = "Only with 410 Gone: the case reference of the participant this one was merged into",
                example = "STAC-2026-0007")
        String mergedIntoCaseRef) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, String incidentId) {
        this(type, title, status, detail, errors, incidentId, List.of(), null, null);
    }
}
