package org.desist.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A closed case in the review queue, with the policy and the date its review runs from. */
public record ReviewItem(
        String participantId,
        String caseReference,
        String site,

        @Schema(description = "enrolled: the case had an enrolment; not_enrolled: it never did")
        RecordClass recordClass,

        @Schema(description = "The date the review clock runs from, in words")
        String clockFrom,

        @Schema(example = "P6Y", description = "The configured retention period of the record class (ISO-8601)")
        String policy,

        @Schema(description = "The day the case closed: the date the clock runs from")
        LocalDate closedOn,

        @Schema(description = "closedOn plus the policy, or the last retain decision's until")
        LocalDate reviewDueOn,

        @Schema(
                allowableValues = {"policy", "retained_until"},
                description = "Why reviewDueOn is that day")
        String dueBecause,

        @Schema(nullable = true, description = "The latest decision on the case, if any")
        RetentionDecision lastDecision,

        @Schema(description = "A legal hold is on: the case cannot be disposed of until it is lifted")
        boolean legalHold) {}
