package org.desist.session;

/** How a session turned out; attended and late count as attended, cancellations by the service are not offered. */
public enum SessionOutcome {
    attended,
    late,
    did_not_attend,
    cancelled_by_service,
    cancelled_by_participant;

    /** Whether the participant was there, so that their engagement can be rated. */
    public boolean present() {
        return this == attended || this == late;
    }
}
