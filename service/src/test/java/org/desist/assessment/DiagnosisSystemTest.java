package org.desist.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.desist.json.ExpectedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shape checks for diagnosis codes: each system accepts its own codes and refuses the other's. */
class DiagnosisSystemTest {

    @ParameterizedTest
    @ValueSource(strings = {"F60.3", "F20", "F10.2", "T74.32", "Z91.8", "F60.30", "F60.A"})
    void icd10_accepts_a_letter_two_digits_and_an_optional_short_suffix(String code) {
        assertThat(DiagnosisSystem.ICD_10.fits(code)).as(code).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6D10.1", "6C40", "f60.3", "F6", "F603", "F60.", "F60.123", "FF0.3", " F60.3", "F60.3 ", "F60-3",
                "F60.3.1", ""
            })
    void icd10_refuses_other_shapes(String code) {
        assertThat(DiagnosisSystem.ICD_10.fits(code)).as(code).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6D10.1", "6C40", "6A00", "6C40.2", "QE50", "1A00.0Z", "6A02.Y", "XE7N"})
    void icd11_accepts_four_characters_the_second_a_letter_and_an_optional_short_suffix(String code) {
        assertThat(DiagnosisSystem.ICD_11.fits(code)).as(code).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"F60.3", "6610.1", "6d10.1", "6D1", "6D10.", "6D10.123", "6D101", "6D10-1", "6D10 ", ""})
    void icd11_refuses_other_shapes(String code) {
        assertThat(DiagnosisSystem.ICD_11.fits(code)).as(code).isFalse();
    }

    @Test
    void no_code_fits_without_one() {
        assertThat(DiagnosisSystem.ICD_10.fits(null)).isFalse();
        assertThat(DiagnosisSystem.ICD_11.fits(null)).isFalse();
    }

    @Test
    void the_refusal_names_the_system_and_gives_an_example() {
        assertThat(DiagnosisSystem.ICD_10.expectation()).isEqualTo("must be an ICD-10 code like F60.3");
        assertThat(DiagnosisSystem.ICD_11.expectation()).isEqualTo("must be an ICD-11 code like 6D10.1");
    }

    @Test
    void error_messages_list_the_wire_spellings_of_the_systems() {
        assertThat(ExpectedValue.allowed(DiagnosisSystem.class)).isEqualTo("ICD-10, ICD-11");
        assertThat(ExpectedValue.describe(Instrument.class))
                .isEqualTo("must be one of: SRP, SAM, clinical_interview, other");
    }
}
