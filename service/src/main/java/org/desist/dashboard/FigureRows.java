package org.desist.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.desist.cohortreport.FigureRow;

/** The rows of a cohort report or a comparison, found by figure, breakdown, group and period. */
public final class FigureRows {
    private final List<FigureRow> rows;

    public FigureRows(List<FigureRow> rows) {
        this.rows = rows;
    }

    /** Whether any group has the figure: a figure this build does not count yet has no rows, and no chart. */
    boolean has(String figure) {
        return rows.stream().anyMatch(row -> row.figure().equals(figure));
    }

    /**
     * A figure's row over the whole period (breakdown null: its total): the widest of its periods, so the total of a
     * monthly figure rather than a month, and enrolments' "now".
     */
    Optional<FigureRow> whole(String figure, String breakdown, String group) {
        return rows.stream()
                .filter(row -> row.figure().equals(figure)
                        && Objects.equals(row.breakdown(), breakdown)
                        && row.group().equals(group))
                .max(Comparator.comparingLong(
                                (FigureRow row) -> ChronoUnit.DAYS.between(row.periodStart(), row.periodEnd()))
                        .thenComparing(FigureRow::periodEnd));
    }

    /** A figure's row for exactly this period (a month of a monthly figure). */
    Optional<FigureRow> over(String figure, String breakdown, String group, LocalDate start, LocalDate end) {
        return rows.stream()
                .filter(row -> row.figure().equals(figure)
                        && Objects.equals(row.breakdown(), breakdown)
                        && row.group().equals(group)
                        && row.periodStart().equals(start)
                        && row.periodEnd().equals(end))
                .findFirst();
    }

    /** The categories a figure is broken down into, in the order the rows give them. */
    List<String> breakdowns(String figure) {
        Set<String> found = new LinkedHashSet<>();
        rows.stream()
                .filter(row -> row.figure().equals(figure) && row.breakdown() != null)
                .forEach(row -> found.add(row.breakdown()));
        return List.copyOf(found);
    }
}
