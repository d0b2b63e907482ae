package org.desist.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Authenticator;
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
 * The second factor over HTTP with it required, as deployed: enrolment, a token with a code, a replayed code,
 * recovery codes, the password change that needs a code, and an administrator's reset.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SecondFactorApiTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.secondFactorRequired(TestDatabase.fresh());

    private static Api admin;

    @BeforeAll
    static void staff() {
        Staff.ensure(APP, "mfa.admin", Set.of(Role.admin), Set.of());
        admin = TestApp.anonymous(APP).withBearer(enrol("mfa.admin").token());
    }

    /** An account enrolled by HTTP, with its secret, its recovery codes and a token begun with two factors. */
    private record Enrolled(
            String username, String secret, List<String> recoveryCodes, String tokenCode, String token) {
        Api bearer() {
            return TestApp.anonymous(APP).withBearer(token);
        }
    }

    private static Api basic(String username) {
        return TestApp.as(APP, username);
    }

    /**
     * Enrolled, with a token got with the next step's code (the confirming code's step is spent, and one step of
     * drift allows the next): this account's next code is good only once the clock reaches the step after that.
     */
    private static Enrolled enrol(String username) {
        Enrolled enrolled = enrolOnly(username);
        String code = Authenticator.nextCode(enrolled.secret());
        JsonNode token = Cases.created(basic(username).post("/tokens", Map.of("code", code)));
        return new Enrolled(
                username,
                enrolled.secret(),
                enrolled.recoveryCodes(),
                code,
                token.get("token").asText());
    }

    /** Enrolled by HTTP, no token yet: the confirming code's step is spent, the next step's code is good. */
    private static Enrolled enrolOnly(String username) {
        Api basic = basic(username);
        JsonNode started = Cases.created(basic.post("/me/second-factor", null));
        String secret = started.get("secret").asText();
        JsonNode confirmed =
                Cases.ok(basic.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))));
        List<String> codes = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(code -> codes.add(code.asText()));
        return new Enrolled(username, secret, codes, null, null);
    }

    @Test
    void a_new_account_enrols_by_http_and_then_reaches_case_data_only_with_a_token_begun_with_a_code() {
        Staff.ensure(APP, "new.comer", Set.of(Role.programme_lead), Set.of());
        Api basic = basic("new.comer");

        Reply before = basic.get("/participants");
        assertThat(before.status()).as(before.toString()).isEqualTo(403);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.json().get("detail").asText()).contains("POST /api/me/second-factor");

        Reply noTokenYet = basic.post("/tokens", Map.of("code", "123456"));
        assertThat(noTokenYet.status()).as(noTokenYet.toString()).isEqualTo(403);
        assertThat(noTokenYet.json().get("detail").asText()).contains("POST /api/me/second-factor");

        JsonNode started = Cases.created(basic.post("/me/second-factor", null));
        String secret = started.get("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(started.get("otpauthUri").asText())
                .isEqualTo("otpauth://totp/Desist:new.comer?secret=" + secret
                        + "&issuer=Desist&algorithm=SHA1&digits=6&period=30");

        Reply wrong = basic.post("/me/second-factor/confirm", Map.of("code", wrongCode(secret)));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.fieldsAtFault()).containsExactly("code");
        Reply missing = basic.post("/me/second-factor/confirm", Map.of());
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.fieldsAtFault()).containsExactly("code");

        JsonNode confirmed =
                Cases.ok(basic.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))));
        assertThat(confirmed.get("recoveryCodes")).hasSize(10);
        assertThat(confirmed.get("recoveryCodes").get(0).asText()).matches("[a-z2-9]{5}-[a-z2-9]{5}");

        // now enrolled: the password alone says to get a token with a code
        Reply after = basic.get("/participants");
        assertThat(after.status()).as(after.toString()).isEqualTo(401);
        assertThat(after.json().get("detail").asText()).contains("POST /api/tokens", "code");
        assertThat(after.headers().allValues("WWW-Authenticate")).isNotEmpty();

        Reply noCode = basic.post("/tokens", null);
        assertThat(noCode.status()).as(noCode.toString()).isEqualTo(400);
        assertThat(noCode.fieldsAtFault()).containsExactly("code");

        JsonNode token = Cases.created(basic.post("/tokens", Map.of("code", Authenticator.nextCode(secret))));
        assertThat(token.has("recoveryCodesLeft")).isFalse();
        Api bearer = TestApp.anonymous(APP).withBearer(token.get("token").asText());
        assertThat(Cases.ok(bearer.get("/participants")).get("items")).isNotNull();
    }

    @Test
    void a_code_gets_one_token_and_its_replay_is_refused_and_audited() {
        Staff.ensure(APP, "re.player", Set.of(Role.police), Set.of());
        Enrolled enrolled = enrol("re.player");
        // the code that got the token is spent, and so is any of an earlier step
        String earlier =
                Authenticator.code(enrolled.secret(), java.time.Instant.now().minusSeconds(30));
        for (String code : List.of(enrolled.tokenCode(), earlier)) {
            Reply replayed =
                    basic("re.player").with("X-Forwarded-For", "203.0.113.9").post("/tokens", Map.of("code", code));
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
            assertThat(replayed.contentType()).startsWith("application/problem+json");
            assertThat(replayed.fieldsAtFault()).containsExactly("code");
            assertThat(replayed.text()).doesNotContain(code);
            JsonNode rows = Cases.ok(admin.get("/audit?limit=100")).get("items");
            assertThat(rows.findValuesAsText("requestId")).contains(replayed.header("X-Request-Id"));
        }
    }

    @Test
    void a_recovery_code_gets_a_token_once_and_the_answer_says_how_many_remain() {
        Staff.ensure(APP, "lost.phone", Set.of(Role.clinician), Set.of());
        Enrolled enrolled = enrol("lost.phone");
        String recovery = enrolled.recoveryCodes().get(3);

        JsonNode token = Cases.created(basic("lost.phone").post("/tokens", Map.of("recoveryCode", recovery)));
        assertThat(token.get("recoveryCodesLeft").asInt()).isEqualTo(9);
        assertThat(TestApp.anonymous(APP)
                        .withBearer(token.get("token").asText())
                        .get("/sites")
                        .status())
                .isEqualTo(200);

        Reply again = basic("lost.phone").post("/tokens", Map.of("recoveryCode", recovery));
        assertThat(again.status()).as(again.toString()).isEqualTo(401);
        assertThat(again.fieldsAtFault()).containsExactly("recoveryCode");

        JsonNode next = Cases.created(basic("lost.phone")
                .post("/tokens", Map.of("recoveryCode", enrolled.recoveryCodes().get(0))));
        assertThat(next.get("recoveryCodesLeft").asInt()).isEqualTo(8);
        JsonNode rows =
                Cases.ok(admin.get("/audit?username=lost.phone&limit=100")).get("items");
        assertThat(rows.findValuesAsText("resourceType")).contains("recovery_code");
    }

    @Test
    void changing_the_password_needs_a_current_code_once_enrolled() {
        Staff.ensure(APP, "pass.changer", Set.of(Role.police), Set.of());
        Enrolled enrolled = enrolOnly("pass.changer");
        // a password alone may change the password (OWN_PASSWORD_CHANGE), but once enrolled only with a code
        Api basic = basic("pass.changer");
        String newPassword = "a new and long pass phrase";

        Reply missing =
                basic.post("/me/password", Map.of("currentPassword", Staff.PASSWORD, "newPassword", newPassword));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.fieldsAtFault()).containsExactly("code");

        Reply wrong = basic.post(
                "/me/password",
                Map.of(
                        "currentPassword",
                        Staff.PASSWORD,
                        "newPassword",
                        newPassword,
                        "code",
                        wrongCode(enrolled.secret())));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
        assertThat(wrong.fieldsAtFault()).containsExactly("code");
        Reply stillTheOld = basic.post("/tokens", null);
        assertThat(stillTheOld.status())
                .as("the old password still signs in: " + stillTheOld)
                .isEqualTo(400);

        Reply changed = basic.post(
                "/me/password",
                Map.of(
                        "currentPassword",
                        Staff.PASSWORD,
                        "newPassword",
                        newPassword,
                        "code",
                        Authenticator.nextCode(enrolled.secret())));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(basic.post("/tokens", null).status())
                .as("the old password is gone")
                .isEqualTo(401);
        Staff.setPassword(APP, "pass.changer", Staff.PASSWORD);
    }

    @Test
    void replacing_a_second_factor_needs_the_password_and_a_current_code() {
        Staff.ensure(APP, "re.placer", Set.of(Role.police), Set.of());
        Enrolled enrolled = enrolOnly("re.placer");
        Api basic = basic("re.placer");
        Reply bare = basic.post("/me/second-factor", null);
        assertThat(bare.status()).as(bare.toString()).isEqualTo(400);
        assertThat(bare.fieldsAtFault()).containsExactly("currentPassword");
        Reply wrong = basic.post(
                "/me/second-factor", Map.of("currentPassword", Staff.PASSWORD, "code", wrongCode(enrolled.secret())));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
        assertThat(wrong.fieldsAtFault()).containsExactly("code");
        Reply wrongPassword = basic.post(
                "/me/second-factor",
                Map.of("currentPassword", "not the password", "code", Authenticator.nextCode(enrolled.secret())));
        assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(403);
        assertThat(wrongPassword.fieldsAtFault()).containsExactly("currentPassword");
        JsonNode next = Cases.created(basic.post(
                "/me/second-factor",
                Map.of("currentPassword", Staff.PASSWORD, "code", Authenticator.nextCode(enrolled.secret()))));
        assertThat(next.get("secret").asText()).isNotEqualTo(enrolled.secret());
    }

    @Test
    void an_administrators_reset_ends_every_token_and_the_account_must_enrol_again() {
        Staff.ensure(APP, "reset.me", Set.of(Role.clinician), Set.of());
        Enrolled enrolled = enrol("reset.me");
        assertThat(enrolled.bearer().get("/participants").status()).isEqualTo(200);

        Reply byPasswordAlone = basic("mfa.admin").delete("/users/reset.me/second-factor");
        assertThat(byPasswordAlone.status()).as(byPasswordAlone.toString()).isEqualTo(401);
        Reply notAdmin = enrolled.bearer().delete("/users/reset.me/second-factor");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(admin.delete("/users/nobody.here/second-factor").status()).isEqualTo(404);

        Reply reset = admin.delete("/users/reset.me/second-factor");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

        assertThat(enrolled.bearer().get("/participants").status())
                .as("the token ended")
                .isEqualTo(401);
        Reply enrolFirst = basic("reset.me").get("/participants");
        assertThat(enrolFirst.status()).as(enrolFirst.toString()).isEqualTo(403);
        assertThat(enrolFirst.json().get("detail").asText()).contains("POST /api/me/second-factor");
        // enrolment starts again with the password alone
        Enrolled again = enrol("reset.me");
        assertThat(again.bearer().get("/participants").status()).isEqualTo(200);
        JsonNode rows =
                Cases.ok(admin.get("/audit?username=mfa.admin&limit=100")).get("items");
        assertThat(rows.findValuesAsText("resourceId")).contains("reset.me");
    }

    /** A six-digit code that is none of the three the service would accept now. */
    private static String wrongCode(String secret) {
        List<String> good = List.of(
                Authenticator.code(secret),
                Authenticator.nextCode(secret),
                Authenticator.code(secret, java.time.Instant.now().minusSeconds(30)));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!good.contains(candidate)) {
                return candidate;
            }
        }
    }
}
