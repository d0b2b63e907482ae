package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The human case reference: {@code <SITE>-<YEAR>-<NNNN>}. */
class CaseReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "STAC, 2026, 1,    STAC-2026-0001",
        "STAC, 2026, 42,   STAC-2026-0042",
        "STAC, 2027, 999,  STAC-2027-0999",
        "BAD,  2026, 9999, BAD-2026-9999",
        "M4P,  2030, 10,   M4P-2030-0010"
    })
    void readsSiteYearAndAFourDigitNumber(String site, int year, int number, String expected) {
        assertThat(CaseReference.of(site, year, number)).isEqualTo(expected);
    }

    @Test
    void followsTheDocumentedShape() {
        assertThat(CaseReference.of("STAC", 2026, 7)).matches("[A-Z][A-Z0-9]{1,9}-[0-9]{4}-[0-9]{4}");
    }

    @Test
    void differentSiteYearOrNumberGiveDifferentReferences() {
        String reference = CaseReference.of("STAC", 2026, 1);
        assertThat(reference).isNotEqualTo(CaseReference.of("STAC", 2026, 2));
        assertThat(reference).isNotEqualTo(CaseReference.of("STAC", 2027, 1));
        assertThat(reference).isNotEqualTo(CaseReference.of("MAPP", 2026, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void numbersStartAtOne(int number) {
        assertThatThrownBy(() -> CaseReference.of("STAC", 2026, number)).isInstanceOf(IllegalArgumentException.class);
    }
}
