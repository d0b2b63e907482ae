package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a browser meets when a session goes idle, or when a form arrives without its token, in a real Chromium (the
 * same rules over plain HTTP are in {@link BrowserSessionTest}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SessionSafetyJourneyTest {
    /** Sessions that go idle in six seconds: long enough to sign in and open a page, short enough to wait out. */
    static final DropwizardAppExtension<DesistConfiguration> APP =
            BrowserSessionTest.app(TestDatabase.fresh(), "web.idleTimeout", "6 seconds");

    static final String NEW_PASSWORD = "a new password nobody asked for";

    @BeforeAll
    static void staff() {
        new Cases(TestApp.api(APP)).site("SAFE");
        Staff.ensure(APP, "po.idle", Set.of(Role.probation), Set.of("SAFE"));
        Staff.ensure(APP, "po.forged", Set.of(Role.probation), Set.of("SAFE"));
    }

    @Test
    void an_idle_session_ends_and_signing_in_again_returns_to_the_page() throws InterruptedException {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.idle", Staff.PASSWORD).go("/account/password");
            assertThat(browser.heading()).isEqualTo("Change your password");

            Thread.sleep(7_000);
            browser.go("/account/password");
            assertThat(browser.path()).startsWith("/sign-in");
            assertThat(browser.heading()).isEqualTo("Sign in");
            assertThat(browser.text()).doesNotContain("Signed in as");
            browser.accessible().screenshot("session-idle-sign-in");

            browser.fill("username", "po.idle").fill("password", Staff.PASSWORD).press("Sign in");
            assertThat(browser.path()).isEqualTo("/account/password");
            assertThat(browser.text()).contains("Signed in as po.idle");
        }
    }

    @Test
    void a_form_whose_token_was_removed_is_refused_and_changes_nothing() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.forged", Staff.PASSWORD).go("/account/password");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelectorAll('main form input[name=csrf]').forEach(i => i.remove());");
            browser.fill("currentPassword", Staff.PASSWORD)
                    .fill("newPassword", NEW_PASSWORD)
                    .press("Change password");
            assertThat(browser.heading()).isEqualTo("Forbidden");
            assertThat(browser.text()).contains("This form has expired");
            browser.accessible().screenshot("form-without-token");

            // still signed in, on the old password: the new one opens nothing
            browser.go("/");
            assertThat(browser.text()).contains("Signed in as po.forged");
        }
        new PageClient(APP.getLocalPort()).signIn("po.forged", Staff.PASSWORD);
        assertThat(new PageClient(APP.getLocalPort())
                        .post("/sign-in", Map.of("username", "po.forged", "password", NEW_PASSWORD))
                        .statusCode())
                .isEqualTo(401);
    }
}
