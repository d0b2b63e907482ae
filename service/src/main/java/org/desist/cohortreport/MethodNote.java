package org.desist.cohortreport;

import java.util.ArrayList;
import java.util.List;

/**
 * The method note printed at the end of the cohort and programme reports, so that a printed copy says
 * how its numbers were made: what is counted and when, how small numbers are withheld, and each
 * figure's definition from the catalogue ({@link Figure}), the one the JSON and CSV are computed from.
 */
final class MethodNote {
    static final String HEADING = "How the figures are counted";

    private MethodNote() {}

    static List<String> paragraphs() {
        List<String> note = new ArrayList<>();
        note.add("Period: both dates are included; each figure counts what is dated in the period, and series are"
                + " also given month by month. Enrolments by state are as they stand today, and reoffending is"
                + " followed up for a whole window (6, 12 or 24 months) after an exit. A site's figures are those of"
                + " its participants, enrolments and referrals; a model's are the sum of its sites'. Records marked"
                + " entered in error count nowhere.");
        note.add("Small numbers: a count from 1 to 4 is shown as " + Suppression.SMALL_NUMBER_SHOWN_AS + " and drawn"
                + " as a pale, dashed bar reaching 4 (the most it can be). Where one part of a published total is"
                + " withheld, the smallest other part is withheld too, and a rate, mean or median is withheld when a"
                + " count it is made of is: these are shown as " + Suppression.WITHHELD_SHOWN_AS + " and marked at"
                + " zero in the charts. Zero is published; targets and the baseline are never withheld.");
        note.add("Risk movement compares each participant's first assessment with their latest desistance review,"
                + " per domain, on the scale low, moderate, high: improved means the rating went down.");
        for (Figure figure : Figure.values()) {
            note.add(CohortReportPdf.label(figure.name()) + ": " + figure.definition() + ".");
        }
        return note;
    }
}
