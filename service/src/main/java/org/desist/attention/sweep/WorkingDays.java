package org.desist.attention.sweep;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Monday to Friday, less the configured holidays (attention.holidays): the days the daily review meets. */
public final class WorkingDays {
    /** Further back than any run of holidays: past it, a calendar with no working day at all answers nothing. */
    private static final int SEARCH_DAYS = 366;

    private final Set<LocalDate> holidays;

    public WorkingDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /**
     * The latest day received on which a referral has, by {@code today}, waited more than one working day: the
     * second working day after it has come (today counts once it is a working day). Received on a Friday, the
     * Monday is its one working day and the Tuesday is past it; received on a Thursday, the Monday is past it.
     */
    public Optional<LocalDate> latestOverdueReceipt(LocalDate today) {
        int working = isWorkingDay(today) ? 1 : 0; // working days after the candidate day, up to today
        LocalDate candidate = today.minusDays(1);
        for (int i = 0; i < SEARCH_DAYS; i++, candidate = candidate.minusDays(1)) {
            if (working >= 2) {
                return Optional.of(candidate);
            }
            if (isWorkingDay(candidate)) {
                working++;
            }
        }
        return Optional.empty();
    }
}
