package org.desist.attention;

import org.desist.access.Action;

/**
 * The catalogue of what needs attention (docs/attention.md): each rule, and the read right a recipient's role
 * must hold on the kind of record it is about. An alert names only the rule, the case and the record's id and
 * date, so a recipient learns that something happened and when, never what a record says.
 */
public enum Rule {
    /** A breach of an order, contact with the victim, a new allegation, an arrest, a charge or a conviction. */
    incident_recorded(Action.INCIDENT_READ),
    /** A session whose outcome was recorded with a concern. */
    session_concern(Action.SESSION_READ),
    /** The last two sessions with an outcome were both did-not-attend. */
    consecutive_did_not_attend(Action.SESSION_READ),
    /** Enrolled, and no attended session for 21 days. */
    no_attended_session(Action.SESSION_READ),
    /** A desistance review raised a risk domain, or rated fixation/obsession 8 or more. */
    risk_raised(Action.DESISTANCE_REVIEW_READ),
    /** A risk plan action is past its due date and not done. */
    plan_action_overdue(Action.PLAN_ACTION_READ),
    /** A legal measure ends within 14 days. */
    legal_measure_ending(Action.LEGAL_MEASURE_READ),
    /** A victim-safety concern was recorded. */
    victim_safety_concern(Action.VICTIM_SAFETY_READ),
    /** A referral has waited more than one working day for the daily review: told to the site's reviewers. */
    referral_awaiting_review(Action.REFERRAL_REVIEW),
    /** An onward referral has not moved for 28 days. */
    onward_referral_stalled(Action.SERVICE_REFERRAL_READ);

    private final Action readRight;

    Rule(Action readRight) {
        this.readRight = readRight;
    }

    /** What a recipient's role must be allowed, so nobody is told of a kind of record they may not read. */
    public Action readRight() {
        return readRight;
    }
}
