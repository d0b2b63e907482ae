package org.desist.cohortreport;

import org.desist.json.ExpectedValue;
import org.desist.refusal.Refusal;

/**
 * Which cohorts the programme comparison counts enrolments and targets of. A lead asking "how is enrolment going"
 * means this year's cohorts, not every year's added up: both are offered, and every answer says which it is.
 */
public enum ComparisonScope {
    /** Every cohort of each site since the programme began (programme to date). */
    programme("Programme to date: every cohort of each site"),
    /** Only the cohorts whose dates overlap the period: their enrolments, their targets, their end dates. */
    period("The cohorts running in the period");

    private final String label;

    ComparisonScope(String label) {
        this.label = label;
    }

    /** How a page or a PDF names the scope. */
    public String label() {
        return label;
    }

    /** A {@code ?scope=} parameter read strictly: absent is programme (as before scopes), a bad value a 400 naming it. */
    public static ComparisonScope parameter(String value) {
        if (value == null) {
            return programme;
        }
        for (ComparisonScope scope : values()) {
            if (scope.name().equals(value)) {
                return scope;
            }
        }
        throw new Refusal.BadParameter("scope", ExpectedValue.describe(ComparisonScope.class));
    }
}
