package org.desist.web.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Browser;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The second factor in a real Chromium, with it required of every account: enrolment at the first sign-in
 * (the key read off the page, the code computed as an authenticator app would), sign-in with a code, with a
 * recovery code (each once), a wrong code, a half-signed-in session kept from the cases, and an administrator's
 * reset that sends the owner back to enrolment. Every page and state checked by axe.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SecondFactorJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.secondFactorRequired(TestDatabase.fresh());

    @Test
    void enrol_at_the_first_sign_in_then_sign_in_with_a_code_and_never_reach_the_cases_without_it() {
        Staff.ensure(APP, "po.enrols", Set.of(Role.probation), Set.of());
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.go("/cases").fill("username", "po.enrols").fill("password", Staff.PASSWORD);
            browser.press("Sign in");
            assertThat(browser.path()).isEqualTo("/account/second-factor?next=%2Fcases");
            assertThat(browser.heading()).isEqualTo("Set up an authenticator app");
            assertThat(menu(browser)).as("no menu before the second factor").isEmpty();
            browser.accessible().screenshot("second-factor-enrol");

            browser.go("/account/password");
            assertThat(browser.path()).startsWith("/account/second-factor");
            browser.go("/cases");
            assertThat(browser.path()).as("a password alone reaches no case").startsWith("/account/second-factor");

            AuthenticatorApp app = scan(browser);
            browser.fill("code", app.wrongCode()).press("Confirm");
            assertThat(browser.errors()).hasSize(1).first().asString().startsWith("Code:");
            assertThat(browser.driver().findElements(By.cssSelector(".desist-qr svg")))
                    .as("the QR code again, to scan if it was not")
                    .hasSize(1);
            browser.accessible();
            browser.fill("code", app.code()).press("Confirm");
            List<String> codes = recoveryCodes(browser);
            assertThat(codes).hasSize(10).doesNotHaveDuplicates();
            assertThat(browser.text()).contains("This is the only time they are shown");
            browser.accessible().screenshot("second-factor-recovery-codes");
            browser.press("I have stored my recovery codes");
            assertThat(browser.path()).isEqualTo("/cases");
            assertThat(browser.heading()).isEqualTo("Your cases");

            browser.signOut().signIn("po.enrols", Staff.PASSWORD);
            assertThat(browser.path()).startsWith("/sign-in/code");
            assertThat(browser.heading()).isEqualTo("Enter the code from your authenticator app");
            browser.accessible().screenshot("second-factor-code");
            browser.go("/cases");
            assertThat(browser.path())
                    .as("half signed in, the cases are out of reach")
                    .startsWith("/sign-in/code");

            browser.fill("code", app.wrongCode()).press("Continue");
            assertThat(browser.errors())
                    .containsExactly("Code: The code is not right. Enter the code your app"
                            + " shows now: each code works once");
            browser.accessible().screenshot("second-factor-code-wrong");

            String halfSignedIn =
                    browser.driver().manage().getCookieNamed("desist-session").getValue();
            browser.fill("code", app.nextCode()).press("Continue");
            assertThat(browser.path()).isEqualTo("/cases");
            assertThat(browser.driver()
                            .manage()
                            .getCookieNamed("desist-session")
                            .getValue())
                    .as("a new session once both factors are given")
                    .isNotEqualTo(halfSignedIn);
            assertThat(menu(browser)).contains("Your cases");
        }
    }

    @Test
    void a_recovery_code_signs_in_once_and_the_page_says_how_many_are_left() {
        Staff.ensure(APP, "po.recovers", Set.of(Role.probation), Set.of());
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.recovers", Staff.PASSWORD);
            List<String> codes = enrol(browser);
            browser.signOut().signIn("po.recovers", Staff.PASSWORD).click("Use a recovery code instead");
            assertThat(browser.heading()).isEqualTo("Enter a recovery code");
            browser.accessible().screenshot("second-factor-recovery-code");
            browser.fill("recoveryCode", codes.get(0)).press("Continue");
            assertThat(browser.heading()).isEqualTo("You used a recovery code");
            assertThat(browser.text()).contains("You have 9 recovery codes left");
            assertThat(browser.text()).doesNotContain("only a few");
            browser.accessible().screenshot("second-factor-recovery-code-used");
            browser.press("Continue");
            assertThat(browser.heading()).isEqualTo("What would you like to do?");

            browser.signOut().signIn("po.recovers", Staff.PASSWORD).click("Use a recovery code instead");
            browser.fill("recoveryCode", codes.get(0)).press("Continue");
            assertThat(browser.errors())
                    .containsExactly("Recovery code: The recovery code is not right, or has been used");
            browser.accessible();
            for (int used = 1; used < 8; used++) {
                browser.fill("recoveryCode", codes.get(used)).press("Continue");
                assertThat(browser.text()).contains("You have " + (9 - used) + " recovery code");
                browser.signOut().signIn("po.recovers", Staff.PASSWORD).click("Use a recovery code instead");
            }
            browser.fill("recoveryCode", codes.get(8)).press("Continue");
            assertThat(browser.text()).contains("You have 1 recovery code left", "only a few recovery codes left");
            browser.accessible().screenshot("second-factor-recovery-codes-few");
        }
    }

    @Test
    void an_administrators_reset_signs_the_owner_out_and_sends_them_back_to_enrolment() {
        Staff.ensure(APP, "po.lost.phone", Set.of(Role.probation), Set.of());
        Staff.ensure(APP, "admin.resets", Set.of(Role.admin), Set.of());
        try (Browser officer = Browser.open(APP.getLocalPort());
                Browser admin = Browser.open(APP.getLocalPort())) {
            officer.signIn("po.lost.phone", Staff.PASSWORD);
            enrol(officer);
            admin.signIn("admin.resets", Staff.PASSWORD);
            enrol(admin);

            admin.go("/admin/accounts/po.lost.phone");
            assertThat(admin.driver()
                            .findElement(By.cssSelector("[data-test=second-factor]"))
                            .getText())
                    .isEqualTo("Authenticator app set up");
            admin.accessible().screenshot("second-factor-admin-account");
            admin.press("Reset second factor");
            assertThat(admin.heading()).isEqualTo("Reset the second factor of po.lost.phone?");
            admin.accessible().screenshot("second-factor-admin-reset");
            admin.press("Reset second factor");
            assertThat(admin.text()).contains("The second factor of po.lost.phone was reset");
            assertThat(admin.driver()
                            .findElement(By.cssSelector("[data-test=second-factor]"))
                            .getText())
                    .isEqualTo("Not set up");
            admin.accessible();

            officer.go("/cases");
            assertThat(officer.path()).as("signed out by the reset").startsWith("/sign-in");
            officer.fill("username", "po.lost.phone")
                    .fill("password", Staff.PASSWORD)
                    .press("Sign in");
            assertThat(officer.path()).startsWith("/account/second-factor");
            assertThat(officer.heading()).isEqualTo("Set up an authenticator app");
            enrolFromHere(officer);
            assertThat(officer.path()).isEqualTo("/cases");
        }
    }

    @Test
    void the_password_page_and_a_change_of_app_ask_for_a_current_code() {
        Staff.ensure(APP, "po.changes", Set.of(Role.probation), Set.of());
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.changes", Staff.PASSWORD);
            enrol(browser);
            browser.go("/account/password");
            assertThat(browser.driver().findElements(By.name("code"))).hasSize(1);
            browser.fill("currentPassword", Staff.PASSWORD)
                    .fill("newPassword", "a new passphrase of my own")
                    .press("Change password");
            assertThat(browser.errors()).containsExactly("Code: Enter the 6-digit code from your authenticator app");
            browser.accessible().screenshot("second-factor-password-code");

            browser.go("/account/second-factor");
            assertThat(browser.heading()).isEqualTo("Your authenticator app");
            browser.accessible().screenshot("second-factor-change");
            browser.fill("currentPassword", Staff.PASSWORD).press("Change authenticator app");
            assertThat(browser.errors()).hasSize(1).first().asString().startsWith("Code:");
            browser.accessible();
        }
    }

    /** Enrols from the page the sign-in led to; answers the recovery codes, having gone on past them. */
    private static List<String> enrol(Browser browser) {
        assertThat(browser.path()).startsWith("/account/second-factor");
        return enrolFromHere(browser);
    }

    private static List<String> enrolFromHere(Browser browser) {
        AuthenticatorApp app = scan(browser);
        browser.fill("code", app.code()).press("Confirm");
        List<String> codes = recoveryCodes(browser);
        browser.press("I have stored my recovery codes");
        return codes;
    }

    /** Starts enrolment and reads the key off the page, as someone typing it into their app. */
    private static AuthenticatorApp scan(Browser browser) {
        browser.press("Set up authenticator app");
        assertThat(browser.heading()).isEqualTo("Add Desist to your authenticator app");
        WebElement qr = browser.driver().findElement(By.cssSelector(".desist-qr svg"));
        assertThat(qr.getAttribute("role")).isEqualTo("img");
        assertThat(qr.getAttribute("aria-label")).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector("img[src^=http]")))
                .isEmpty();
        String key = browser.driver()
                .findElement(By.cssSelector("[data-test=secret]"))
                .getText();
        assertThat(key).matches("[A-Z2-7]{4}( [A-Z2-7]{1,4})+");
        browser.accessible().screenshot("second-factor-scan");
        return new AuthenticatorApp(key);
    }

    private static List<String> recoveryCodes(Browser browser) {
        assertThat(browser.heading()).isEqualTo("Your authenticator app is set up");
        return browser.driver().findElements(By.cssSelector("[data-test=recovery-codes] li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> menu(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".govuk-service-navigation__link")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
