package org.desist.agenda;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When the site last met, by default: the daily review sits on working days, so the meeting before a day is the
 * previous Monday-to-Friday (a Monday's is the Friday before). A site that met otherwise says so with {@code since=}.
 */
final class LastMeeting {
    private LastMeeting() {}

    static LocalDate before(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (previous.getDayOfWeek() == DayOfWeek.SATURDAY || previous.getDayOfWeek() == DayOfWeek.SUNDAY) {
            previous = previous.minusDays(1);
        }
        return previous;
    }
}
