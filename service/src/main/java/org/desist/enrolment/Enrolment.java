package org.desist.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record Enrolment(
        String id,
        String participantId,
        String caseRef,
        String cohortId,
        EnrolmentState state,
        LocalDate stateOn,

        @Schema(nullable = true, description = "When it reached enrolled; null before")
        LocalDate enrolledOn,

        Instant createdAt,
        List<EnrolmentEvent> history) {}
