package org.desist.enrolment;

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
        LocalDate enrolledOn,
        Instant createdAt,
        List<EnrolmentEvent> history) {
}
