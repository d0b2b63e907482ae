package org.desist.web.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second step over plain HTTP, for what a browser would not let a test do: an old cookie kept after the code,
 * a form without its token, a return address off this site, and every kind of page asked for on a password alone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SecondFactorPagesTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.secondFactorRequired(TestDatabase.fresh());
    private static final Pattern KEY = Pattern.compile("data-test=\"secret\">([A-Z2-7 ]+)<");
    private static final Pattern TEMPORARY =
            Pattern.compile("data-test=\"temporary-password\">.*?<code>([^<]+)</code>", Pattern.DOTALL);

    @Test
    void the_half_signed_in_session_ends_when_the_code_is_given_and_a_new_one_begins() {
        AuthenticatorApp app = enrolled("po.fixation");
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("po.fixation", Staff.PASSWORD);
        String halfSignedIn = browser.cookie();

        HttpResponse<String> given = browser.post(
                "/sign-in/code", browser.withToken("/sign-in/code", Map.of("code", app.nextCode(), "next", "/cases")));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(303);
        assertThat(location(given)).isEqualTo("/cases");
        assertThat(browser.cookie()).isNotNull().isNotEqualTo(halfSignedIn);
        assertThat(browser.get("/cases").statusCode()).isEqualTo(200);

        PageClient old = new PageClient(APP.getLocalPort()).withCookie(halfSignedIn);
        HttpResponse<String> kept = old.get("/cases");
        assertThat(kept.statusCode()).isEqualTo(303);
        assertThat(location(kept)).startsWith("/sign-in?next=");
    }

    @Test
    void a_password_alone_reaches_only_the_code_step_and_signing_out() {
        enrolled("po.halfway");
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("po.halfway", Staff.PASSWORD);
        for (String page :
                new String[] {"/", "/cases", "/review", "/admin/accounts", "/account/password", "/account/second-factor"
                }) {
            HttpResponse<String> answer = browser.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(303);
            assertThat(location(answer)).as(page).startsWith("/sign-in/code?next=");
        }
        String token = browser.csrf("/sign-in/code");
        HttpResponse<String> form = browser.post(
                "/account/password",
                Map.of("csrf", token, "currentPassword", Staff.PASSWORD, "newPassword", "taken over on a password"));
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(location(form)).startsWith("/sign-in/code");

        HttpResponse<String> out = browser.post("/sign-out", Map.of("csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(location(out)).isEqualTo("/sign-in?signedOut");
    }

    @Test
    void the_code_form_needs_its_token_and_goes_on_only_to_a_page_of_this_service() {
        AuthenticatorApp app = enrolled("po.forged");
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("po.forged", Staff.PASSWORD);
        HttpResponse<String> forged = browser.post("/sign-in/code", Map.of("code", app.nextCode()));
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> given = browser.post(
                "/sign-in/code",
                browser.withToken("/sign-in/code", Map.of("code", app.nextCode(), "next", "//elsewhere.example")));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(303);
        assertThat(location(given)).isEqualTo("/");
    }

    @Test
    void a_wrong_code_is_401_with_the_field_named_and_the_session_still_half_signed_in() {
        AuthenticatorApp app = enrolled("po.mistypes");
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("po.mistypes", Staff.PASSWORD);
        HttpResponse<String> wrong =
                browser.post("/sign-in/code", browser.withToken("/sign-in/code", Map.of("code", app.wrongCode())));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("There is a problem", "href=\"#f-code\"", "The code is not right");
        assertThat(browser.get("/cases").statusCode()).isEqualTo(303);

        HttpResponse<String> empty =
                browser.post("/sign-in/code", browser.withToken("/sign-in/code", Map.of("code", " ")));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter the 6-digit code from your authenticator app");
    }

    @Test
    void a_temporary_password_is_changed_with_a_code_which_makes_the_new_session_two_factor() {
        AuthenticatorApp officer = enrolled("po.temporary");
        String temporary = temporaryPassword("po.temporary");

        PageClient browser = new PageClient(APP.getLocalPort()).signIn("po.temporary", temporary);
        assertThat(location(browser.get("/cases"))).isEqualTo("/account/password");
        HttpResponse<String> form = browser.get("/account/password");
        assertThat(form.body()).contains("name=\"code\"", "Your password is temporary");
        assertThat(form.body()).as("no menu yet").doesNotContain("govuk-service-navigation__link");

        HttpResponse<String> withoutCode = browser.post(
                "/account/password",
                browser.withToken(
                        "/account/password",
                        Map.of("currentPassword", temporary, "newPassword", "my own passphrase at last")));
        assertThat(withoutCode.statusCode()).isEqualTo(422);
        assertThat(withoutCode.body()).contains("Enter the 6-digit code from your authenticator app");

        HttpResponse<String> changed = browser.post(
                "/account/password",
                browser.withToken(
                        "/account/password",
                        Map.of(
                                "currentPassword",
                                temporary,
                                "code",
                                officer.nextCode(),
                                "newPassword",
                                "my own passphrase at last")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(browser.get("/cases").statusCode())
                .as("the password and the code, given together, are two factors")
                .isEqualTo(200);
    }

    @Test
    void a_new_account_changes_its_temporary_password_then_sets_up_its_app() {
        PageClient admin = signedInWithCode("admin.creates", enrolled("admin.creates"));
        HttpResponse<String> created = admin.post(
                "/admin/accounts/new",
                admin.withToken(
                        "/admin/accounts/new", Map.of("username", "lead.brand.new", "roles", "programme_lead")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String temporary = temporaryPasswordOn(created);

        PageClient browser = new PageClient(APP.getLocalPort()).signIn("lead.brand.new", temporary);
        HttpResponse<String> form = browser.get("/account/password");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("name=\"code\"");
        HttpResponse<String> changed = browser.post(
                "/account/password",
                browser.withToken(
                        "/account/password",
                        Map.of("currentPassword", temporary, "newPassword", "my own passphrase at last")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(location(browser.get("/cases"))).startsWith("/account/second-factor?next=");
    }

    private static PageClient signedInWithCode(String username, AuthenticatorApp app) {
        PageClient browser = new PageClient(APP.getLocalPort()).signIn(username, Staff.PASSWORD);
        HttpResponse<String> given =
                browser.post("/sign-in/code", browser.withToken("/sign-in/code", Map.of("code", app.nextCode())));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(303);
        return browser;
    }

    /** An administrator's reset of the account's password: the temporary one, as the page shows it once. */
    private static String temporaryPassword(String username) {
        String admin = "admin.of." + username;
        PageClient browser = signedInWithCode(admin, enrolled(admin));
        String page = "/admin/accounts/" + username;
        HttpResponse<String> reset = browser.post(page + "/password", browser.withToken(page, Map.of()));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        return temporaryPasswordOn(reset);
    }

    private static String temporaryPasswordOn(HttpResponse<String> page) {
        Matcher shown = TEMPORARY.matcher(page.body());
        assertThat(shown.find()).as(page.body()).isTrue();
        return shown.group(1);
    }

    /** Where the answer sends the browser, as a path of the service. */
    private static String location(HttpResponse<String> answer) {
        String to = answer.headers().firstValue("Location").orElseThrow();
        String base = "http://localhost:" + APP.getLocalPort();
        return to.startsWith(base) ? to.substring(base.length()) : to;
    }

    /** An account with an authenticator app, enrolled through the pages; the app's codes. */
    private static AuthenticatorApp enrolled(String username) {
        Staff.ensure(APP, username, Set.of(Role.probation, Role.admin), Set.of());
        PageClient browser = new PageClient(APP.getLocalPort()).signIn(username, Staff.PASSWORD);
        HttpResponse<String> scan =
                browser.post("/account/second-factor/start", browser.withToken("/account/second-factor", Map.of()));
        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
        Matcher key = KEY.matcher(scan.body());
        assertThat(key.find()).as(scan.body()).isTrue();
        AuthenticatorApp app = new AuthenticatorApp(key.group(1));
        HttpResponse<String> confirmed = browser.post(
                "/account/second-factor/confirm",
                browser.withToken("/account/second-factor", Map.of("code", app.code())));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your recovery codes");
        return app;
    }
}
