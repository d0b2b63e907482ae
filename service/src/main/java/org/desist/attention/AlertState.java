package org.desist.attention;

/** Where an alert stands for one recipient; spelled as in {@code GET /api/alerts?state=}. */
public enum AlertState {
    /** Not cleared, and not yet acknowledged by this recipient. */
    open,
    /** Not cleared, acknowledged by this recipient (others may not have yet). */
    acknowledged,
    /** Its condition ended, or everyone told acknowledged it. */
    cleared
}
