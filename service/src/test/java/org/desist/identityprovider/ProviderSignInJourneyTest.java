package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Browser;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in through the provider's own login page in a real Chromium, with JavaScript on and off. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProviderSignInJourneyTest {
    static final ProviderFixture FIXTURE = new ProviderFixture(true);
    static final DropwizardAppExtension<DesistConfiguration> APP = FIXTURE.app;

    @BeforeAll
    static void linkedAccount() {
        Staff.ensure(APP, "idp.admin", Set.of(Role.admin), Set.of());
        Staff.ensure(APP, "bob", Set.of(Role.programme_lead), Set.of());
        assertThat(TestApp.as(APP, "idp.admin")
                        .send("PUT", "/users/bob/identity", Map.of("subject", "bob-at-nhs"), Map.of())
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        FIXTURE.stop();
    }

    @Test
    void a_linked_person_signs_in_at_the_provider_and_lands_on_the_page_they_asked_for() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.go("/account/password");
            assertThat(browser.path()).startsWith("/sign-in");
            browser.accessible();
            browser.press(ProviderFixture.BUTTON);
            assertThat(browser.driver().getCurrentUrl()).startsWith(FIXTURE.issuer());

            atProvider(browser, "bob-at-nhs", "{\"amr\": [\"mfa\"]}");
            arrivesAt(browser, "/account/password");
            assertThat(browser.text()).contains("Signed in as bob");
            browser.screenshot("provider-signed-in");
        }
    }

    @Test
    void without_javascript_too() {
        try (Browser browser = Browser.open(APP.getLocalPort(), false)) {
            browser.go("/sign-in");
            browser.press(ProviderFixture.BUTTON);
            atProvider(browser, "bob-at-nhs", "");
            arrivesAt(browser, "/");
            assertThat(browser.text()).contains("Signed in as bob");
        }
    }

    @Test
    void an_unlinked_person_is_told_whom_to_ask_on_an_accessible_page() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.go("/sign-in");
            browser.press(ProviderFixture.BUTTON);
            atProvider(browser, "carol-at-nhs", "");
            assertThat(browser.heading()).isEqualTo("You have not been signed in");
            assertThat(browser.text())
                    .contains("Ask your site's Desist administrator")
                    .contains("carol-at-nhs")
                    .doesNotContain("Signed in as");
            browser.accessible().screenshot("provider-unlinked");
        }
    }

    /** The provider's login form: any subject, and the claims to put in its tokens. */
    private static void atProvider(Browser browser, String subject, String claims) {
        browser.driver().findElement(By.name("username")).sendKeys(subject);
        // the provider's form issues what it is given: say the person authenticated now (Desist sends max_age)
        String authTime = "\"auth_time\": " + java.time.Instant.now().getEpochSecond();
        browser.driver()
                .findElement(By.name("claims"))
                .sendKeys(claims.isEmpty() ? "{" + authTime + "}" : claims.replaceFirst("^\\{", "{" + authTime + ", "));
        browser.navigating(browser.driver().findElement(By.cssSelector("input[type=submit]")));
    }

    private static void arrivesAt(Browser browser, String path) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> browser.path().equals(path) && browser.text().contains("Signed in as"));
    }
}
