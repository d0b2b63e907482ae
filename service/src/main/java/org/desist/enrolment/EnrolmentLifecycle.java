package org.desist.enrolment;

import java.time.LocalDate;
import org.desist.refusal.Refusal;

/** Decides whether an enrolment may make a move: the state machine first (409), then the dates (422). */
public final class EnrolmentLifecycle {
    private EnrolmentLifecycle() {}

    public static void check(EnrolmentState from, LocalDate lastMoveOn, EnrolmentState to, LocalDate on) {
        if (!from.canMoveTo(to)) {
            String allowed = from.next().isEmpty()
                    ? "none: " + from + " is final"
                    : from.next().toString();
            throw new Refusal.Conflict("An enrolment cannot move from " + from + " to " + to + "; moves allowed from "
                    + from + ": " + allowed);
        }
        if (on.isBefore(lastMoveOn)) {
            throw new Refusal.Invalid("on", "must not be before the previous move (" + lastMoveOn + ")");
        }
    }
}
