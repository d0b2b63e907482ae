package org.desist.enrolment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a participant stands in a cohort, and the only moves the programme allows:
 * referred → assessing | withdrawn; assessing → enrolled | not_suitable | withdrawn;
 * enrolled → completed | withdrawn | disengaged | breached | transferred. The rest are final.
 */
public enum EnrolmentState {
    referred,
    assessing,
    enrolled,
    completed,
    withdrawn,
    disengaged,
    breached,
    transferred,
    not_suitable;

    public Set<EnrolmentState> next() {
        return switch (this) {
            case referred -> EnumSet.of(assessing, withdrawn);
            case assessing -> EnumSet.of(enrolled, not_suitable, withdrawn);
            case enrolled -> EnumSet.of(completed, withdrawn, disengaged, breached, transferred);
            default -> EnumSet.noneOf(EnrolmentState.class);
        };
    }

    public boolean canMoveTo(EnrolmentState to) {
        return next().contains(to);
    }

    /** Open states can still move; a participant may hold only one open enrolment. */
    public boolean isOpen() {
        return !next().isEmpty();
    }

    /** Final states reached from 'enrolled' or before it: the ways a participant leaves the programme. */
    public boolean isExit() {
        return !isOpen();
    }
}
