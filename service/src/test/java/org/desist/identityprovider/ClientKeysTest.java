package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
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
        for (String algorithm : List.of("RSA", "EC")) {
            PrivateKey key =
                    KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();
            Path file = folder.resolve(algorithm + ".pem");
            Files.writeString(
                    file,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
            assertThat(ClientKeys.read(file).getAlgorithm()).isEqualTo(algorithm);
        }
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
