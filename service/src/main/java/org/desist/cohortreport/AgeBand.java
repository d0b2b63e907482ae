package org.desist.cohortreport;

import java.time.LocalDate;
import java.time.Period;

/** An age band in place of a date of birth: coarse enough not to single anyone out, fine enough to evaluate. */
final class AgeBand {
    private AgeBand() {}

    static String at(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null || on == null) {
            return null;
        }
        int age = Period.between(dateOfBirth, on).getYears();
        if (age < 18) {
            return "under_18";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age >= 65) {
            return "65_and_over";
        }
        int lower = 25 + (age - 25) / 10 * 10;
        return lower + "-" + (lower + 9);
    }
}
