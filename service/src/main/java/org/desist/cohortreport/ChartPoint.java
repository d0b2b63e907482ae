package org.desist.cohortreport;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;

/** One point of a chart in the cohort report PDF. A JavaBean, because Jasper reads getters, not records. */
public final class ChartPoint {
    private final String series;
    private final String category;
    private final Date month;
    private final Double value;

    public ChartPoint(String series, String category, Double value) {
        this(series, category, null, value);
    }

    private ChartPoint(String series, String category, Date month, Double value) {
        this.series = series;
        this.category = category;
        this.month = month;
        this.value = value;
    }

    /** A point of a chart by month; dated mid-month at noon UTC, so that it falls in that month in any time zone. */
    static ChartPoint monthly(String series, YearMonth month, Double value) {
        return new ChartPoint(series, month.toString(), Date.from(month.atDay(15).atTime(12, 0)
                .toInstant(ZoneOffset.UTC)), value);
    }

    public String getSeries() {
        return series;
    }

    public String getCategory() {
        return category;
    }

    /** The month of a point of a time chart; null on a category chart. */
    public Date getMonth() {
        return month;
    }

    /** Null for a withheld value: not drawn. */
    public Double getValue() {
        return value;
    }
}
