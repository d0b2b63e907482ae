package org.desist.attention;

import org.desist.access.Action;

/**
 * The catalogue of what needs attention (docs/attention.md): each rule, and the read right on the kind of record
 * it is about. An alert names the rule, the case and the date; the record's id goes only to a recipient whose
 * role may read that kind. So an advocate told of a clinician's concern learns that a concern was raised and
 * when, never the note.
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
    onward_referral_stalled(Action.SERVICE_REFERRAL_READ),
    /**
     * Someone opened the case by break-glass from another site: told to the case's site's programme leads and
     * every data protection officer. The record behind it is the grant (its reason is in the audit trail).
     */
    break_glass_opened(Action.PARTICIPANT_READ);

    private final Action readRight;

    Rule(Action readRight) {
        this.readRight = readRight;
    }

    /** What a recipient's role must be allowed to be shown the record behind the alert (its id and link). */
    public Action readRight() {
        return readRight;
    }
}
