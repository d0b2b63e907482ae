package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without a pseudonym key the export is refused, naming the setting; there is no default key to fall back on. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExportWithoutKeyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            TestDatabase.fresh()
                    .overrides(ConfigOverride.config("pseudonymKey", "a typed phrase is no key, however long it is")));

    /** Two keys as a deployment makes them (openssl rand -base64 32); not secrets. */
    static final String K = "TiglU8VcSaIidAhYPcseaGQLo7NhnuTjqiDlFwYDoXI=";

    static final String J = "yCrGhGEPRIX8E0OjCRqvsj6dH4YmojP9nLN0V6KbhJU=";

    @Test
    void the_export_answers_503_naming_the_missing_key() {
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        Reply reply = TestApp.as(APP, "lead").get(Disclosed.to("/programme/export?from=2023-01-01&to=2023-12-31"));
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asText()).contains("pseudonymKey", "DESIST_PSEUDONYM_KEY");
        assertThat(reply.fieldsAtFault()).containsExactly("pseudonymKey");
        assertThat(reply.toString()).contains("openssl rand -base64 32").doesNotContain("a typed phrase is no key");
        // the figures do not need the key
        assertThat(TestApp.as(APP, "lead")
                        .get("/programme/comparison?from=2023-01-01&to=2023-12-31")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void an_unset_key_is_refused_as_well() {
        assertThat(new Pseudonyms("").configured()).isFalse();
        assertThat(new Pseudonyms(null).configured()).isFalse();
        assertThat(new Pseudonyms("x".repeat(44)).configured()).isFalse();
        assertThat(new Pseudonyms(K).configured()).isTrue();
        String a = new Pseudonyms(K).of("participant-1");
        assertThat(new Pseudonyms(K).of("participant-1")).isEqualTo(a);
        assertThat(new Pseudonyms(J).of("participant-1")).isNotEqualTo(a);
        assertThat(new Pseudonyms(K).of("participant-2")).isNotEqualTo(a);
    }
}
