package org.desist.attention;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code attention} block of the configuration: when the rules that need attention are evaluated. */
public class AttentionSettings {
    /**
     * Evaluate the at-once rules in the transaction of each write that may raise or clear an alert. On by default;
     * off only to measure what they cost (bench/outcome-writes.sh), since with it off nobody is told.
     */
    private boolean evaluateOnWrite = true;

    @JsonProperty
    public boolean isEvaluateOnWrite() {
        return evaluateOnWrite;
    }

    @JsonProperty
    public void setEvaluateOnWrite(boolean evaluateOnWrite) {
        this.evaluateOnWrite = evaluateOnWrite;
    }

    // issue 17 (attention-sweep): the time-based rules' sweep (attention/sweep/)

    /** How often each instance tries to sweep; one sweeps at a time (ShedLock), the others skip that turn. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration sweepEvery = Duration.minutes(5);

    /** Days that are not working days besides Saturdays and Sundays (bank holidays), for referral_awaiting_review. */
    @NotNull
    private List<@NotNull LocalDate> holidays = List.of();

    @JsonProperty
    public Duration getSweepEvery() {
        return sweepEvery;
    }

    @JsonProperty
    public void setSweepEvery(Duration sweepEvery) {
        this.sweepEvery = sweepEvery;
    }

    @JsonProperty
    public List<LocalDate> getHolidays() {
        return holidays;
    }

    @JsonProperty
    public void setHolidays(List<LocalDate> holidays) {
        this.holidays = holidays == null ? List.of() : holidays;
    }
}
