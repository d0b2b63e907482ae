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
 * chart shows; a withheld value is said to be withheld, as the chart leaves it undrawn.
 */
final class ChartDescription {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private ChartDescription() {
    }

    /**
     * @param title  what the chart shows, as its heading says
     * @param unit   what follows each value ("" for counts, "%" for percentages)
     * @param points the chart's points, in the order they are drawn
     */
    static String of(String title, String unit, List<ChartPoint> points) {
        if (points.isEmpty()) {
            return "Chart: " + title + ". No figures to show.";
        }
        Map<String, List<ChartPoint>> bySeries = new LinkedHashMap<>();
        for (ChartPoint point : points) {
            bySeries.computeIfAbsent(point.getSeries(), series -> new ArrayList<>()).add(point);
        }
        StringBuilder words = new StringBuilder("Chart: ").append(title).append('.');
        bySeries.forEach((series, seriesPoints) -> words.append(' ').append(Character.toUpperCase(series.charAt(0)))
                .append(series.substring(1)).append(": ").append(String.join(", ", values(seriesPoints, unit)))
                .append('.'));
        return words.toString();
    }

    /** Each point's category and value; a run of withheld values is said once, "Jan 2023 to Jun 2023 withheld". */
    private static List<String> values(List<ChartPoint> points, String unit) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String first = category(points.get(i).getCategory());
            if (points.get(i).getValue() != null) {
                values.add(first + " " + value(points.get(i).getValue(), unit));
                continue;
            }
            int last = i;
            while (last + 1 < points.size() && points.get(last + 1).getValue() == null) {
                last++;
            }
            values.add(last == i ? first + " withheld"
                    : first + " to " + category(points.get(last).getCategory()) + " withheld");
            i = last;
        }
        return values;
    }

    private static String category(String category) {
        try {
            return MONTH.format(YearMonth.parse(category));
        } catch (DateTimeParseException notAMonth) {
            return category;
        }
    }

    private static String value(double value, String unit) {
        BigDecimal shown = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString() + unit;
    }
}
