package org.desist.onward;

import java.time.LocalDate;
import org.desist.caserecord.CaseContext;
import org.desist.refusal.Refusal;

/**
 * Decides whether an onward referral may make a move: the date must have happened (422), the state
 * machine must allow it (409), and it must not be dated before the previous move (422).
 */
public final class ServiceReferralLifecycle {
    private ServiceReferralLifecycle() {}

    public static void check(
            ServiceReferralState from, LocalDate lastMoveOn, ServiceReferralTransition move, CaseContext context) {
        context.happened("on", move.on());
        if (!from.canMoveTo(move.to())) {
            String allowed = from.next().isEmpty()
                    ? "none: " + from + " is final"
                    : from.next().toString();
            throw new Refusal.Conflict("A service referral cannot move from " + from + " to " + move.to()
                    + "; moves allowed from " + from + ": " + allowed);
        }
        if (move.on().isBefore(lastMoveOn)) {
            throw new Refusal.Invalid("on", "must not be before the previous move (" + lastMoveOn + ")");
        }
    }
}
