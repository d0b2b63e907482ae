package org.desist.summary;

import org.desist.access.Action;

/**
 * Who a case summary is for. Each audience is a separate action in the access matrix, its own audit
 * resource type, and its own document: the CPS one is not the probation one with parts hidden.
 */
public enum Audience {
    probation(Action.SUMMARY_PROBATION, "Probation case summary"),
    cps(Action.SUMMARY_CPS, "CPS case summary");

    private final Action action;
    private final String title;

    Audience(Action action, String title) {
        this.action = action;
        this.title = title;
    }

    public Action action() {
        return action;
    }

    /** The resource type of its audit rows: {@code probation_summary}, {@code cps_summary}. */
    public String resourceType() {
        return action.resourceType();
    }

    public String title() {
        return title;
    }

    /** {@code STAC-2026-0001-probation-summary-2026-11-24.pdf} */
    public String fileName(String caseRef, java.time.LocalDate on) {
        return caseRef + "-" + name() + "-summary-" + on + ".pdf";
    }
}
