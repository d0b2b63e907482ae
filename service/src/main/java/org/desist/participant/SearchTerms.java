package org.desist.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.refusal.Refusal;

/**
 * The body of POST /participants/search: the terms GET /participants took in its query string, with the page
 * asked for. Names and numbers travel here, in a body, so no address (and no proxy's log or browser history)
 * holds them.
 */
@Schema(description = "What to search for; every term given must match, and an empty body lists every participant")
public record SearchTerms(
        @Size(max = 200)
        @Schema(
                description = "Part of the name (either order) or of the case reference; case, spacing and"
                        + " accents are ignored",
                example = "zoe mckay")
        String q,

        @Size(max = 20) @Schema(description = "The whole NHS number; spaces are ignored", example = "943 476 5919")
        String nhsNumber,

        @Size(max = 20)
        @Schema(description = "The whole PNC id; case and spaces are ignored", example = "2019/0012345A")
        String pncId,

        @Schema(description = "The date of birth (yyyy-mm-dd)", example = "1987-03-14")
        LocalDate dateOfBirth,

        @Pattern(
                regexp = "(referred|assessing|enrolled|completed|withdrawn|disengaged|breached|transferred"
                        + "|not_suitable)?",
                message = "must be an enrolment state")
        @Schema(description = "The state of the participant's latest enrolment", example = "enrolled")
        String enrolmentState,

        @Pattern(regexp = "(standard|medium|high)?", message = "must be standard, medium or high")
        @Schema(description = "The priority the daily review gave the latest reviewed referral", example = "high")
        String priority,

        @Size(max = 20) @Schema(description = "Only this site's participants", example = "STAC")
        String siteCode,

        @Schema(description = "Created on or after this day (London), yyyy-mm-dd", example = "2026-01-01")
        LocalDate from,

        @Schema(description = "Created on or before this day (London); not before `from`", example = "2026-12-31")
        LocalDate to,

        @Min(1) @Max(MAX_LIMIT) @Schema(description = "Items per page (1-500, 50 when left out)", example = "50")
        Integer limit,

        @Min(0)
        @Max(Integer.MAX_VALUE - MAX_LIMIT - 1)
        @Schema(description = "Items to skip: the `nextOffset` of the page before (0 when left out)", example = "0")
        Integer offset) {

    /** As GET's paging allows (http.Paging, which a service's types may not see). */
    static final int MAX_LIMIT = 500;

    /** The terms as GET /participants reads them. */
    public ParticipantSearch search() {
        return new ParticipantSearch(q, nhsNumber, pncId, dateOfBirth).standing(enrolmentState, priority);
    }

    /** The days asked for; {@code to} before {@code from} would silently match nothing, so it is refused. */
    public Period period() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new Refusal.Invalid("to", "must not be before from");
        }
        return new Period(from, to);
    }

    public PageRequest page() {
        return new PageRequest(limit == null ? 50 : limit, offset == null ? 0 : offset);
    }
}
