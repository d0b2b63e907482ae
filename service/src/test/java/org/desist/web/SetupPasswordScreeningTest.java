package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.signin.ApiTokens;
import org.desist.support.PageClient;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, item 4: the first administrator's set-up page screens the chosen password with the same rule as
 * add-user and the own change (signin/PasswordScreen); a refused one creates nobody and leaves the link usable.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SetupPasswordScreeningTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);

    @Test
    void a_common_or_context_password_is_refused_on_the_set_up_page_and_creates_nobody() throws Exception {
        String token = ApiTokens.newToken().substring("dst_".length());
        try (Databases.Opened database = Databases.open(DATABASE.factory(), false, "test-setup-link")) {
            Instant now = Instant.now();
            database.jdbi()
                    .useExtension(
                            SetupLinkDao.class,
                            links -> links.insert(ApiTokens.hash(token), now, now.plus(SetupLink.VALID_FOR)));
        }
        String link = SetupLink.PATH + token;
        for (String[] refused : new String[][] {
            {"password1234", "most common passwords"}, {"a.jones-desist-2026", "words anyone could guess here"}
        }) {
            HttpResponse<String> page = new PageClient(APP.getLocalPort())
                    .post(link, Map.of("username", "a.jones", "password", refused[0], "confirmPassword", refused[0]));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(422);
            assertThat(page.body()).contains("govuk-error-summary", "href=\"#f-password\"", refused[1]);
            assertThat(page.body()).doesNotContain(refused[0]);
            assertThat(new PageClient(APP.getLocalPort())
                            .post("/sign-in", Map.of("username", "a.jones", "password", refused[0]))
                            .statusCode())
                    .as("nobody was created")
                    .isEqualTo(401);
        }
        HttpResponse<String> created = new PageClient(APP.getLocalPort())
                .post(
                        link,
                        Map.of(
                                "username",
                                "a.jones",
                                "password",
                                "violet orbit canoe thimble",
                                "confirmPassword",
                                "violet orbit canoe thimble"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    }
}
