package org.desist.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * The classification a diagnosis code belongs to, spelt {@code ICD-10} or {@code ICD-11} on the wire
 * and in stored JSON. Each knows the shape of its codes: the check catches a code typed into the
 * wrong system or mistyped, not whether the code exists in the classification.
 */
public enum DiagnosisSystem {
    /** A letter, two digits, then optionally a dot and one or two characters: F60.3, F20, T74.32. */
    @JsonProperty("ICD-10")
    ICD_10("ICD-10", "^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?$", "F60.3"),
    /** Four characters, the second a letter, then optionally a dot and one or two characters: 6D10.1, 6C40. */
    @JsonProperty("ICD-11")
    ICD_11("ICD-11", "^[0-9A-Z][A-Z][0-9A-Z]{2}(\\.[0-9A-Z]{1,2})?$", "6D10.1");

    private final String label;
    private final Pattern shape;
    private final String example;

    DiagnosisSystem(String label, String shape, String example) {
        this.label = label;
        this.shape = Pattern.compile(shape);
        this.example = example;
    }

    /** Whether the code has this system's shape (upper case, as the classifications print them). */
    public boolean fits(String code) {
        return code != null && shape.matcher(code).matches();
    }

    /** Why a code that does not fit is refused, with an example of one that would. */
    public String expectation() {
        return "must be an " + label + " code like " + example;
    }
}
