package org.desist.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.desist.pdf.PrintedDate;
import org.desist.time.ProgrammeClock;

/** How the summaries print values for a reader in court or in supervision, not for a machine. */
final class Wording {
    static final String DASH = "\u2014";
    private static final Map<String, String> ACRONYMS = Map.of("cps", "CPS", "SRP", "SRP", "SAM", "SAM");

    private Wording() {}

    /** {@code 14 May 2026}; null stays null (a field then says "Not recorded"). */
    static String date(LocalDate date) {
        return date == null ? null : PrintedDate.day(date);
    }

    /** {@code 2026-03} → {@code Mar 2026}. */
    static String month(String yearMonth) {
        return PrintedDate.month(YearMonth.parse(yearMonth));
    }

    /** A date in a table cell, where a missing one is a dash. */
    static String cellDate(LocalDate date) {
        return date == null ? DASH : PrintedDate.day(date);
    }

    /** {@code breach_of_order} → {@code Breach of order}; acronyms stay capitals. */
    static String words(Enum<?> value) {
        return value == null ? null : words(value.name());
    }

    static String words(String code) {
        if (code == null) {
            return null;
        }
        String acronym = ACRONYMS.get(code);
        if (acronym != null) {
            return acronym;
        }
        String spaced = code.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String cell(Enum<?> value) {
        return value == null ? DASH : words(value);
    }

    static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    /** {@code 83%}, or a dash when there is nothing to divide by. */
    static String percent(Double rate) {
        return rate == null ? DASH : Math.round(rate * 100) + "%";
    }

    /** {@code 3 Jun 2030 10:00}: a time of the programme, on the clock in London. */
    static String time(Instant at) {
        return PrintedDate.time(at, ProgrammeClock.ZONE);
    }

    /** {@code 943 476 5919}: the NHS number as it is printed on NHS documents, three, three and four digits. */
    static String nhsNumber(String digits) {
        return digits == null || digits.length() != 10
                ? digits
                : digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /** The foot of every page: {@code Generated 24 Nov 2026 14:03 UTC by dr.okafor (clinician)}. */
    static String generated(Generated generated) {
        return "Generated " + PrintedDate.utc(generated.at()) + " by " + generated.by() + " (" + generated.role() + ")";
    }
}
