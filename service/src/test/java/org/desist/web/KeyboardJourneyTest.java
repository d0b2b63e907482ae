package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The probation officer's job by keyboard alone: no mouse, no address typed after the first. The skip link comes
 * first, every step is reached with Tab and taken with Enter, and the element in focus is always visible.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class KeyboardJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static String participant;

    @BeforeAll
    static void seed() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site("KEYS");
        participant = cases.enrolment("KEYS", cases.cohort("KEYS").get("id").asText())
                .get("participantId")
                .asText();
        Staff.ensure(APP, "po.keys", Set.of(Role.probation), Set.of("KEYS"));
    }

    @Test
    void a_probation_officer_signs_in_finds_the_case_and_reaches_its_summary_by_keyboard() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.go("/sign-in");
            WebElement skip = tabUntil(browser, element -> "Skip to main content".equals(element.getText()), 3);
            assertThat(skip.getAttribute("href")).endsWith("#main-content");
            tabUntil(browser, element -> "username".equals(element.getDomAttribute("name")), 5)
                    .sendKeys("po.keys");
            tabUntil(browser, element -> "password".equals(element.getDomAttribute("name")), 2)
                    .sendKeys(Staff.PASSWORD);
            browser.navigating(() -> active(browser).sendKeys(Keys.ENTER));
            assertThat(browser.path()).isEqualTo("/");

            WebElement cases = tabUntil(browser, element -> "Your cases".equals(element.getText()), 10);
            assertThat(cases.getDomAttribute("href")).isEqualTo("/cases");
            browser.navigating(() -> cases.sendKeys(Keys.ENTER));
            WebElement theCase =
                    tabUntil(browser, element -> ("/cases/" + participant).equals(element.getDomAttribute("href")), 40);
            browser.navigating(() -> theCase.sendKeys(Keys.ENTER));
            WebElement pdf =
                    tabUntil(browser, element -> "probation-pdf".equals(element.getDomAttribute("data-test")), 15);
            assertThat(pdf.getDomAttribute("href")).isEqualTo("/cases/" + participant + "/summary/probation.pdf");
            // GOV.UK Frontend's focus state: the yellow of its focus colour behind the button in focus
            assertThat(pdf.getCssValue("background-color"))
                    .as("the button in focus shows it")
                    .isEqualTo("rgba(255, 221, 0, 1)");
        }
    }

    private static WebElement active(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /** Presses Tab until the element in focus is the one wanted, at most {@code presses} times. */
    private static WebElement tabUntil(Browser browser, java.util.function.Predicate<WebElement> wanted, int presses) {
        for (int i = 0; i < presses; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = active(browser);
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError(
                "not reached with " + presses + " presses of Tab on " + browser.path() + "; focus is on "
                        + active(browser).getTagName() + " " + active(browser).getText());
    }
}
