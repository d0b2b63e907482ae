package org.desist.cohortreport;

import java.util.Arrays;
import java.util.List;

/**
 * Figure rows as a tidy CSV: one row per figure × breakdown × group × period, columns named for R and
 * Excel users. A suppressed value is "<5" (a count from 1 to 4) or empty, with the reason beside it.
 */
public final class FiguresCsv {
    static final List<String> COLUMNS = List.of(
            "figure",
            "measure",
            "breakdown_by",
            "breakdown",
            "group_type",
            "group",
            "period_start",
            "period_end",
            "value",
            "suppressed");

    private FiguresCsv() {}

    public static String of(List<FigureRow> rows) {
        Csv csv = new Csv(COLUMNS);
        for (FigureRow row : rows) {
            csv.row(Arrays.asList(
                    row.figure(),
                    row.measure(),
                    row.breakdownBy(),
                    row.breakdown(),
                    row.groupType(),
                    row.group(),
                    row.periodStart(),
                    row.periodEnd(),
                    row.value(),
                    row.suppressed()));
        }
        return csv.toString();
    }
}
