package org.desist.attention.atonce;

/** Why an at-once rule's alert was cleared, as stored in alert.cleared_because (docs/attention.md). */
final class Cleared {
    /** The record that raised it was marked entered in error. */
    static final String ENTERED_IN_ERROR = "entered_in_error";
    /** An attended or late outcome was recorded after the missed sessions. */
    static final String ATTENDED = "attended";
    /** A later desistance review raised no domain and rated fixation below 8. */
    static final String RISK_SETTLED = "later_review_raised_nothing";

    private Cleared() {}
}
