package org.desist.cohortreport;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * One point of a chart in the cohort and programme reports, with the label printed on its bar. A withheld
 * value is still a point: a small number stands at {@link #SMALL_NUMBER_DRAWN_AT} labelled "&lt;5" (the most
 * it can be), any other withheld value at zero labelled "[c]"; {@link ChartStyle} draws both pale and dashed.
 * A JavaBean, because Jasper reads getters, not records.
 */
public final class ChartPoint {
    /** A small number is from 1 to 4: its bar reaches the most it can be. */
    public static final double SMALL_NUMBER_DRAWN_AT = Suppression.THRESHOLD - 1;

    static final String IMPROVED = "Improved (risk down)";
    static final String STAYED = "Stayed";
    static final String WORSENED = "Worsened (risk up)";
    static final String TARGET = "target";
    static final String ATTENDANCE = "attendance";
    static final String BASELINE = "baseline";

    private final String series;
    private final String category;
    private final Date month;
    private final Double value;
    private final String label;

    private ChartPoint(String series, String category, Date month, Double value, String label) {
        this.series = series;
        this.category = category;
        this.month = month;
        this.value = value;
        this.label = label;
    }

    /** A figure's row as a point of a category chart; a rate is drawn as a percentage. */
    public static ChartPoint of(String series, String category, FigureRow row) {
        return point(series, category, null, row);
    }

    /** A point of a chart by month; dated mid-month at noon UTC, so that it falls in that month in any time zone. */
    public static ChartPoint monthly(String series, YearMonth month, FigureRow row) {
        return point(
                series,
                month.toString(),
                Date.from(month.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC)),
                row);
    }

    /** A level drawn across a chart by month (the target): a number, never withheld. */
    public static ChartPoint level(String series, YearMonth month, Double value) {
        return new ChartPoint(
                series,
                month.toString(),
                Date.from(month.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC)),
                value,
                null);
    }

    private static ChartPoint point(String series, String category, Date month, FigureRow row) {
        if (row != null && row.suppressed() == Suppression.small_number) {
            return new ChartPoint(series, category, month, SMALL_NUMBER_DRAWN_AT, Suppression.SMALL_NUMBER_SHOWN_AS);
        }
        if (row != null && row.suppressed() != null) {
            return new ChartPoint(series, category, month, 0.0, Suppression.WITHHELD_SHOWN_AS);
        }
        if (row == null || !(row.value() instanceof Number number)) {
            return new ChartPoint(series, category, month, null, null);
        }
        boolean rate = Figure.Measure.valueOf(row.measure()) == Figure.Measure.rate
                || Figure.Measure.valueOf(row.measure()) == Figure.Measure.baseline;
        double value = rate ? number.doubleValue() * 100 : number.doubleValue();
        return new ChartPoint(
                series, category, month, value, rate ? Math.round(value) + "%" : CohortReportPdf.shown(row));
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

    /** Null when there is no value (a rate over nothing): nothing to draw. */
    public Double getValue() {
        return value;
    }

    /** What the bar is labelled: the value as printed, "&lt;5" or "[c]"; null with no value. */
    public String getLabel() {
        return label;
    }
}
