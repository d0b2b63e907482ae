package org.desist.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator's settings against RFC 6238's SHA1 test vectors (the last six of their eight digits). */
class TotpTest {
    /** RFC 6238, appendix B: the SHA1 seed is the ASCII of "12345678901234567890". */
    private static final String RFC_SECRET =
            BaseEncoding.base32().omitPadding().encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc_6238_sha1_vectors(long seconds, String eightDigits) {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(seconds))).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void one_step_of_drift_either_side_and_no_more() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        for (int drift = -1; drift <= 1; drift++) {
            String code = Totp.code(RFC_SECRET, now.plusSeconds(30L * drift));
            assertThat(Totp.matchingStep(RFC_SECRET, code, now)).hasValue(step + drift);
        }
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(60)), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(60)), now))
                .isEmpty();
    }

    @Test
    void a_code_is_six_digits_and_spaces_an_app_shows_do_not_matter() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_SECRET, "287 082", now)).isPresent();
        assertThat(Totp.matchingStep(RFC_SECRET, "28708", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "94287082", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void secrets_are_160_random_bits_in_base32_and_the_uri_is_what_apps_read() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
        assertThat(BaseEncoding.base32().omitPadding().decode(secret)).hasSize(20);
        assertThat(Totp.otpauthUri("pat.lee", secret))
                .isEqualTo("otpauth://totp/Desist:pat.lee?secret=" + secret
                        + "&issuer=Desist&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.otpauthUri("a b&c", "X")).startsWith("otpauth://totp/Desist:a%20b%26c?secret=X&");
    }

    @Test
    void recovery_codes_are_grouped_unambiguous_and_read_however_typed() {
        String code = RecoveryCodeText.next();
        assertThat(code).matches("[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}");
        assertThat(RecoveryCodeText.normal(code.toUpperCase().replace("-", " ")))
                .isEqualTo(code);
        assertThat(RecoveryCodeText.normal("abcde-fghj1")).isNull();
        assertThat(RecoveryCodeText.normal("abcd")).isNull();
    }

    @Test
    void the_qr_code_is_one_path_with_a_title_and_nothing_executable() {
        String svg = SecondFactors.qrSvg("otpauth://totp/Desist:pat.lee?secret=JBSWY3DPEHPK3PXP&issuer=Desist");
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<title>", "aria-label=", "role=\"img\"")
                .doesNotContain("<script", "<style", "href", "style=");
        assertThat(svg.split("<path ")).hasSize(2);
    }
}
