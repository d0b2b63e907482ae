package org.desist.enrolment;

import java.time.Instant;
import java.time.LocalDate;

/** An enrolment as stored, before its history is attached. */
public record EnrolmentRow(
        String id,
        String participantId,
        String caseRef,
        String siteCode,
        String cohortId,
        EnrolmentState state,
        LocalDate stateOn,
        LocalDate enrolledOn,
        Instant createdAt) {

    Enrolment withHistory(java.util.List<EnrolmentEvent> history) {
        return new Enrolment(id, participantId, caseRef, cohortId, state, stateOn, enrolledOn, createdAt, history);
    }
}
