package org.desist.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One step of an enrolment's history: the state reached, when, why, and who recorded it. */
public record EnrolmentEvent(
        EnrolmentState state,
        LocalDate on,
        @Schema(nullable = true) String reason,

        @Schema(nullable = true, example = "motivation/declined_to_engage")
        String reasonCode,

        String by,
        Instant recordedAt) {}
