package org.desist.retention;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Period;

/**
 * The {@code retention:} block of config.yml: per record class, how long after a case closes it comes up for the
 * data protection officer's review, as an ISO-8601 period. Six years is the Management of Police Information
 * baseline for a closed case (docs/data-protection.md).
 */
public class RetentionSettings {
    @NotNull
    private Period enrolled = Period.ofYears(6);

    @NotNull
    private Period notEnrolled = Period.ofYears(6);

    @JsonProperty("enrolled")
    public Period getEnrolled() {
        return enrolled;
    }

    @JsonProperty("enrolled")
    public void setEnrolled(Period enrolled) {
        this.enrolled = enrolled;
    }

    @JsonProperty("not_enrolled")
    public Period getNotEnrolled() {
        return notEnrolled;
    }

    @JsonProperty("not_enrolled")
    public void setNotEnrolled(Period notEnrolled) {
        this.notEnrolled = notEnrolled;
    }

    /** A review period must move the date forward: zero or negative would put every closed case up at once. */
    @AssertTrue(message = "enrolled and not_enrolled must be positive periods (P6Y, P18M)")
    public boolean isPositive() {
        return positive(enrolled) && positive(notEnrolled);
    }

    private static boolean positive(Period period) {
        return period == null
                || (!period.isNegative() && !period.isZero() && period.toTotalMonths() >= 0 && period.getDays() >= 0);
    }

    /** The period after which a case of this class comes up for review. */
    public Period periodOf(RecordClass recordClass) {
        return recordClass == RecordClass.enrolled ? enrolled : notEnrolled;
    }
}
