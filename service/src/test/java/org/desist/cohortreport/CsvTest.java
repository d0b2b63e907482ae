package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Free text a spreadsheet would run as a formula is defused; numbers and plain text are left alone. */
class CsvTest {

    @Test
    void text_that_starts_a_formula_gets_a_leading_apostrophe() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.field("+44 clinic")).isEqualTo("'+44 clinic");
        assertThat(Csv.field("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(Csv.field("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(Csv.field("\tindented")).isEqualTo("'\tindented");
    }

    @Test
    void numbers_and_ordinary_text_are_unchanged() {
        assertThat(Csv.field(-2)).isEqualTo("-2");
        assertThat(Csv.field(new BigDecimal("-0.25"))).isEqualTo("-0.25");
        assertThat(Csv.field("-3")).isEqualTo("-3");
        assertThat(Csv.field("<5")).isEqualTo("<5");
        assertThat(Csv.field("North London, clinic")).isEqualTo("\"North London, clinic\"");
        assertThat(Csv.field(null)).isEmpty();
    }
}
