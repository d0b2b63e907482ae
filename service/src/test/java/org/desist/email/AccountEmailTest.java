package org.desist.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts' email addresses over the API: given at creation, changed by an administrator or by their owner. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AccountEmailTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void an_administrator_gives_and_changes_an_address_and_a_bad_one_is_422_naming_the_field() {
        Staff.ensure(APP, "mail.admin", Set.of(Role.admin), Set.of());
        Api admin = TestApp.as(APP, "mail.admin");
        Cases.created(TestApp.api(APP)
                .post("/sites", Map.of("code", "EML", "name", "Email site", "model", "clinic_treatment")));

        JsonNode created = Cases.created(admin.post(
                "/users",
                Map.of(
                        "username",
                        "dr.mail",
                        "roles",
                        List.of("clinician"),
                        "sites",
                        List.of("EML"),
                        "email",
                        "Dr.Mail@NHS.Example")));
        assertThat(created.get("account").get("email").asText()).isEqualTo("Dr.Mail@nhs.example");

        for (String bad : List.of(
                "not-an-address",
                "two@@example.org",
                "a@b",
                "x y@example.org",
                "a@example.org\r\nBcc: e@x.org",
                ".dot@example.org",
                "a".repeat(250) + "@example.org")) {
            Reply refused = admin.post(
                    "/users",
                    Map.of("username", "dr.bad", "roles", List.of("clinician"), "sites", List.of("EML"), "email", bad));
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(refused.text()).contains("email");
            Reply change = admin.send("PUT", "/users/dr.mail/email", Map.of("email", bad), Map.of());
            assertThat(change.status()).as(bad).isEqualTo(422);
            assertThat(change.text()).contains("email");
        }
        assertThat(admin.get("/users/dr.bad").status()).isEqualTo(404);
        assertThat(Cases.ok(admin.get("/users/dr.mail")).get("email").asText()).isEqualTo("Dr.Mail@nhs.example");

        JsonNode changed =
                Cases.ok(admin.send("PUT", "/users/dr.mail/email", Map.of("email", "okafor@nhs.example"), Map.of()));
        assertThat(changed.get("email").asText()).isEqualTo("okafor@nhs.example");
        Map<String, Object> none = new HashMap<>();
        none.put("email", null);
        assertThat(Cases.ok(admin.send("PUT", "/users/dr.mail/email", none, Map.of()))
                        .get("email")
                        .isNull())
                .isTrue();
        assertThat(admin.send("PUT", "/users/nobody.here/email", Map.of("email", "a@example.org"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(admin.send("PUT", "/users/dr.mail/email", Map.of("mail", "a@example.org"), Map.of())
                        .status())
                .isEqualTo(400 + 22);
    }

    @Test
    void a_member_of_staff_sets_their_own_address_but_not_anothers() {
        Staff.ensure(APP, "po.self", Set.of(Role.probation), Set.of());
        Api own = TestApp.as(APP, "po.self");
        assertThat(Cases.ok(own.get("/me/email")).get("email").isNull()).isTrue();
        assertThat(Cases.ok(own.send("PUT", "/me/email", Map.of("email", "po.self@probation.example"), Map.of()))
                        .get("email")
                        .asText())
                .isEqualTo("po.self@probation.example");
        assertThat(Cases.ok(own.get("/me/email")).get("email").asText()).isEqualTo("po.self@probation.example");
        Reply bad = own.send("PUT", "/me/email", Map.of("email", "po.self at probation"), Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("email");
        assertThat(Cases.ok(own.get("/me/email")).get("email").asText()).isEqualTo("po.self@probation.example");
        assertThat(own.send("PUT", "/users/po.self/email", Map.of("email", "x@example.org"), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(Cases.ok(own.send("PUT", "/me/email", Map.of("email", ""), Map.of()))
                        .get("email")
                        .isNull())
                .isTrue();
    }

    @Test
    void the_administration_pages_give_and_change_an_address() {
        Staff.ensure(APP, "page.admin", Set.of(Role.admin), Set.of());
        if (TestApp.api(APP).get("/sites/PGE").status() == 404) {
            Cases.created(TestApp.api(APP)
                    .post("/sites", Map.of("code", "PGE", "name", "Page site", "model", "clinic_treatment")));
        }
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("page.admin", Staff.PASSWORD);
        assertThat(browser.get("/admin/accounts/new").body()).contains("name=\"email\"");
        HttpResponse<String> created = browser.post(
                "/admin/accounts/new",
                browser.withToken(
                        "/admin/accounts/new",
                        Map.of(
                                "username",
                                "dr.page",
                                "roles",
                                "clinician",
                                "sites",
                                "PGE",
                                "email",
                                "dr.page@nhs.example")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("dr.page@nhs.example");

        HttpResponse<String> refused = browser.post(
                "/admin/accounts/dr.page/email",
                browser.withToken("/admin/accounts/dr.page", Map.of("email", "not an address")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "must be an email address");
        assertThat(browser.get("/admin/accounts/dr.page").body()).contains("dr.page@nhs.example");

        HttpResponse<String> changed = browser.post(
                "/admin/accounts/dr.page/email",
                browser.withToken("/admin/accounts/dr.page", Map.of("email", "page.new@nhs.example")));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/accounts/dr.page").body())
                .contains("page.new@nhs.example")
                .doesNotContain("dr.page@nhs.example");
    }

    @Test
    void a_member_of_staff_sets_their_own_address_on_a_page() {
        Staff.ensure(APP, "adv.page", Set.of(Role.advocate), Set.of());
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("adv.page", Staff.PASSWORD);
        assertThat(browser.get("/").body()).contains("href=\"/account/email\"");
        assertThat(browser.get("/account/email").body()).contains("You have no email address");
        HttpResponse<String> refused =
                browser.post("/account/email", browser.withToken("/account/email", Map.of("email", "adv.page@")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "must be an email address");
        HttpResponse<String> saved = browser.post(
                "/account/email", browser.withToken("/account/email", Map.of("email", "adv.page@advocacy.example")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(browser.get("/account/email?saved").body())
                .contains("Saved.", "Alerts are emailed to adv.page@advocacy.example");
    }
}
