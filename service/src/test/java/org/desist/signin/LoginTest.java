package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logging in over HTTP: Basic and Bearer, 401 versus 403, throttling that does not tell known users
 * from unknown ones, tokens issued, revoked and expiring, and the administrators' account endpoints.
 * Each test uses usernames of its own, since the login throttle remembers failures per username (and per
 * address: see SignInThrottleTest).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class LoginTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    /** Trusts the local proxy, so that a test may give its failures an address of their own (X-Forwarded-For). */
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.behindLocalProxy(DATABASE);

    private static final String WRONG = "not the right password at all";

    @BeforeAll
    static void staff() {
        for (String police : List.of(
                "ann.police", "often.guessed", "by.stander", "tom.token", "olga.other", "dis.abled", "reset.me")) {
            Staff.ensure(APP, police, Set.of(Role.police), Set.of());
        }
        Staff.ensure(APP, "cathy.cps", Set.of(Role.cps), Set.of());
        Staff.ensure(APP, "adm.in", Set.of(Role.admin), Set.of());
    }

    private static Api basic(String username, String password) {
        return TestApp.anonymous(APP).withBasic(username, password);
    }

    private static Api bearer(String token) {
        return TestApp.anonymous(APP).withBearer(token);
    }

    private static Api admin() {
        return TestApp.as(APP, "adm.in");
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    }

    // --- 401 and 403 ---

    @Test
    void missing_credentials_are_401_naming_both_schemes() {
        Reply reply = TestApp.anonymous(APP).get("/sites");

        assertUnauthorized(reply);
        List<String> challenges = reply.headers().allValues("WWW-Authenticate");
        assertThat(challenges).anySatisfy(challenge -> assertThat(challenge).startsWith("Basic realm="));
        assertThat(challenges).anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer realm="));
    }

    @Test
    void malformed_credentials_are_401() {
        assertUnauthorized(TestApp.anonymous(APP)
                .with("Authorization", "Basic !!!not-base64")
                .get("/sites"));
        assertUnauthorized(TestApp.anonymous(APP)
                .with("Authorization", "Digest username=\"ann.police\"")
                .get("/sites"));
        assertUnauthorized(bearer("dst_made-up-token").get("/sites"));
    }

    @Test
    void a_wrong_password_and_an_unknown_user_look_the_same() {
        assertThat(basic("ann.police", Staff.PASSWORD).get("/sites").status()).isEqualTo(200);

        Reply wrongPassword = basic("ann.police", WRONG).get("/sites");
        Reply unknownUser = basic("nobody.known", WRONG).get("/sites");

        assertUnauthorized(wrongPassword);
        assertUnauthorized(unknownUser);
        assertThat(unknownUser.text()).isEqualTo(wrongPassword.text());
        assertThat(unknownUser.contentType()).isEqualTo(wrongPassword.contentType());
        assertThat(unknownUser.headers().allValues("WWW-Authenticate"))
                .isEqualTo(wrongPassword.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void a_known_user_without_the_right_is_403() {
        Api cps = TestApp.as(APP, "cathy.cps");
        assertThat(cps.get("/sites").status()).isEqualTo(200);

        Reply refused = cps.get("/referrals");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().allValues("WWW-Authenticate")).isEmpty();
    }

    // --- throttling ---

    @Test
    void repeated_failures_slow_a_username_but_never_lock_it_and_an_unknown_username_behaves_identically() {
        // each from an address of its own, so that only the username's count is at play
        List<Reply> known = failSixTimes("often.guessed", "192.0.2.1");
        List<Reply> unknown = failSixTimes("never.existed", "192.0.2.2");

        for (List<Reply> attempts : List.of(known, unknown)) {
            attempts.forEach(LoginTest::assertUnauthorized);
        }
        assertThat(unknown)
                .extracting(Reply::status)
                .containsExactlyElementsOf(known.stream().map(Reply::status).toList());
        assertThat(unknown)
                .extracting(Reply::text)
                .containsExactlyElementsOf(known.stream().map(Reply::text).toList());

        // a stranger's failures cost the owner a short delay, never the account, however the name is spelled
        assertThat(basic("often.guessed", Staff.PASSWORD).get("/sites").status())
                .isEqualTo(200);
        assertThat(basic("often.guessed", Staff.PASSWORD).post("/tokens", null).status())
                .isEqualTo(201);
        assertUnauthorized(basic("OFTEN.GUESSED", WRONG).get("/sites"));
        assertThat(basic("by.stander", Staff.PASSWORD).get("/sites").status()).isEqualTo(200);
    }

    @Test
    void failures_beyond_the_third_are_slowed() {
        List<Duration> took = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            Instant start = Instant.now();
            assertUnauthorized(basic("slow.down", WRONG)
                    .with("X-Forwarded-For", "192.0.2.3")
                    .get("/sites"));
            took.add(Duration.between(start, Instant.now()));
        }
        // after three failures the fourth answer waits at least half a second
        assertThat(took.get(3)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    private static List<Reply> failSixTimes(String username, String address) {
        List<Reply> replies = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            replies.add(basic(username, WRONG + attempt)
                    .with("X-Forwarded-For", address)
                    .get("/sites"));
        }
        return replies;
    }

    // --- tokens ---

    @Test
    void a_token_is_issued_against_a_password_used_as_bearer_and_revoked() throws SQLException {
        Instant asked = Instant.now();
        Reply issued = TestApp.as(APP, "tom.token").post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode body = issued.json();
        String token = body.get("token").asText();
        String id = body.get("id").asText();
        assertThat(token).startsWith("dst_").hasSizeGreaterThan(40);
        assertThat(id).isNotBlank();
        assertThat(issued.header("Location")).endsWith("/api/tokens/" + id);
        assertThat(Instant.parse(body.get("expiresAt").asText()))
                .isBetween(
                        asked.plus(Duration.ofHours(8)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(8)));
        assertThat(storedTokenHashes()).doesNotContain(token).contains(ApiTokens.hash(token));

        Api tom = bearer(token);
        assertThat(tom.get("/sites").status()).isEqualTo(200);
        assertUnauthorized(tom.post("/tokens", null));

        Reply notTheirs = TestApp.as(APP, "olga.other").delete("/tokens/" + id);
        assertThat(notTheirs.status()).as(notTheirs.toString()).isEqualTo(404);
        assertThat(tom.get("/sites").status())
                .as("still valid after someone else's attempt")
                .isEqualTo(200);

        Reply revoked = TestApp.as(APP, "tom.token").delete("/tokens/" + id);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertUnauthorized(tom.get("/sites"));
    }

    @Test
    void an_owner_may_revoke_with_the_token_itself_and_an_administrator_may_revoke_anyones() {
        JsonNode first = TestApp.as(APP, "olga.other").post("/tokens", null).json();
        Api olga = bearer(first.get("token").asText());
        assertThat(olga.delete("/tokens/" + first.get("id").asText()).status()).isEqualTo(204);
        assertUnauthorized(olga.get("/sites"));

        JsonNode second = TestApp.as(APP, "olga.other").post("/tokens", null).json();
        assertThat(admin().delete("/tokens/" + second.get("id").asText()).status())
                .isEqualTo(204);
        assertUnauthorized(bearer(second.get("token").asText()).get("/sites"));

        assertThat(admin().delete("/tokens/no-such-token").status()).isEqualTo(404);
    }

    @Test
    void a_token_stops_working_when_it_expires() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        DropwizardTestSupport<DesistConfiguration> shortLived = new DropwizardTestSupport<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                database.overrides(ConfigOverride.config("tokenLifetime", "2 seconds")));
        shortLived.before();
        try {
            Staff.ensure(database, "brief.user", Set.of(Role.police), Set.of());
            Api anonymous = new Api("http://localhost:" + shortLived.getLocalPort() + "/api");
            Instant asked = Instant.now();
            JsonNode issued = anonymous
                    .withBasic("brief.user", Staff.PASSWORD)
                    .post("/tokens", null)
                    .json();
            Instant expiresAt = Instant.parse(issued.get("expiresAt").asText());
            assertThat(expiresAt).isBetween(asked.plusSeconds(1), Instant.now().plusSeconds(3));

            Api brief = anonymous.withBearer(issued.get("token").asText());
            assertThat(brief.get("/sites").status()).isEqualTo(200);

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 500);
            Reply expired = brief.get("/sites");
            assertThat(expired.status()).as(expired.toString()).isEqualTo(401);
            assertThat(anonymous
                            .withBasic("brief.user", Staff.PASSWORD)
                            .get("/sites")
                            .status())
                    .as("the password still works")
                    .isEqualTo(200);
        } finally {
            shortLived.after();
        }
    }

    // --- the administrators' endpoints ---

    @Test
    void administrators_list_accounts_without_any_password_hash() {
        Reply listed = admin().get("/users?limit=500");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);

        JsonNode items = listed.json().get("items");
        assertThat(items)
                .extracting(item -> item.get("username").asText())
                .contains("ann.police", "cathy.cps", "adm.in");
        items.forEach(item -> assertThat(item.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "username", "roles", "sites", "disabled", "mustChangePassword", "createdAt", "email"));
        // "password" appears only as the name of the mustChangePassword flag
        assertThat(listed.text().toLowerCase().replace("mustchangepassword", ""))
                .doesNotContain("hash", "password", "argon2");
        JsonNode cps = find(items, "cathy.cps");
        assertThat(cps.get("roles")).extracting(JsonNode::asText).containsExactly("cps");
        assertThat(cps.get("disabled").asBoolean()).isFalse();

        assertThat(TestApp.as(APP, "ann.police").get("/users").status()).isEqualTo(403);
    }

    @Test
    void a_disabled_account_is_refused_at_once_by_password_and_by_token() {
        Api password = TestApp.as(APP, "dis.abled");
        assertThat(password.get("/sites").status())
                .as("logged in, so the login is cached")
                .isEqualTo(200);
        Api token = bearer(password.post("/tokens", null).json().get("token").asText());
        assertThat(token.get("/sites").status()).isEqualTo(200);

        Reply disabled = admin().post("/users/dis.abled/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();

        assertUnauthorized(password.get("/sites"));
        assertUnauthorized(token.get("/sites"));
        assertThat(find(admin().get("/users?limit=500").json().get("items"), "dis.abled")
                        .get("disabled")
                        .asBoolean())
                .isTrue();
        assertThat(admin().post("/users/no.such.user/disable", null).status()).isEqualTo(404);
    }

    @Test
    void an_administrator_resets_a_password_and_the_old_one_and_its_tokens_stop_working() {
        Api old = TestApp.as(APP, "reset.me");
        assertThat(old.get("/sites").status())
                .as("logged in, so the login is cached")
                .isEqualTo(200);
        Api token = bearer(old.post("/tokens", null).json().get("token").asText());

        Reply reset = admin().post("/users/reset.me/password", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        String temporary = reset.json().get("password").asText();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(Passwords.MIN_LENGTH);

        assertUnauthorized(old.get("/sites"));
        assertUnauthorized(token.get("/sites"));
        assertThat(basic("reset.me", temporary).get("/sites").status())
                .as("a temporary password only changes itself")
                .isEqualTo(403);
        assertThat(admin().post("/users/no.such.user/password", null).status()).isEqualTo(404);
        assertThat(TestApp.as(APP, "ann.police")
                        .post("/users/reset.me/password", null)
                        .status())
                .isEqualTo(403);
    }

    private static JsonNode find(JsonNode items, String username) {
        for (JsonNode item : items) {
            if (item.get("username").asText().equals(username)) {
                return item;
            }
        }
        throw new AssertionError("no account " + username + " in " + items);
    }

    private static List<String> storedTokenHashes() throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Connection db = DATABASE.connect();
                PreparedStatement query = db.prepareStatement("SELECT token_hash FROM api_token");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        return hashes;
    }
}
