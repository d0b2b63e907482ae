package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One person written many ways compares as one. */
class MatchKeyTest {

    @Test
    void names_lose_case_spacing_and_accents() {
        assertThat(MatchKey.name("Zoë")).isEqualTo("zoe");
        assertThat(MatchKey.name(" Mc  Kay ")).isEqualTo("mckay");
        assertThat(MatchKey.name("MCKAY")).isEqualTo("mckay");
        assertThat(MatchKey.name("Łukasz")).isEqualTo("łukasz"); // a letter of its own, not an accented l
        assertThat(MatchKey.name("José\u00a0María")).isEqualTo("josemaria");
        assertThat(MatchKey.name("Ja\u0301nos")).isEqualTo("janos");
        assertThat(MatchKey.name(null)).isNull();
    }

    @Test
    void nhs_numbers_lose_spaces_and_pnc_ids_case_and_spaces() {
        assertThat(MatchKey.nhs("943 476 5919")).isEqualTo("9434765919");
        assertThat(MatchKey.pnc("2019/ 0012345a")).isEqualTo("2019/0012345A");
        assertThat(MatchKey.nhs(null)).isNull();
        assertThat(MatchKey.pnc(null)).isNull();
    }
}
