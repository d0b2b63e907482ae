package org.desist.attention;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
