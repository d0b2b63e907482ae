package org.desist.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, findings 2 and 4: every account action over the API (create, enable, disable, access change,
 * reset, token revocation, a member of staff's own password change) is scoped, validated, audited with
 * actor, target, outcome and address, and moves the account's credential version; a reset's temporary
 * password does nothing but change itself, and stops at its expiry; tokens are listed and ended.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AccountActionsTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String A = "ACTA";
    static final String B = "ACTB";
    static int serial;

    @BeforeAll
    static void sitesAndAdministrators() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site(A);
        cases.site(B);
        Staff.ensure(APP, "root", Set.of(Role.admin), Set.of());
        Staff.ensure(APP, "site.admin", Set.of(Role.admin), Set.of(A));
    }

    private static Api root() {
        return TestApp.as(APP, "root");
    }

    private static Api siteAdmin() {
        return TestApp.as(APP, "site.admin");
    }

    /** A clinician of site A (or of the given sites) made for one test. */
    private static String clinician(String... sites) {
        String username = "staff-" + ++serial;
        Staff.ensure(APP, username, Set.of(Role.clinician), Set.of(sites.length == 0 ? new String[] {A} : sites));
        return username;
    }

    private static void assertProblem(Reply reply, int status, String... fields) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (fields.length > 0) {
            assertThat(reply.fieldsAtFault()).containsExactly(fields);
        }
    }

    private static Map<String, Object> lastAuditAbout(String username) {
        List<Map<String, Object>> rows = AuditRows.about(DATABASE, username);
        assertThat(rows).as("audit rows about %s", username).isNotEmpty();
        return rows.get(rows.size() - 1);
    }

    private static void assertAudited(Reply reply, String target, String actor, String action, int status) {
        assertThat(lastAuditAbout(target))
                .containsEntry("username", actor)
                .containsEntry("action", action)
                .containsEntry("resource_type", "account")
                .containsEntry("status", status)
                .containsEntry("request_id", reply.header("X-Request-Id"))
                .containsEntry("client_address", "127.0.0.1");
    }

    private static int credentialVersion(String username) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT credential_version FROM app_user WHERE username = :username")
                .bind("username", username)
                .mapTo(Integer.class)
                .one());
    }

    // ---------------------------------------------------------------- create

    @Test
    void an_administrator_creates_an_account_with_a_temporary_password_shown_once() {
        Instant asked = Instant.now();
        Reply created = root().post(
                        "/users",
                        Map.of("username", "new.starter", "roles", List.of("clinician"), "sites", List.of(A)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/users/new.starter");
        JsonNode account = created.json().get("account");
        assertThat(account.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(account.get("sites")).extracting(JsonNode::asText).containsExactly(A);
        JsonNode temporary = created.json().get("temporaryPassword");
        assertThat(Instant.parse(temporary.get("expiresAt").asText()))
                .isBetween(
                        asked.plus(Duration.ofHours(72)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(72)));
        assertAudited(created, "new.starter", "root", "create", 201);

        Api starter = TestApp.anonymous(APP)
                .withBasic("new.starter", temporary.get("password").asText());
        assertProblem(starter.get("/participants"), 403);
        assertThat(root().get("/users/new.starter")
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isTrue();
        assertProblem(
                root().post(
                                "/users",
                                Map.of("username", "new.starter", "roles", List.of("clinician"), "sites", List.of(A))),
                409);
    }

    @Test
    void a_bad_account_is_refused_naming_the_field_and_nothing_is_made() {
        assertProblem(
                root().post("/users", Map.of("username", "Bad Name", "roles", List.of("police"), "sites", List.of(A))),
                422,
                "username");
        assertProblem(
                root().post("/users", Map.of("username", "no.roles", "roles", List.of(), "sites", List.of(A))),
                422,
                "roles");
        assertProblem(
                root().post("/users", Map.of("username", "no.sites", "roles", List.of("police"), "sites", List.of())),
                422,
                "sites");
        assertProblem(
                root().post(
                                "/users",
                                Map.of("username", "far.away", "roles", List.of("police"), "sites", List.of("NOPE"))),
                422,
                "sites");
        assertProblem(root().post("/users", Map.of("username", "half.made", "sites", List.of(A))), 422, "roles");
        for (String name : List.of("no.roles", "no.sites", "far.away", "half.made")) {
            assertProblem(root().get("/users/" + name), 404);
        }
    }

    @Test
    void a_site_admin_creates_only_within_their_sites_and_never_an_administrator() {
        Reply admin = siteAdmin()
                .post("/users", Map.of("username", "deputy", "roles", List.of("admin"), "sites", List.of(A)));
        assertProblem(admin, 403, "roles");
        assertThat(lastAuditAbout("deputy"))
                .containsEntry("username", "site.admin")
                .containsEntry("action", "denied")
                .containsEntry("status", 403);
        assertProblem(
                siteAdmin()
                        .post(
                                "/users",
                                Map.of("username", "elsewhere", "roles", List.of("police"), "sites", List.of(B))),
                403,
                "sites");
        assertProblem(
                siteAdmin()
                        .post(
                                "/users",
                                Map.of(
                                        "username",
                                        "everywhere",
                                        "roles",
                                        List.of("programme_lead"),
                                        "sites",
                                        List.of())),
                403,
                "sites");
        for (String name : List.of("deputy", "elsewhere", "everywhere")) {
            assertProblem(root().get("/users/" + name), 404);
        }
        Reply made = siteAdmin()
                .post("/users", Map.of("username", "site.nurse", "roles", List.of("clinician"), "sites", List.of(A)));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertAudited(made, "site.nurse", "site.admin", "create", 201);
    }

    // ---------------------------------------------------------------- enable, disable, access

    @Test
    void disable_and_enable_are_audited_and_move_the_credential_version() {
        String username = clinician();
        int before = credentialVersion(username);
        Reply disabled = siteAdmin().post("/users/" + username + "/disable", null);
        assertThat(Cases.ok(disabled).get("disabled").asBoolean()).isTrue();
        assertAudited(disabled, username, "site.admin", "disable", 200);
        assertThat(TestApp.as(APP, username).get("/sites").status()).isEqualTo(401);

        Reply enabled = siteAdmin().post("/users/" + username + "/enable", null);
        assertThat(Cases.ok(enabled).get("disabled").asBoolean()).isFalse();
        assertAudited(enabled, username, "site.admin", "enable", 200);
        assertThat(TestApp.as(APP, username).get("/sites").status()).isEqualTo(200);
        assertThat(credentialVersion(username)).isEqualTo(before + 2);
    }

    @Test
    void an_access_change_replaces_roles_and_sites_revokes_tokens_and_is_audited() {
        String username = clinician();
        Api bearer = TestApp.anonymous(APP)
                .withBearer(Cases.created(TestApp.as(APP, username).post("/tokens", null))
                        .get("token")
                        .asText());
        int before = credentialVersion(username);

        Reply changed = root().send(
                        "PUT",
                        "/users/" + username + "/access",
                        Map.of("roles", List.of("probation", "police"), "sites", List.of(A, B)),
                        Map.of());
        JsonNode account = Cases.ok(changed);
        assertThat(account.get("roles")).extracting(JsonNode::asText).containsExactly("police", "probation");
        assertThat(account.get("sites")).extracting(JsonNode::asText).containsExactly(A, B);
        assertAudited(changed, username, "root", "access_change", 200);
        assertThat(credentialVersion(username)).isEqualTo(before + 1);
        assertThat(bearer.get("/sites").status())
                .as("a token of the old rights")
                .isEqualTo(401);
        assertThat(TestApp.as(APP, username).get("/referrals").status())
                .as("police may read referrals")
                .isEqualTo(200);
        assertProblem(siteAdmin().get("/users/" + username), 404);
    }

    @Test
    void a_site_admin_cannot_widen_an_account_beyond_their_sites_nor_grant_admin() {
        String username = clinician();
        assertProblem(
                siteAdmin()
                        .send(
                                "PUT",
                                "/users/" + username + "/access",
                                Map.of("roles", List.of("clinician"), "sites", List.of(A, B)),
                                Map.of()),
                403,
                "sites");
        assertProblem(
                siteAdmin()
                        .send(
                                "PUT",
                                "/users/" + username + "/access",
                                Map.of("roles", List.of("clinician", "admin"), "sites", List.of(A)),
                                Map.of()),
                403,
                "roles");
        assertProblem(
                root().send(
                                "PUT",
                                "/users/" + username + "/access",
                                Map.of("roles", List.of("clinician"), "sites", List.of("NOPE")),
                                Map.of()),
                422,
                "sites");
        JsonNode account = Cases.ok(root().get("/users/" + username));
        assertThat(account.get("roles")).extracting(JsonNode::asText).containsExactly("clinician");
        assertThat(account.get("sites")).extracting(JsonNode::asText).containsExactly(A);
        assertThat(lastAuditAbout(username)).containsEntry("action", "denied").containsEntry("status", 403);
    }

    @Test
    void every_account_action_on_an_account_outside_the_scope_is_404_audited_and_changes_nothing() {
        String outside = clinician(A, B);
        int before = credentialVersion(outside);
        List<Reply> replies = new ArrayList<>();
        replies.add(siteAdmin().get("/users/" + outside));
        replies.add(siteAdmin().post("/users/" + outside + "/disable", null));
        replies.add(siteAdmin().post("/users/" + outside + "/enable", null));
        replies.add(siteAdmin().post("/users/" + outside + "/password", null));
        replies.add(siteAdmin()
                .send(
                        "PUT",
                        "/users/" + outside + "/access",
                        Map.of("roles", List.of("clinician"), "sites", List.of(A)),
                        Map.of()));
        replies.add(siteAdmin().get("/users/" + outside + "/tokens"));
        replies.add(siteAdmin().delete("/users/" + outside + "/tokens"));
        Reply unknown = siteAdmin().post("/users/nobody-at-all/disable", null);
        for (Reply reply : replies) {
            assertProblem(reply, 404);
            assertThat(reply.json().get("detail").asText().replace(outside, "X"))
                    .isEqualTo(unknown.json().get("detail").asText().replace("nobody-at-all", "X"));
        }
        assertThat(AuditRows.about(DATABASE, outside)).hasSize(replies.size()).allSatisfy(row -> assertThat(row)
                .containsEntry("username", "site.admin")
                .containsEntry("action", "denied")
                .containsEntry("status", 404));
        assertThat(credentialVersion(outside)).isEqualTo(before);
        assertThat(TestApp.as(APP, outside).get("/sites").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- reset and the temporary password

    @Test
    void a_reset_password_only_changes_itself_and_then_the_new_one_works() {
        String username = clinician();
        Reply reset = siteAdmin().post("/users/" + username + "/password", null);
        assertAudited(reset, username, "site.admin", "password_reset", 200);
        String temporary = Cases.ok(reset).get("password").asText();
        Api withTemporary = TestApp.anonymous(APP).withBasic(username, temporary);

        for (Reply refused : List.of(
                withTemporary.get("/sites"), withTemporary.post("/tokens", null), withTemporary.get("/me/tokens"))) {
            assertProblem(refused, 403);
            assertThat(refused.json().get("detail").asText())
                    .contains("temporary")
                    .contains("/api/me/password");
        }
        assertThat(TestApp.as(APP, username).get("/sites").status())
                .as("the old password")
                .isEqualTo(401);

        Reply changed = withTemporary.post(
                "/me/password", Map.of("currentPassword", temporary, "newPassword", "my very own pass phrase"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertAudited(changed, username, username, "password_change", 204);
        Api mine = TestApp.anonymous(APP).withBasic(username, "my very own pass phrase");
        assertThat(mine.get("/sites").status()).isEqualTo(200);
        assertThat(mine.post("/tokens", null).status()).isEqualTo(201);
        assertThat(withTemporary.get("/sites").status()).isEqualTo(401);
        assertThat(root().get("/users/" + username)
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void a_temporary_password_stops_working_at_its_expiry() {
        String username = clinician();
        String temporary = Cases.ok(root().post("/users/" + username + "/password", null))
                .get("password")
                .asText();
        Api withTemporary = TestApp.anonymous(APP).withBasic(username, temporary);

        // as if the lifetime had passed before its owner used it (the expiry is fixed at the reset: a login
        // cached earlier carries the same instant, which every request compares with the clock)
        DATABASE.jdbi().useHandle(handle -> handle.createUpdate("UPDATE app_user SET password_expires_at ="
                        + " '2020-01-01T00:00:00.000000Z' WHERE username = :username")
                .bind("username", username)
                .execute());
        Reply expired = withTemporary.post(
                "/me/password", Map.of("currentPassword", temporary, "newPassword", "too late for this one"));
        assertProblem(expired, 401);
        assertThat(expired.headers().allValues("WWW-Authenticate")).isNotEmpty();
        assertProblem(withTemporary.get("/sites"), 401);
        assertThat(root().get("/users/" + username)
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isTrue();
    }

    // ---------------------------------------------------------------- changing one's own password

    @Test
    void changing_my_password_needs_the_current_one_and_add_users_rules() {
        String username = clinician();
        Api me = TestApp.as(APP, username);
        int before = credentialVersion(username);

        Reply wrong = me.post(
                "/me/password",
                Map.of("currentPassword", "not my password at all", "newPassword", "a fine new pass phrase"));
        assertProblem(wrong, 403, "currentPassword");
        assertThat(lastAuditAbout(username)).containsEntry("action", "denied").containsEntry("status", 403);
        // a wrong guess there is a failed sign-in to the throttle, as a wrong password at the door would be
        java.util.Optional<Integer> counted = DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT failures FROM sign_in_throttle WHERE kind = 'username' AND subject = :name")
                .bind("name", username)
                .mapTo(Integer.class)
                .findOne());
        assertThat(counted).contains(1);
        assertProblem(
                me.post("/me/password", Map.of("currentPassword", Staff.PASSWORD, "newPassword", "too short")),
                422,
                "newPassword");
        assertProblem(
                me.post("/me/password", Map.of("currentPassword", Staff.PASSWORD, "newPassword", Staff.PASSWORD)),
                422,
                "newPassword");
        assertProblem(me.post("/me/password", Map.of("currentPassword", Staff.PASSWORD)), 422, "newPassword");
        assertThat(credentialVersion(username)).isEqualTo(before);
        assertThat(me.get("/sites").status()).as("nothing changed").isEqualTo(200);

        Api bearer = TestApp.anonymous(APP)
                .withBearer(Cases.created(me.post("/tokens", null)).get("token").asText());
        Reply changed = bearer.post(
                "/me/password", Map.of("currentPassword", Staff.PASSWORD, "newPassword", "a fine new pass phrase"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertAudited(changed, username, username, "password_change", 204);
        assertThat(credentialVersion(username)).isEqualTo(before + 1);
        assertThat(bearer.get("/sites").status())
                .as("every token ends, the one used too")
                .isEqualTo(401);
        assertThat(me.get("/sites").status()).isEqualTo(401);
        assertThat(TestApp.anonymous(APP)
                        .withBasic(username, "a fine new pass phrase")
                        .get("/sites")
                        .status())
                .isEqualTo(200);
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void i_list_my_tokens_end_one_and_sign_out_everywhere() {
        String username = clinician();
        Api me = TestApp.as(APP, username);
        JsonNode first = Cases.created(me.post("/tokens", null));
        JsonNode second = Cases.created(me.post("/tokens", null));

        Reply listed = me.get("/me/tokens");
        JsonNode items = Cases.ok(listed).get("items");
        assertThat(items)
                .extracting(item -> item.get("id").asText())
                .containsExactly(second.get("id").asText(), first.get("id").asText());
        items.forEach(item -> assertThat(item.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "createdAt", "expiresAt", "revokedAt"));
        assertThat(listed.text())
                .doesNotContain(first.get("token").asText(), second.get("token").asText());

        Reply ended = me.delete("/tokens/" + first.get("id").asText());
        assertThat(ended.status()).isEqualTo(204);
        assertAudited(ended, username, username, "token_revoke", 204);
        assertThat(me.get("/me/tokens")
                        .json()
                        .get("items")
                        .get(1)
                        .get("revokedAt")
                        .isNull())
                .isFalse();
        Api secondBearer = TestApp.anonymous(APP).withBearer(second.get("token").asText());
        assertThat(secondBearer.get("/sites").status()).isEqualTo(200);

        Reply everywhere =
                secondBearer.send("DELETE", "/me/tokens", Map.of("currentPassword", Staff.PASSWORD), Map.of());
        assertThat(everywhere.status()).isEqualTo(204);
        assertAudited(everywhere, username, username, "token_revoke", 204);
        assertThat(secondBearer.get("/sites").status()).isEqualTo(401);
        assertThat(me.get("/me/tokens").json().get("items"))
                .allSatisfy(item -> assertThat(item.get("revokedAt").isNull()).isFalse());
    }

    @Test
    void an_administrator_in_scope_lists_and_ends_an_accounts_tokens_and_one_out_of_scope_cannot() {
        String inside = clinician();
        String outside = clinician(B);
        JsonNode insideToken = Cases.created(TestApp.as(APP, inside).post("/tokens", null));
        JsonNode outsideToken = Cases.created(TestApp.as(APP, outside).post("/tokens", null));

        JsonNode listed =
                Cases.ok(siteAdmin().get("/users/" + inside + "/tokens")).get("items");
        assertThat(listed)
                .extracting(item -> item.get("id").asText())
                .containsExactly(insideToken.get("id").asText());

        Reply refused = siteAdmin().delete("/tokens/" + outsideToken.get("id").asText());
        assertProblem(refused, 404);
        assertThat(lastAuditAbout(outside))
                .containsEntry("username", "site.admin")
                .containsEntry("action", "denied");
        assertThat(TestApp.anonymous(APP)
                        .withBearer(outsideToken.get("token").asText())
                        .get("/sites")
                        .status())
                .isEqualTo(200);
        assertProblem(
                TestApp.as(APP, inside)
                        .delete("/tokens/" + outsideToken.get("id").asText()),
                404);

        Reply ended = siteAdmin().delete("/tokens/" + insideToken.get("id").asText());
        assertThat(ended.status()).isEqualTo(204);
        assertAudited(ended, inside, "site.admin", "token_revoke", 204);
        assertThat(TestApp.anonymous(APP)
                        .withBearer(insideToken.get("token").asText())
                        .get("/sites")
                        .status())
                .isEqualTo(401);

        JsonNode another = Cases.created(TestApp.as(APP, inside).post("/tokens", null));
        Reply all = siteAdmin().delete("/users/" + inside + "/tokens");
        assertThat(all.status()).isEqualTo(204);
        assertAudited(all, inside, "site.admin", "token_revoke", 204);
        assertThat(TestApp.anonymous(APP)
                        .withBearer(another.get("token").asText())
                        .get("/sites")
                        .status())
                .isEqualTo(401);
        assertThat(root().delete("/users/" + outside + "/tokens").status()).isEqualTo(204);
        assertThat(TestApp.anonymous(APP)
                        .withBearer(outsideToken.get("token").asText())
                        .get("/sites")
                        .status())
                .isEqualTo(401);
    }
}
