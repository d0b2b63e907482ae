package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    /** Nine digits whose modulus-11 check digit comes out as 10: no tenth digit can make them valid. */
    private static String prefixCheckingToTen;

    @BeforeAll
    static void findAPrefixWhoseCheckIsTen() {
        prefixCheckingToTen = firstPrefixFrom(943_476_590, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "943 476 5919"})
    void validNumbersPass(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9434765918", // wrong check digit
                "4010232138", // wrong check digit
                "943476591", // nine digits
                "94347659190", // eleven digits
                "943476591A", // a letter
                "ABCDEFGHIJ", // letters only
                "943-476-5919", // separators other than spaces
                "-943476591"
            })
    void invalidNumbersFail(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "          "})
    void nothingIsNotAValidNumber(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @Test
    void aNumberWhoseCheckComputesToTenIsNeverValid() {
        assertThat(prefixCheckingToTen).hasSize(9);
        for (int last = 0; last <= 9; last++) {
            String number = prefixCheckingToTen + last;
            assertThat(NhsNumber.isValid(number)).as(number).isFalse();
        }
    }

    @Test
    void aCheckOfElevenMeansCheckDigitZero() {
        String prefix = firstPrefixFrom(100_000_000, 0);
        assertThat(NhsNumber.isValid(prefix + "0")).as(prefix + "0").isTrue();
    }

    @Test
    void exactlyOneCheckDigitCompletesEachPrefix() {
        for (int prefix = 123_456_700; prefix < 123_456_800; prefix++) {
            String digits = Integer.toString(prefix);
            int expected = checkDigit(digits);
            for (int last = 0; last <= 9; last++) {
                assertThat(NhsNumber.isValid(digits + last)).as(digits + last).isEqualTo(last == expected);
            }
        }
    }

    @Test
    void normalisingDropsTheSpacesPeopleWrite() {
        assertThat(NhsNumber.normalise("943 476 5919")).isEqualTo("9434765919");
        assertThat(NhsNumber.normalise("9434765919")).isEqualTo("9434765919");
        assertThat(NhsNumber.normalise(null)).isNull();
    }

    // --- helpers ---

    /** The first nine-digit prefix, counting up from {@code start}, whose check digit is {@code check}. */
    private static String firstPrefixFrom(int start, int check) {
        return IntStream.range(start, start + 1_000)
                .mapToObj(Integer::toString)
                .filter(prefix -> checkDigit(prefix) == check)
                .findFirst()
                .orElseThrow();
    }

    /** The modulus-11 check digit, worked out here independently: 0-9, or 10 when none fits. */
    private static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.digit(nineDigits.charAt(i), 10) * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
