package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import java.util.Set;
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
 * Two instances on one database: an account change made through one holds on the other at once, whatever
 * the other has cached. A password is checked against the database's credential version on every request.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CredentialFreshnessTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> A = TestApp.on(DATABASE);
    static final DropwizardAppExtension<DesistConfiguration> B = TestApp.on(DATABASE);

    private static final String NEW_PASSWORD = "a completely new pass phrase";

    @BeforeAll
    static void staff() {
        Staff.ensure(A, "adm.in", Set.of(Role.admin), Set.of());
        for (String police : new String[] {"reset.elsewhere", "disabled.elsewhere", "moved.elsewhere"}) {
            Staff.ensure(A, police, Set.of(Role.police), Set.of());
        }
    }

    private static Api basic(DropwizardAppExtension<DesistConfiguration> app, String username, String password) {
        return TestApp.anonymous(app).withBasic(username, password);
    }

    private static Api bearer(DropwizardAppExtension<DesistConfiguration> app, String token) {
        return TestApp.anonymous(app).withBearer(token);
    }

    private static String token(DropwizardAppExtension<DesistConfiguration> app, String username) {
        Reply issued = basic(app, username, Staff.PASSWORD).post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asText();
    }

    private static void assertUnauthorized(Reply reply, String why) {
        assertThat(reply.status()).as(why + ": " + reply).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_reset_on_one_instance_ends_the_old_password_and_every_token_on_the_other_at_once() {
        Api oldOnB = basic(B, "reset.elsewhere", Staff.PASSWORD);
        assertThat(oldOnB.get("/sites").status())
                .as("signed in on B, so B has seen this password")
                .isEqualTo(200);
        String tokenFromA = token(A, "reset.elsewhere");
        String tokenFromB = token(B, "reset.elsewhere");

        Reply reset = TestApp.as(A, "adm.in").post("/users/reset.elsewhere/password", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        String temporary = reset.json().get("password").asText();

        assertUnauthorized(oldOnB.get("/sites"), "the old password on B, right after the reset on A");
        assertUnauthorized(oldOnB.post("/tokens", null), "no token for the old password on B");
        for (DropwizardAppExtension<DesistConfiguration> app : java.util.List.of(A, B)) {
            assertUnauthorized(bearer(app, tokenFromA).get("/sites"), "a token minted on A before the reset");
            assertUnauthorized(bearer(app, tokenFromB).get("/sites"), "a token minted on B before the reset");
        }
        // the temporary password works on B at once, for the one thing it may do; its replacement then on A
        assertThat(basic(B, "reset.elsewhere", temporary).get("/sites").status())
                .isEqualTo(403);
        Reply changed = basic(B, "reset.elsewhere", temporary)
                .post("/me/password", Map.of("currentPassword", temporary, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertUnauthorized(basic(A, "reset.elsewhere", temporary).get("/sites"), "the temporary password once changed");
        assertThat(basic(A, "reset.elsewhere", NEW_PASSWORD).get("/sites").status())
                .isEqualTo(200);
    }

    @Test
    void a_disable_on_one_instance_refuses_the_password_and_every_token_on_both_at_once() {
        Api passwordOnB = basic(B, "disabled.elsewhere", Staff.PASSWORD);
        assertThat(passwordOnB.get("/sites").status()).isEqualTo(200);
        String tokenFromA = token(A, "disabled.elsewhere");
        String tokenFromB = token(B, "disabled.elsewhere");

        Reply disabled = TestApp.as(A, "adm.in").post("/users/disabled.elsewhere/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        assertUnauthorized(passwordOnB.get("/sites"), "the password on B, right after the disable on A");
        assertUnauthorized(passwordOnB.post("/tokens", null), "no new token on B");
        for (DropwizardAppExtension<DesistConfiguration> app : java.util.List.of(A, B)) {
            assertUnauthorized(bearer(app, tokenFromA).get("/sites"), "a token minted on A");
            assertUnauthorized(bearer(app, tokenFromB).get("/sites"), "a token minted on B");
        }
    }

    @Test
    void roles_come_fresh_from_the_database_when_the_credential_version_moves() {
        Api onB = basic(B, "moved.elsewhere", Staff.PASSWORD);
        assertThat(onB.get("/users").status())
                .as("police may not list accounts")
                .isEqualTo(403);

        // what the account administration does for a change of roles: the change and a new version, together
        DATABASE.jdbi().useTransaction(handle -> {
            handle.execute("INSERT INTO user_role (username, role) VALUES ('moved.elsewhere', 'admin')");
            handle.execute("UPDATE app_user SET credential_version = credential_version + 1"
                    + " WHERE username = 'moved.elsewhere'");
        });

        Reply listed = onB.get("/users");
        assertThat(listed.status())
                .as("the new role holds on B at once: " + listed)
                .isEqualTo(200);
        assertThat(listed.text()).contains("moved.elsewhere");
    }
}
