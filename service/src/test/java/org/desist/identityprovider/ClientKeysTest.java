package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.desist.refusal.StartRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private_key_jwt key file, and the settings' reading of second-factor claims. */
class ClientKeysTest {
    @TempDir
    Path folder;

    @Test
    void reads_rsa_and_ec_keys_from_pkcs8_pem() throws Exception {
        assertThat(ClientKeys.read(pem("rsa-3072", rsa(3072))).getAlgorithm()).isEqualTo("RSA");
        assertThat(ClientKeys.read(pem("rsa-4096", rsa(4096))).getAlgorithm()).isEqualTo("RSA");
        for (String curve : List.of("secp256r1", "secp384r1", "secp521r1")) {
            assertThat(ClientKeys.read(pem(curve, ec(curve))).getAlgorithm()).isEqualTo("EC");
        }
    }

    /** ASVS V11.2.3: at least 128 bits of security, so RSA of 3,072 bits or more and EC on P-256 or larger. */
    @Test
    void refuses_to_start_on_a_key_weaker_than_128_bits_naming_the_setting_and_never_the_key() throws Exception {
        for (int bits : List.of(1024, 2048, 3071)) {
            PrivateKey key = rsa(bits);
            assertThatThrownBy(() -> ClientKeys.read(pem("rsa-" + bits, key)))
                    .isInstanceOf(StartRefused.class)
                    .hasMessageContaining("identityProvider.privateKeyFile")
                    .hasMessageContaining("3,072")
                    .satisfies(refusal -> assertThat(refusal.getMessage())
                            .doesNotContain(base64(key).substring(40, 80)));
        }
        // P-224 (secp224r1): Java 17 no longer makes such keys, so this PKCS#8 is put together by hand
        byte[] p224 = HexFormat.of()
                .parseHex("303a020100301006072a8648ce3d020106052b8104002104233021020101041c"
                        + "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c");
        Path small = folder.resolve("p224.pem");
        Files.writeString(small, pemText(p224));
        assertThatThrownBy(() -> ClientKeys.read(small))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("identityProvider.privateKeyFile")
                .hasMessageContaining("P-256")
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("AQIDBAUGBwgJ"));
    }

    private static PrivateKey rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPrivate();
    }

    private static PrivateKey ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPrivate();
    }

    private Path pem(String name, PrivateKey key) throws Exception {
        Path file = folder.resolve(name + ".pem");
        Files.writeString(file, pemText(key.getEncoded()));
        return file;
    }

    private static String pemText(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Test
    void refuses_to_start_on_a_missing_or_foreign_file() throws Exception {
        assertThatThrownBy(() -> ClientKeys.read(folder.resolve("absent.pem")))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("cannot be read");
        Path rsaOld = folder.resolve("old.pem");
        Files.writeString(rsaOld, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ClientKeys.read(rsaOld))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void a_second_factor_is_any_configured_amr_or_acr() {
        IdentityProviderSettings settings = new IdentityProviderSettings();
        settings.setSecondFactorAmr(List.of("mfa, hwk"));
        settings.setSecondFactorAcr(List.of("AAL3_ANY"));
        assertThat(settings.getSecondFactorAmr()).containsExactly("mfa", "hwk");
        assertThat(settings.secondFactor(List.of("pwd", "hwk"), null)).isTrue();
        assertThat(settings.secondFactor(List.of("pwd"), "AAL3_ANY")).isTrue();
        assertThat(settings.secondFactor(List.of("pwd"), "AAL1")).isFalse();
        assertThat(settings.secondFactor(null, null)).isFalse();
        assertThat(new IdentityProviderSettings().secondFactor(List.of("mfa"), "AAL3_ANY"))
                .as("nothing counts until configured")
                .isFalse();
    }
}
