package org.desist.secondfactor;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The configuration's {@code secondFactor}: whether every account must present a second factor. On by default
 * ({@code DESIST_MFA_REQUIRED}); off, it is logged as a warning at every start, and an account that enrolled
 * one still needs it.
 */
public class SecondFactorSettings {
    private boolean required = true;

    @JsonProperty
    public boolean isRequired() {
        return required;
    }

    @JsonProperty
    public void setRequired(boolean required) {
        this.required = required;
    }
}
