package org.desist.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.desist.cohortreport.ComparisonScope;
import org.desist.refusal.Refusal;

/**
 * The period picker's answer: from, to and (on the programme page) the scope, as typed into the form. A date that
 * is not a date is refused naming its field, so the page shows it in its error summary rather than failing.
 */
public record PeriodChoice(LocalDate from, LocalDate to, ComparisonScope scope) {

    public static PeriodChoice of(String from, String to, String scope, LocalDate defaultFrom, LocalDate defaultTo) {
        return new PeriodChoice(date("from", from, defaultFrom), date("to", to, defaultTo), scope(scope));
    }

    private static LocalDate date(String field, String typed, LocalDate otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            throw new Refusal.BadParameter(field, "must be a date as yyyy-mm-dd, for example 2026-12-03");
        }
    }

    private static ComparisonScope scope(String typed) {
        if (typed == null || typed.isBlank()) {
            return ComparisonScope.period;
        }
        try {
            return ComparisonScope.valueOf(typed);
        } catch (IllegalArgumentException unknown) {
            throw new Refusal.BadParameter("scope", "must be period or programme");
        }
    }
}
