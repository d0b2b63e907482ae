package org.desist.session;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collection;

/**
 * Attendance over a set of sessions: the attendance rate is attended + late over the sessions whose
 * outcome is known, cancellations by the service excluded (the participant was not offered them).
 * A cancellation by the participant counts as offered and not attended. Sessions still without an
 * outcome (null) are not counted; leave out sessions entered in error before counting.
 *
 * @param offered sessions with a known outcome, except those the service cancelled
 * @param attended attended or late
 * @param didNotAttend did not attend, without cancelling
 * @param cancelledByParticipant cancelled by the participant
 * @param rate attended / offered, or null when nothing was offered
 */
public record Attendance(
        int offered,
        int attended,
        int didNotAttend,
        int cancelledByParticipant,

        @Schema(nullable = true, description = "Null when nothing was offered")
        Double rate) {

    /** From counts of sessions by outcome, as SQL gives them. */
    public static Attendance ofCounts(int attendedOrLate, int didNotAttend, int cancelledByParticipant) {
        int offered = attendedOrLate + didNotAttend + cancelledByParticipant;
        return new Attendance(
                offered,
                attendedOrLate,
                didNotAttend,
                cancelledByParticipant,
                offered == 0 ? null : (double) attendedOrLate / offered);
    }

    public static Attendance of(Collection<SessionOutcome> outcomes) {
        int attended = 0;
        int didNotAttend = 0;
        int cancelledByParticipant = 0;
        for (SessionOutcome outcome : outcomes) {
            if (outcome == null) {
                continue;
            }
            switch (outcome) {
                case attended, late -> attended++;
                case did_not_attend -> didNotAttend++;
                case cancelled_by_participant -> cancelledByParticipant++;
                case cancelled_by_service -> {
                    // not offered to the participant
                }
                default -> throw new IllegalArgumentException("Unknown outcome " + outcome);
            }
        }
        return ofCounts(attended, didNotAttend, cancelledByParticipant);
    }
}
