package org.desist.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.signin.ApiTokens;
import org.desist.support.Api;
import org.desist.support.Cases;
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
 * Issue 16, part 3, over HTTP on two instances of one database: my browser sessions and tokens in one list
 * (the one in use flagged, no hash anywhere), ending one of mine and not anyone else's, an administrator ending
 * all of an account's, a token's idle timeout, and a disabled account's sessions and tokens ending at once on
 * the instance that did not disable it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SessionsTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> A =
            app(ResourceHelpers.resourceFilePath("test-config.yml"));
    /**
     * The same database, where a token unused for two seconds is refused. A file of its own, not a ConfigOverride:
     * overrides are system properties, and the last one set was left behind for the test classes after this one
     * (their tokens then expired after two seconds).
     */
    static final DropwizardAppExtension<DesistConfiguration> B = app(idleAfterTwoSeconds());

    static final String SITE = "SESS";
    static int serial;
    /** The password asked again to end a session other than the one in use (ASVS V7.5.2). */
    static final Map<String, String> AGAIN = Map.of("currentPassword", Staff.PASSWORD);

    static DropwizardAppExtension<DesistConfiguration> app(String configFile) {
        return new DropwizardAppExtension<>(DesistApplication.class, configFile, DATABASE.overrides());
    }

    private static String idleAfterTwoSeconds() {
        try {
            Path config = Files.createTempFile("sessions-test-", ".yml");
            Files.writeString(
                    config,
                    Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                            + "\ntokenIdleTimeout: 2 seconds\n");
            config.toFile().deleteOnExit();
            return config.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void siteAndAdministrator() {
        new Cases(TestApp.api(A)).site(SITE);
        Staff.ensure(A, "sess.admin", Set.of(Role.admin), Set.of());
    }

    /** A probation officer made for one test. */
    private static String officer() {
        String username = "sess.po" + (++serial);
        Staff.ensure(A, username, Set.of(Role.probation), Set.of(SITE));
        return username;
    }

    /** A token issued on that instance: {id, token}. */
    private static JsonNode token(DropwizardAppExtension<DesistConfiguration> app, String username) {
        Reply issued = TestApp.as(app, username).post("/tokens", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.json();
    }

    private static Api bearer(DropwizardAppExtension<DesistConfiguration> app, JsonNode token) {
        return TestApp.anonymous(app).withBearer(token.get("token").asText());
    }

    private static List<JsonNode> items(Reply list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        list.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> column(String sql, String username) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(sql)
                .bind("username", username)
                .mapTo(String.class)
                .list());
    }

    @Test
    void my_list_holds_my_browser_sessions_and_tokens_with_the_one_in_use_flagged_and_no_hash() {
        String me = officer();
        PageClient browser = new PageClient(A.getLocalPort()).signIn(me, Staff.PASSWORD);
        JsonNode first = token(A, me);
        JsonNode second = token(A, me);
        officer(); // someone else's sessions stay out of my list
        Reply list = bearer(A, first).get("/me/sessions");

        List<JsonNode> items = items(list);
        assertThat(items).hasSize(3);
        assertThat(items).extracting(item -> item.get("kind").asText()).containsOnly("browser", "token");
        assertThat(items)
                .filteredOn(item -> item.get("current").asBoolean())
                .extracting(item -> item.get("id").asText())
                .containsExactly(first.get("id").asText());
        assertThat(items)
                .extracting(item -> item.get("id").asText())
                .contains(second.get("id").asText());
        for (JsonNode item : items) {
            assertThat(item.get("startedFrom").asText()).isEqualTo("127.0.0.1");
            assertThat(item.get("lastUsedFrom").asText()).isEqualTo("127.0.0.1");
            assertThat(item.get("twoFactors").asBoolean()).isFalse();
            assertThat(item.hasNonNull("createdAt")).isTrue();
            assertThat(item.hasNonNull("lastUsedAt")).isTrue();
        }
        // neither a token, a cookie, nor the hash of any of them
        String cookie = browser.cookie().substring(browser.cookie().indexOf('=') + 1);
        List<String> secrets = new ArrayList<>(
                List.of(first.get("token").asText(), second.get("token").asText(), cookie, ApiTokens.hash(cookie)));
        secrets.addAll(column("SELECT token_hash FROM api_token WHERE username = :username", me));
        secrets.addAll(column("SELECT id_hash FROM browser_session WHERE username = :username", me));
        for (String secret : secrets) {
            assertThat(list.text()).doesNotContain(secret);
        }

        // with a password, nothing in the list is the one in use
        assertThat(items(TestApp.as(A, me).get("/me/sessions"))).hasSize(3).noneMatch(item -> item.get("current")
                .asBoolean());
        // paged like every list
        Reply page = bearer(A, first).get("/me/sessions?limit=2");
        assertThat(items(page)).hasSize(2);
        assertThat(page.json().get("next").asText()).contains("offset=2");
    }

    @Test
    void i_end_one_of_mine_a_token_or_a_browser_session_but_anyone_elses_is_not_found() {
        String me = officer();
        PageClient browser = new PageClient(A.getLocalPort()).signIn(me, Staff.PASSWORD);
        JsonNode kept = token(A, me);
        JsonNode ended = token(A, me);
        List<JsonNode> mine = items(bearer(A, kept).get("/me/sessions"));
        String browserId = mine.stream()
                .filter(item -> item.get("kind").asText().equals("browser"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();

        assertThat(bearer(A, kept)
                        .send("DELETE", "/me/sessions/" + ended.get("id").asText(), AGAIN, Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(bearer(B, ended).get("/me/sessions").status()).isEqualTo(401);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(bearer(A, kept)
                        .send("DELETE", "/me/sessions/" + browserId, AGAIN, Map.of())
                        .status())
                .isEqualTo(204);
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
        assertThat(items(bearer(A, kept).get("/me/sessions")))
                .extracting(item -> item.get("id").asText())
                .containsExactly(kept.get("id").asText());

        // someone else's, ended already, or unknown: 404 alike, and theirs still works
        String other = officer();
        JsonNode theirs = token(A, other);
        for (String id : List.of(theirs.get("id").asText(), ended.get("id").asText(), "no-such-session")) {
            Reply refused = bearer(A, kept).send("DELETE", "/me/sessions/" + id, AGAIN, Map.of());
            assertThat(refused.status()).as(id + " " + refused.text()).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(bearer(A, theirs).get("/me/sessions").status()).isEqualTo(200);
        // even an administrator ends another's one by one only through the token's own endpoint
        assertThat(TestApp.as(A, "sess.admin")
                        .send("DELETE", "/me/sessions/" + theirs.get("id").asText(), AGAIN, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(audited(me, "token_revoke")).isEqualTo(2);
    }

    @Test
    void an_administrator_ends_every_session_and_token_of_an_account_on_every_instance() {
        String target = officer();
        PageClient browser = new PageClient(B.getLocalPort()).signIn(target, Staff.PASSWORD);
        JsonNode one = token(B, target);
        JsonNode two = token(A, target);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        Reply ended = TestApp.as(A, "sess.admin").delete("/users/" + target + "/sessions");
        assertThat(ended.status()).as(ended.text()).isEqualTo(204);

        for (JsonNode token : List.of(one, two)) {
            Reply refused = bearer(B, token).get("/me/sessions");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
        assertThat(column("SELECT public_id FROM browser_session WHERE username = :username", target))
                .isEmpty();
        assertThat(audited(target, "token_revoke")).isEqualTo(1);

        assertThat(TestApp.as(A, "sess.admin")
                        .delete("/users/nobody.here/sessions")
                        .status())
                .isEqualTo(404);
        Reply forbidden = TestApp.as(A, officer()).delete("/users/" + target + "/sessions");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(TestApp.anonymous(A).delete("/users/" + target + "/sessions").status())
                .isEqualTo(401);
    }

    @Test
    void a_token_unused_past_its_idle_timeout_is_refused_like_an_expired_one() throws InterruptedException {
        String me = officer();
        JsonNode token = token(B, me);
        assertThat(bearer(B, token).get("/me/sessions").status()).isEqualTo(200);
        assertThat(bearer(B, token).get("/me/sessions").status()).isEqualTo(200);
        // used twice within the minute: the idle clock was not written again
        assertThat(column("SELECT last_used_at FROM api_token WHERE username = :username", me))
                .containsExactlyElementsOf(column("SELECT created_at FROM api_token WHERE username = :username", me));
        Thread.sleep(2_500);
        Reply refused = bearer(B, token).get("/me/sessions");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_disabled_accounts_sessions_and_tokens_end_at_once_on_the_other_instance_and_stay_ended() {
        String target = officer();
        PageClient browser = new PageClient(B.getLocalPort()).signIn(target, Staff.PASSWORD);
        JsonNode token = token(B, target);
        Api basic = TestApp.as(B, target);
        assertThat(bearer(B, token).get("/me/sessions").status()).isEqualTo(200);
        assertThat(basic.get("/me/sessions").status()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        Reply disabled = TestApp.as(A, "sess.admin").post("/users/" + target + "/disable", Map.of());
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);

        assertThat(bearer(B, token).get("/me/sessions").status()).isEqualTo(401);
        assertThat(basic.get("/me/sessions").status()).isEqualTo(401);
        assertThat(browser.get("/").statusCode()).isEqualTo(303);

        // enabled again, nothing of before comes back: a new sign-in is needed
        assertThat(TestApp.as(A, "sess.admin")
                        .post("/users/" + target + "/enable", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(bearer(B, token).get("/me/sessions").status()).isEqualTo(401);
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
        assertThat(basic.get("/me/sessions").status()).isEqualTo(200);
    }

    private static long audited(String username, String action) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_event WHERE resource_type = 'account' AND resource_id = :username"
                                + " AND action = :action")
                .bind("username", username)
                .bind("action", action)
                .mapTo(Long.class)
                .one());
    }

    /** The ids of the forms that end each row of a sessions page. */
    private static List<String> endForms(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("action=\"/account/sessions/([^/\"]+)/end\"")
                .matcher(page);
        List<String> ids = new ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    @Test
    void my_sessions_page_lists_them_and_ends_another_browser_or_this_one_which_signs_out() {
        String me = officer();
        PageClient here = new PageClient(A.getLocalPort()).signIn(me, Staff.PASSWORD);
        PageClient there = new PageClient(B.getLocalPort()).signIn(me, Staff.PASSWORD);
        JsonNode token = token(A, me);
        assertThat(here.get("/").body()).contains("href=\"/account/sessions\"");

        HttpResponse<String> page = here.get("/account/sessions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your sessions and tokens").contains("API token");
        List<String> ids = endForms(page.body());
        assertThat(ids).hasSize(3).contains(token.get("id").asText());
        String cookie = here.cookie().substring(here.cookie().indexOf('=') + 1);
        assertThat(page.body()).doesNotContain(cookie).doesNotContain(ApiTokens.hash(cookie));
        java.util.regex.Matcher current = java.util.regex.Pattern.compile(
                        "data-test=\"current\".*?action=\"/account/sessions/([^/\"]+)/end\"",
                        java.util.regex.Pattern.DOTALL)
                .matcher(page.body());
        assertThat(current.find()).isTrue();
        String thisBrowser = current.group(1);
        assertThat(current.find()).as("one row is this browser").isFalse();
        assertThat(page.body()).contains("This browser");
        String otherBrowser = ids.stream()
                .filter(id ->
                        !id.equals(thisBrowser) && !id.equals(token.get("id").asText()))
                .findFirst()
                .orElseThrow();

        // no form token: refused, nothing ended
        assertThat(here.post("/account/sessions/" + otherBrowser + "/end", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(there.get("/").statusCode()).isEqualTo(200);

        // a wrong password: the page again, its error summary linking to that row's password field, nothing ended
        HttpResponse<String> wrong = here.post(
                "/account/sessions/" + otherBrowser + "/end",
                here.withToken("/account/sessions", Map.of("currentPassword", "not the password at all")));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("href=\"#f-currentPassword\"");
        assertThat(wrong.body().split("id=\"f-currentPassword\"", -1))
                .as("one field the summary links to")
                .hasSize(2);
        assertThat(wrong.body())
                .containsPattern("(?s)action=\"/account/sessions/" + otherBrowser
                        + "/end\"(?:(?!</form>).)*id=\"f-currentPassword\"");
        assertThat(there.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> endOther =
                here.post("/account/sessions/" + otherBrowser + "/end", here.withToken("/account/sessions", AGAIN));
        assertThat(endOther.statusCode()).isEqualTo(303);
        assertThat(endOther.headers().firstValue("Location").orElseThrow()).endsWith("/account/sessions?ended");
        assertThat(there.get("/").statusCode()).isEqualTo(303);
        HttpResponse<String> after = here.get("/account/sessions?ended");
        assertThat(after.body()).contains("It has ended");
        assertThat(endForms(after.body()))
                .containsExactlyInAnyOrder(thisBrowser, token.get("id").asText());
        PageClient stillIn = here;

        // someone else's id: the page's 404
        String other = officer();
        JsonNode theirs = token(A, other);
        HttpResponse<String> notMine = stillIn.post(
                "/account/sessions/" + theirs.get("id").asText() + "/end",
                stillIn.withToken("/account/sessions", AGAIN));
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(bearer(A, theirs).get("/me/sessions").status()).isEqualTo(200);

        // ending this browser's own session signs it out, cookie cleared
        String own = thisBrowser;
        HttpResponse<String> out =
                stillIn.post("/account/sessions/" + own + "/end", stillIn.withToken("/account/sessions", Map.of()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).contains("/sign-in?signedOut");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(new PageClient(A.getLocalPort())
                        .withCookie(stillIn.cookie())
                        .get("/")
                        .statusCode())
                .isEqualTo(303);
        assertThat(bearer(A, token).get("/me/sessions").status()).isEqualTo(200);
    }

    @Test
    void an_administrators_button_ends_every_session_and_token_of_the_account() {
        String target = officer();
        PageClient targetBrowser = new PageClient(B.getLocalPort()).signIn(target, Staff.PASSWORD);
        JsonNode token = token(A, target);
        PageClient admin = new PageClient(A.getLocalPort()).signIn("sess.admin", Staff.PASSWORD);
        String accountPage = "/admin/accounts/" + target;
        assertThat(admin.get(accountPage).body()).contains("End all sessions and tokens");

        HttpResponse<String> ended = admin.post(accountPage + "/sessions/end", admin.withToken(accountPage, Map.of()));
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith(accountPage);
        assertThat(targetBrowser.get("/").statusCode()).isEqualTo(303);
        assertThat(bearer(B, token).get("/me/sessions").status()).isEqualTo(401);
        assertThat(admin.get("/").statusCode())
                .as("the administrator's own session stays")
                .isEqualTo(200);
    }
}
