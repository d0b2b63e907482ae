package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.signin.ApiTokens;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.PageClient;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.slf4j.LoggerFactory;

/**
 * Issue 15's newcomer: a new installation with no accounts at all, whose log offers a one-time set-up link; the
 * newcomer opens it in a browser, creates the first administrator and is signed in. The link works once and only
 * within its hour.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewcomerTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE)
            .addListener(new DropwizardAppExtension.ServiceListener<>() {
                @Override
                public void onRun(
                        DesistConfiguration configuration,
                        Environment environment,
                        DropwizardAppExtension<DesistConfiguration> app) {
                    // Dropwizard has set its logging up by now, and the server (whose start offers the link) not yet
                    LOG.start();
                    ((Logger) LoggerFactory.getLogger(SetupLink.class)).addAppender(LOG);
                }
            });
    static final Pattern LINK = Pattern.compile("http://localhost:(\\d+)(/setup/[A-Za-z0-9_-]+)");
    static final String ADMIN = "a.jones";
    static final String ADMIN_PASSWORD = "the first administrator's own passphrase";

    /** The set-up link the service logged at start, as a path. */
    static String linkFromTheLog() {
        String logged = LOG.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("/setup/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no set-up link in the log: " + LOG.list));
        Matcher link = LINK.matcher(logged);
        assertThat(link.find()).as(logged).isTrue();
        assertThat(Integer.parseInt(link.group(1))).isEqualTo(APP.getLocalPort());
        return link.group(2);
    }

    @Test
    @Order(1)
    void the_link_in_the_log_makes_the_first_administrator_once_and_signs_them_in() throws Exception {
        String link = linkFromTheLog();
        String token = link.substring(SetupLink.PATH.length());
        try (Databases.Opened database = Databases.open(DATABASE.factory(), false, "test-setup-link")) {
            // the same link an hour and a minute later no longer opens
            Clock later = Clock.offset(Clock.systemUTC(), SetupLink.VALID_FOR.plusMinutes(1));
            assertThat(new SetupLink(database.jdbi(), Clock.systemUTC(), null).usable(token))
                    .isTrue();
            assertThat(new SetupLink(database.jdbi(), later, null).usable(token))
                    .isFalse();
            // and a link whose hour has passed is no page at all
            String expired = ApiTokens.newToken().substring("dst_".length());
            Instant made = Instant.now().minus(SetupLink.VALID_FOR).minusSeconds(60);
            database.jdbi()
                    .useExtension(
                            SetupLinkDao.class,
                            links -> links.insert(ApiTokens.hash(expired), made, made.plus(SetupLink.VALID_FOR)));
            assertThat(new PageClient(APP.getLocalPort())
                            .get(SetupLink.PATH + expired)
                            .statusCode())
                    .isEqualTo(404);
        }

        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.go(link);
            assertThat(browser.heading()).isEqualTo("Create the first administrator");
            browser.accessible().screenshot("newcomer-setup");

            browser.press("Create administrator");
            assertThat(browser.errors()).isNotEmpty();
            browser.accessible();

            browser.fill("username", ADMIN)
                    .fill("password", ADMIN_PASSWORD)
                    .fill("confirmPassword", ADMIN_PASSWORD)
                    .press("Create administrator");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text()).contains("Signed in as " + ADMIN).contains("Accounts");
            browser.accessible().screenshot("newcomer-signed-in");

            // spent: the same link again is the not-found page, and sending its form again makes nobody
            browser.go(link);
            assertThat(browser.heading()).isEqualTo("Not Found");
            browser.accessible();
        }
        PageClient again = new PageClient(APP.getLocalPort());
        assertThat(again.get(link).statusCode()).isEqualTo(404);
        HttpResponse<String> replay = again.post(
                link,
                Map.of("username", "someone.else", "password", ADMIN_PASSWORD, "confirmPassword", ADMIN_PASSWORD));
        assertThat(replay.statusCode()).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(replay.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(new PageClient(APP.getLocalPort())
                        .post("/sign-in", Map.of("username", "someone.else", "password", ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(401);

        // the administrator signs in again with the password they chose
        assertThat(new PageClient(APP.getLocalPort())
                        .signIn(ADMIN, ADMIN_PASSWORD)
                        .get("/")
                        .body())
                .contains("Signed in as " + ADMIN);
    }

    /**
     * The rest of the newcomer's path, written against the agreed URLs of pages built on other branches: the
     * administrator makes a probation officer's account, who signs in with the temporary password, chooses their
     * own, opens the case and downloads its probation summary.
     */
    @Test
    @Order(2)
    void the_administrator_makes_a_probation_officer_who_downloads_a_case_summary() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site("NEWC");
        String participant = cases.enrolment(
                        "NEWC", cases.cohort("NEWC").get("id").asText())
                .get("participantId")
                .asText();
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            // from here on nothing is typed into the address bar: every page is reached by a link or a button
            browser.signIn(ADMIN, ADMIN_PASSWORD).click("Accounts").click("Create an account");
            browser.accessible();
            browser.fill("username", "p.officer")
                    .choose("roles", "probation")
                    .choose("sites", "NEWC")
                    .press("Create account");
            String temporary = browser.driver()
                    .findElement(By.cssSelector("[data-test=temporary-password] code"))
                    .getText()
                    .strip();
            assertThat(temporary).isNotBlank();
            browser.accessible().signOut();

            browser.signIn("p.officer", temporary);
            assertThat(browser.path()).startsWith("/account/password");
            browser.fill("currentPassword", temporary)
                    .fill("newPassword", "the officer's own long passphrase")
                    .press("Change password");

            assertThat(browser.path()).isEqualTo("/?passwordChanged");
            browser.click("Your cases");
            browser.accessible();
            browser.navigating(browser.driver().findElement(By.cssSelector("a[href='/cases/" + participant + "']")));
            browser.accessible().screenshot("newcomer-officer-case");
            String pdf = browser.driver()
                    .findElement(By.cssSelector("[data-test=probation-pdf]"))
                    .getDomAttribute("href");
            assertThat(pdf).isEqualTo("/cases/" + participant + "/summary/probation.pdf");
            // first, who the summary is for and why (issue 19)
            browser.go(pdf);
            assertThat(browser.heading()).isEqualTo("Who is the probation case summary (PDF) for?");
            browser.accessible();

            HttpResponse<String> summary = new PageClient(APP.getLocalPort())
                    .withCookie(EveryPageTest.sessionCookie(browser))
                    .get(Disclosed.viaForm(pdf));
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(summary.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(summary.body()).startsWith("%PDF");
        }
    }
}
