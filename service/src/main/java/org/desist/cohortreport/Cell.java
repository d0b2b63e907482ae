package org.desist.cohortreport;

import java.util.List;

/**
 * One number of a report before it is published: the figure it belongs to, its breakdown and period,
 * its value (null when it has none, such as a rate over nothing), and the cells it was computed from.
 * A hidden cell is never published itself (the number of engagement ratings behind a mean, say) but its
 * size still decides whether what it feeds may be.
 */
final class Cell {
    final Figure figure;
    final String breakdownBy;
    final String breakdown;
    final ReportingPeriod period;
    final Number value;
    final boolean published;
    final List<Cell> inputs;
    Suppression suppression;

    Cell(
            Figure figure,
            String breakdownBy,
            String breakdown,
            ReportingPeriod period,
            Number value,
            boolean published,
            List<Cell> inputs) {
        this.figure = figure;
        this.breakdownBy = breakdownBy;
        this.breakdown = breakdown;
        this.period = period;
        this.value = value;
        this.published = published;
        this.inputs = List.copyOf(inputs);
    }

    boolean isCount() {
        return figure == null || figure.measure() == Figure.Measure.count;
    }

    boolean isSuppressed() {
        return suppression != null;
    }

    /** A count from 1 to 4: few enough to point at people. */
    boolean isSmall() {
        return isCount() && value != null && value.longValue() >= 1 && value.longValue() <= Suppression.THRESHOLD - 1;
    }

    long count() {
        return value == null ? 0 : value.longValue();
    }
}
