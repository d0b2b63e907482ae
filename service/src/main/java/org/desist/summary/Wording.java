package org.desist.summary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How the summaries print values for a reader in court or in supervision, not for a machine. */
final class Wording {
    static final String DASH = "\u2014";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> ACRONYMS = Map.of("cps", "CPS", "SRP", "SRP", "SAM", "SAM");

    private Wording() {
    }

    /** {@code 14 May 2026}; null stays null (a field then says "Not recorded"). */
    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** {@code 2026-03} → {@code Mar 2026}. */
    static String month(String yearMonth) {
        return MONTH.format(YearMonth.parse(yearMonth));
    }

    /** A date in a table cell, where a missing one is a dash. */
    static String cellDate(LocalDate date) {
        return date == null ? DASH : DATE.format(date);
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

    /** The foot of every page: {@code Generated 2026-11-24 14:03 UTC by dr.okafor (clinician)}. */
    static String generated(Generated generated) {
        return "Generated " + GENERATED.format(generated.at()) + " by " + generated.by() + " (" + generated.role() + ")";
    }
}
