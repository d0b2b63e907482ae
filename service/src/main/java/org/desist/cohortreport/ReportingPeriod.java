package org.desist.cohortreport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.desist.refusal.Refusal;

/**
 * The dates figures are counted between, both inclusive, and the months they are shown by. A period
 * longer than {@link #MAX_YEARS} years is refused: nobody reads a chart of centuries, and it would
 * cost rows for nothing.
 */
public record ReportingPeriod(LocalDate from, LocalDate to) {
    public static final int MAX_YEARS = 10;

    /** The period a request names; a missing date takes its default, or is refused when it has none (null). */
    public static ReportingPeriod of(LocalDate from, LocalDate to, LocalDate defaultFrom, LocalDate defaultTo) {
        LocalDate start = from != null ? from : defaultFrom;
        LocalDate end = to != null ? to : defaultTo;
        if (start == null) {
            throw new Refusal.BadParameter("from", "is required (yyyy-mm-dd)");
        }
        if (end == null) {
            throw new Refusal.BadParameter("to", "is required (yyyy-mm-dd)");
        }
        if (end.isBefore(start)) {
            throw new Refusal.BadParameter("to", "must not be before from (" + start + ")");
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw new Refusal.BadParameter("to", "must be at most " + MAX_YEARS + " years after from");
        }
        return new ReportingPeriod(start, end);
    }

    /** The months the period touches, first to last. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The part of a month inside the period. */
    public ReportingPeriod within(YearMonth month) {
        LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
        LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
        return new ReportingPeriod(start, end);
    }
}
