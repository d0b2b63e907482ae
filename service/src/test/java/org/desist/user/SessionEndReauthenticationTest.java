package org.desist.user;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ASVS V7.5.2: ending a session or token other than the one in use, or all of them, asks for the password again
 * (and a code when the account has a second factor); ending the one in use asks nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SessionEndReauthenticationTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "REAU";
    static int serial;

    @BeforeAll
    static void site() {
        new Cases(TestApp.api(APP)).site(SITE);
    }

    private static String officer() {
        String username = "reauth.po" + (++serial);
        Staff.ensure(APP, username, Set.of(Role.probation), Set.of(SITE));
        return username;
    }

    private static JsonNode token(Api as, Map<String, ?> body) {
        Reply issued = as.post("/tokens", body);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.json();
    }

    private static Api bearer(JsonNode token) {
        return TestApp.anonymous(APP).withBearer(token.get("token").asText());
    }

    private static List<String> live(Api as) {
        Reply list = as.get("/me/sessions");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Reply delete(Api as, String path, Object body) {
        return as.send("DELETE", path, body, Map.of());
    }

    private static void refused(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
    }

    @Test
    void ending_another_session_asks_for_the_password_and_the_one_in_use_for_nothing() {
        String me = officer();
        JsonNode mine = token(TestApp.as(APP, me), Map.of());
        JsonNode other = token(TestApp.as(APP, me), Map.of());
        Api api = bearer(mine);
        String otherId = other.get("id").asText();

        refused(delete(api, "/me/sessions/" + otherId, null), 400, "currentPassword");
        refused(delete(api, "/me/sessions/" + otherId, Map.of()), 400, "currentPassword");
        refused(
                delete(api, "/me/sessions/" + otherId, Map.of("currentPassword", "not my password")),
                403,
                "currentPassword");
        refused(delete(api, "/me/tokens", null), 400, "currentPassword");
        refused(delete(api, "/me/tokens", Map.of("currentPassword", "not my password")), 403, "currentPassword");
        assertThat(live(api)).contains(otherId, mine.get("id").asText());
        assertThat(bearer(other).get("/me/sessions").status()).isEqualTo(200);

        Reply ended = delete(api, "/me/sessions/" + otherId, Map.of("currentPassword", Staff.PASSWORD));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
        assertThat(live(api)).doesNotContain(otherId);
        assertThat(bearer(other).get("/me/sessions").status()).isEqualTo(401);

        Reply own = delete(api, "/me/sessions/" + mine.get("id").asText(), null);
        assertThat(own.status()).as(own.toString()).isEqualTo(204);
        assertThat(api.get("/me/sessions").status()).isEqualTo(401);
    }

    @Test
    void signing_out_everywhere_with_the_password_ends_every_token() {
        String me = officer();
        JsonNode mine = token(TestApp.as(APP, me), Map.of());
        JsonNode other = token(TestApp.as(APP, me), Map.of());
        Reply ended = delete(bearer(mine), "/me/tokens", Map.of("currentPassword", Staff.PASSWORD));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
        assertThat(bearer(mine).get("/me/sessions").status()).isEqualTo(401);
        assertThat(bearer(other).get("/me/sessions").status()).isEqualTo(401);
    }

    @Test
    void with_a_second_factor_the_password_alone_ends_nothing() {
        String me = officer();
        Api basic = TestApp.as(APP, me);
        String secret = Cases.created(basic.post("/me/second-factor", null))
                .get("secret")
                .asText();
        JsonNode confirmed =
                Cases.ok(basic.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))));
        JsonNode mine = token(basic, Map.of("code", Authenticator.nextCode(secret)));
        JsonNode other = token(
                basic,
                Map.of("recoveryCode", confirmed.get("recoveryCodes").get(0).asText()));
        Api api = bearer(mine);
        String otherId = other.get("id").asText();

        refused(delete(api, "/me/sessions/" + otherId, Map.of("currentPassword", Staff.PASSWORD)), 400, "code");
        refused(delete(api, "/me/tokens", Map.of("currentPassword", Staff.PASSWORD, "code", "000000")), 403, "code");
        assertThat(live(api)).contains(otherId);
    }
}
