package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.PageClient;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The screens' sessions over HTTP, on two instances of one database: the cookie's attributes, the id kept
 * only as a hash, rotation at sign-in, sign-out on the server, the idle timeout, forged forms refused, and the
 * API deaf to the cookie.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class BrowserSessionTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> A = app(DATABASE, "web.idleTimeout", "30 minutes");
    /** The same database, with sessions that go idle in two seconds. */
    static final DropwizardAppExtension<DesistConfiguration> B = app(DATABASE, "web.idleTimeout", "2 seconds");

    /** The same database, behind a TLS proxy (as config declares it). */
    static final DropwizardAppExtension<DesistConfiguration> TLS = app(DATABASE, "web.behindTlsProxy", "true");

    static DropwizardAppExtension<DesistConfiguration> app(TestDatabase database, String key, String value) {
        List<ConfigOverride> overrides = new ArrayList<>(Arrays.asList(database.overrides()));
        overrides.add(ConfigOverride.config(key, value));
        return new DropwizardAppExtension<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new));
    }

    @BeforeAll
    static void staff() {
        org.desist.support.Cases.created(TestApp.api(A)
                .post("/sites", Map.of("code", "STAC", "name", "London STAC", "model", "threat_assessment_centre")));
        Staff.ensure(A, "po.web", Set.of(Role.probation), Set.of("STAC"));
    }

    private static PageClient signedIn(DropwizardAppExtension<DesistConfiguration> app) {
        return new PageClient(app.getLocalPort()).signIn("po.web", Staff.PASSWORD);
    }

    @Test
    void a_page_without_a_session_sends_the_browser_to_sign_in_and_back() {
        HttpResponse<String> answer = new PageClient(A.getLocalPort()).get("/account/password?from=mail");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .endsWith("/sign-in?next=%2Faccount%2Fpassword%3Ffrom%3Dmail");
    }

    @Test
    void the_session_cookie_is_http_only_strict_and_holds_256_random_bits_stored_only_as_a_hash() {
        PageClient browser = new PageClient(A.getLocalPort());
        HttpResponse<String> answer =
                browser.post("/sign-in", Map.of("username", "po.web", "password", Staff.PASSWORD));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        String set = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("desist-session=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(set).contains("Path=/").doesNotContain("Max-Age").doesNotContain("Expires");
        String value = browser.cookie().substring("desist-session=".length());
        assertThat(java.util.Base64.getUrlDecoder().decode(value.substring("dst_".length())))
                .hasSize(32);

        List<String> stored;
        try (org.desist.db.Databases.Opened database =
                org.desist.db.Databases.open(DATABASE.factory(), false, "test-sessions")) {
            stored = database.jdbi().withHandle(handle -> handle.createQuery("SELECT id_hash FROM browser_session")
                    .mapTo(String.class)
                    .list());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(stored).contains(org.desist.signin.ApiTokens.hash(value)).doesNotContain(value);
    }

    @Test
    void behind_tls_the_cookie_is_secure_and_host_only_and_the_plain_name_is_not_read() {
        PageClient browser = new PageClient(TLS.getLocalPort());
        HttpResponse<String> answer =
                browser.post("/sign-in", Map.of("username", "po.web", "password", Staff.PASSWORD));
        String set = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("__Host-desist-session=").contains("Secure").contains("Path=/");
        assertThat(set).doesNotContain("Domain");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String value = browser.cookie().substring(browser.cookie().indexOf('=') + 1);
        // the same value under the plain name (what a man in the middle could plant over HTTP) opens nothing
        assertThat(new PageClient(TLS.getLocalPort())
                        .withCookie("desist-session=" + value)
                        .get("/")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void signing_in_again_gives_a_new_id_and_ends_the_old_one() {
        PageClient browser = signedIn(A);
        String before = browser.cookie();
        browser.post("/sign-in", Map.of("username", "po.web", "password", Staff.PASSWORD));
        assertThat(browser.cookie()).isNotEqualTo(before);
        assertThat(new PageClient(A.getLocalPort()).withCookie(before).get("/").statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void any_instance_serves_the_session_and_sign_out_ends_it_on_the_server() {
        PageClient browser = signedIn(A);
        String cookie = browser.cookie();
        PageClient other = new PageClient(B.getLocalPort()).withCookie(cookie);
        HttpResponse<String> home = other.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as po.web");

        HttpResponse<String> out = other.post("/sign-out", other.withToken("/", Map.of()));
        assertThat(out.statusCode()).isEqualTo(303);
        // the cookie a copy of the browser still holds opens nothing, on either instance
        assertThat(new PageClient(A.getLocalPort()).withCookie(cookie).get("/").statusCode())
                .isEqualTo(303);
    }

    @Test
    void a_session_idle_past_its_timeout_has_ended() throws InterruptedException {
        PageClient browser = signedIn(B);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        Thread.sleep(2_500);
        HttpResponse<String> later = browser.get("/");
        assertThat(later.statusCode()).isEqualTo(303);
        assertThat(later.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
    }

    @Test
    void a_form_without_the_session_token_or_from_another_origin_is_refused_and_changes_nothing() {
        PageClient browser = signedIn(A);
        HttpResponse<String> noToken = browser.post("/sign-out", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("This form has expired");
        HttpResponse<String> wrongToken = browser.post("/sign-out", Map.of("csrf", "dst_forged"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> elsewhere =
                browser.post("/sign-out", browser.withToken("/", Map.of()), "https://attacker.example");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> crossSiteSignIn = new PageClient(A.getLocalPort())
                .post("/sign-in", Map.of("username", "po.web", "password", Staff.PASSWORD), "https://attacker.example");
        assertThat(crossSiteSignIn.statusCode()).isEqualTo(403);
        assertThat(crossSiteSignIn.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void the_api_never_reads_the_session_cookie() {
        PageClient browser = signedIn(A);
        Reply reply = TestApp.anonymous(A).with("Cookie", browser.cookie()).get("/participants");
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void a_wrong_password_is_the_form_again_with_the_error_and_no_cookie() {
        HttpResponse<String> answer = new PageClient(A.getLocalPort())
                .post("/sign-in", Map.of("username", "po.web", "password", "not the password"));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("govuk-error-summary").contains("The username or password is not right");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void pages_are_never_stored_and_allow_no_inline_script() {
        HttpResponse<String> page = signedIn(A).get("/");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    /** ASVS V4.1.1: a page says which charset it is in, whichever resource or error made it. */
    @Test
    void every_kind_of_page_names_its_charset() {
        PageClient signedIn = signedIn(A);
        Map<String, HttpResponse<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("sign-in", new PageClient(A.getLocalPort()).get("/sign-in"));
        pages.put("home", signedIn.get("/"));
        pages.put("cases", signedIn.get("/cases"));
        pages.put("sessions", signedIn.get("/account/sessions"));
        pages.put("password", signedIn.get("/account/password"));
        pages.put("unknown case", signedIn.get("/cases/00000000-0000-0000-0000-000000000000"));
        pages.put("no such page", signedIn.get("/no/such/page"));
        pages.forEach((name, page) -> {
            assertThat(page.body()).as(name).contains("<html");
            assertThat(page.headers().firstValue("Content-Type").orElseThrow())
                    .as(name)
                    .isEqualToIgnoringCase("text/html;charset=UTF-8");
        });
        assertThat(pages.get("unknown case").statusCode()).isEqualTo(404);
        assertThat(pages.get("no such page").statusCode()).isEqualTo(404);
    }

    @Test
    void govuk_frontends_styles_and_script_are_served_from_the_jar_but_not_its_fonts_or_crown() {
        PageClient anybody = new PageClient(A.getLocalPort());
        HttpResponse<String> css = anybody.get("/assets/govuk/govuk-frontend.min.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(anybody.get("/assets/govuk/govuk-frontend.min.js").statusCode())
                .isEqualTo(200);
        assertThat(anybody.get("/assets/desist/desist.css").statusCode()).isEqualTo(200);
        for (String brand : List.of(
                "/assets/govuk/assets/images/govuk-crest.svg",
                "/assets/govuk/assets/fonts/light-94a07e06a1-v2.woff2",
                "/assets/govuk/govuk-frontend.min.css.map")) {
            assertThat(anybody.get(brand).statusCode()).as(brand).isEqualTo(404);
        }
    }

    @Test
    void the_sign_in_page_returns_only_to_this_services_own_pages() {
        assertThat(SignInResource.returnTo("/cases?priority=high")).isEqualTo("/cases?priority=high");
        for (String elsewhere : List.of("//evil.example", "https://evil.example", "/\\evil.example", "cases")) {
            assertThat(SignInResource.returnTo(elsewhere)).as(elsewhere).isEqualTo("/");
        }
    }
}
