package org.desist.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.desist.cohortreport.FigureRow;
import org.desist.cohortreport.Suppression;

/**
 * A figure's value as the dashboard's tables show it: the JSON's number, a rate or the baseline as a percentage
 * (to one decimal place), "&lt;5" for a small number, "[c]" for a value withheld for another reason, "–" for no
 * value (a rate over nothing, or no row).
 */
public final class Shown {
    static final String NO_VALUE = "–";

    private Shown() {}

    public static String of(FigureRow row) {
        if (row == null) {
            return NO_VALUE;
        }
        if (row.suppressed() != null) {
            return row.suppressed() == Suppression.small_number
                    ? Suppression.SMALL_NUMBER_SHOWN_AS
                    : Suppression.WITHHELD_SHOWN_AS;
        }
        if (row.value() == null) {
            return NO_VALUE;
        }
        if (!(row.value() instanceof Number)) {
            return row.value().toString();
        }
        BigDecimal value = new BigDecimal(row.value().toString());
        if (percent(row.measure())) {
            return plain(value.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
        }
        return plain(value);
    }

    static boolean percent(String measure) {
        return "rate".equals(measure) || "baseline".equals(measure);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
