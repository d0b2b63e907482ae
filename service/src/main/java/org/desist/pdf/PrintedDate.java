package org.desist.pdf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * How every PDF prints a date: {@code 12 Jun 2026}, for a reader, not a machine (the JSON keeps ISO dates).
 * The month names are spelt out here because the JDK's UK locale abbreviates September as "Sept", alone
 * among the twelve.
 */
public final class PrintedDate {
    private static final Map<Long, String> MONTHS = Map.ofEntries(
            Map.entry(1L, "Jan"),
            Map.entry(2L, "Feb"),
            Map.entry(3L, "Mar"),
            Map.entry(4L, "Apr"),
            Map.entry(5L, "May"),
            Map.entry(6L, "Jun"),
            Map.entry(7L, "Jul"),
            Map.entry(8L, "Aug"),
            Map.entry(9L, "Sep"),
            Map.entry(10L, "Oct"),
            Map.entry(11L, "Nov"),
            Map.entry(12L, "Dec"));
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS)
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.EXCEEDS_PAD)
            .toFormatter(Locale.UK);
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral(' ')
            .append(MONTH)
            .toFormatter(Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME =
            new DateTimeFormatterBuilder().append(DAY).appendPattern(" HH:mm").toFormatter(Locale.UK);

    private PrintedDate() {}

    /** {@code 12 Jun 2026} */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** {@code Jun 2026} */
    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** {@code 12 Jun 2026 10:00}, the clock time in {@code zone}. */
    public static String time(Instant at, ZoneId zone) {
        return DAY_AND_TIME.format(at.atZone(zone));
    }

    /** {@code 12 Jun 2026 09:00 UTC} */
    public static String utc(Instant at) {
        return time(at, ZoneOffset.UTC) + " UTC";
    }
}
