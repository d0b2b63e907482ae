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
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in and out in a real Chromium, with JavaScript on and off. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SignInJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @BeforeAll
    static void staff() {
        Cases.created(TestApp.api(APP)
                .post("/sites", Map.of("code", "STAC", "name", "London STAC", "model", "threat_assessment_centre")));
        Staff.ensure(APP, "po.browser", Set.of(Role.probation), Set.of("STAC"));
    }

    @Test
    void sign_in_lands_on_the_page_asked_for_and_sign_out_leaves_nothing_behind_the_back_button() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.go("/account/password");
            assertThat(browser.path()).startsWith("/sign-in");
            assertThat(browser.heading()).isEqualTo("Sign in");
            browser.accessible().screenshot("sign-in");

            browser.fill("username", "po.browser")
                    .fill("password", "wrong password, surely")
                    .press("Sign in");
            assertThat(browser.errors()).containsExactly("Password: The username or password is not right");
            browser.accessible();

            browser.fill("password", Staff.PASSWORD).press("Sign in");
            assertThat(browser.path()).isEqualTo("/account/password");
            assertThat(browser.text()).contains("Signed in as po.browser");

            browser.signOut();
            assertThat(browser.text()).contains("You have signed out.");
            browser.driver().navigate().back();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(driver -> browser.path().startsWith("/sign-in"));
            assertThat(browser.text()).as(browser.path()).doesNotContain("Signed in as");
            assertThat(browser.heading()).isEqualTo("Sign in");
        }
    }

    @Test
    void every_step_works_with_javascript_off() {
        try (Browser browser = Browser.open(APP.getLocalPort(), false)) {
            browser.signIn("po.browser", Staff.PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.heading()).isEqualTo("What would you like to do?");
            browser.signOut();
            assertThat(browser.text()).contains("You have signed out.");
        }
    }
}
