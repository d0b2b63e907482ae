package org.desist.cohortreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chart's figures in words: the alternate text of its image in the tagged PDF, which a screen reader
 * reads in place of the picture. Every point is named, series by series, so the words hold what the
 * chart shows; a withheld value is said as the chart labels it.
 */
public final class ChartDescription {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private ChartDescription() {}

    /**
     * @param title  what the chart shows, as its heading says
     * @param unit   what follows each value ("" for counts, "%" for percentages)
     * @param points the chart's points, in the order they are drawn
     */
    public static String of(String title, String unit, List<ChartPoint> points) {
        if (points.isEmpty()) {
            return "Chart: " + title + ". No figures to show.";
        }
        Map<String, List<ChartPoint>> bySeries = new LinkedHashMap<>();
        for (ChartPoint point : points) {
            bySeries.computeIfAbsent(point.getSeries(), series -> new ArrayList<>())
                    .add(point);
        }
        StringBuilder words = new StringBuilder("Chart: ").append(title).append('.');
        bySeries.forEach((series, seriesPoints) -> words.append(' ')
                .append(Character.toUpperCase(series.charAt(0)))
                .append(series.substring(1))
                .append(": ")
                .append(String.join(", ", values(seriesPoints, unit)))
                .append('.'));
        return words.toString();
    }

    /**
     * Each point's category and value; a withheld point is said as the chart labels it ("fewer than 5",
     * "withheld"), and a run of points alike is said once: "Jan 2023 to Jun 2023 fewer than 5".
     */
    private static List<String> values(List<ChartPoint> points, String unit) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String first = category(points.get(i).getCategory());
            String said = said(points.get(i), unit);
            if (said.equals(number(points.get(i), unit))) {
                values.add(first + " " + said);
                continue;
            }
            int last = i;
            while (last + 1 < points.size() && said(points.get(last + 1), unit).equals(said)) {
                last++;
            }
            values.add(
                    last == i
                            ? first + " " + said
                            : first + " to " + category(points.get(last).getCategory()) + " " + said);
            i = last;
        }
        return values;
    }

    /** A point as words: its number, or what stands in for one. */
    private static String said(ChartPoint point, String unit) {
        if (Suppression.SMALL_NUMBER_SHOWN_AS.equals(point.getLabel())) {
            return "fewer than 5";
        }
        if (Suppression.WITHHELD_SHOWN_AS.equals(point.getLabel())) {
            return "withheld";
        }
        return point.getValue() == null ? "no figure" : number(point, unit);
    }

    private static String number(ChartPoint point, String unit) {
        return point.getValue() == null ? null : value(point.getValue(), unit);
    }

    private static String category(String category) {
        try {
            return MONTH.format(YearMonth.parse(category));
        } catch (DateTimeParseException notAMonth) {
            return category;
        }
    }

    private static String value(double value, String unit) {
        BigDecimal shown =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString() + unit;
    }
}
