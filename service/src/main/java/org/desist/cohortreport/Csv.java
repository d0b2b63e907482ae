package org.desist.cohortreport;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab or CR first; site and cohort names are free text)
 * gets a leading apostrophe, OWASP's advice against CSV injection; numbers are left as they are.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<?> fields) {
        text.append(fields.stream().map(Csv::field).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (!(value instanceof Number)
                && FORMULA.matcher(text).lookingAt()
                && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
