package org.desist.riskplan;

import java.util.EnumSet;
import java.util.Set;

/** An action of the plan is open until it is done or dropped; both are final. */
public enum PlanActionState {
    open,
    done,
    dropped;

    public Set<PlanActionState> next() {
        return this == open ? EnumSet.of(done, dropped) : EnumSet.noneOf(PlanActionState.class);
    }

    public boolean canMoveTo(PlanActionState to) {
        return next().contains(to);
    }
}
