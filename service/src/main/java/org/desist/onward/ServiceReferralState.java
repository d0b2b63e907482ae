package org.desist.onward;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an onward referral stands, and the only moves allowed: made → accepted | declined;
 * accepted → engaged | disengaged; engaged → completed | disengaged. The rest are final.
 */
public enum ServiceReferralState {
    made,
    accepted,
    declined,
    engaged,
    disengaged,
    completed;

    public Set<ServiceReferralState> next() {
        return switch (this) {
            case made -> EnumSet.of(accepted, declined);
            case accepted -> EnumSet.of(engaged, disengaged);
            case engaged -> EnumSet.of(completed, disengaged);
            default -> EnumSet.noneOf(ServiceReferralState.class);
        };
    }

    public boolean canMoveTo(ServiceReferralState to) {
        return next().contains(to);
    }
}
