package org.desist.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An administrator's day: an account made for a probation officer, who signs in with its temporary password
 * and chooses their own; the account disabled, enabled and reset, the officer's session ending each time it
 * changes; the audit log showing it all. A site administrator sees nothing of another site's accounts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AdministrationJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String ADMIN = "admin.pages";
    static final String OFFICER = "po.newcomer";
    static final String CHOSEN = "a passphrase of my very own";

    @BeforeAll
    static void staff() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site("ADM");
        cases.site("ADMB");
        Staff.ensure(APP, ADMIN, Set.of(Role.admin), Set.of());
        Staff.ensure(APP, "admin.b", Set.of(Role.admin), Set.of("ADMB"));
        Staff.ensure(APP, "po.elsewhere", Set.of(Role.probation), Set.of("ADM"));
        Staff.ensure(APP, "po.b", Set.of(Role.probation), Set.of("ADMB"));
    }

    @Test
    void an_account_made_disabled_enabled_and_reset_through_the_pages() {
        Api api = TestApp.as(APP, ADMIN);
        try (Browser admin = Browser.open(APP.getLocalPort());
                Browser officer = Browser.open(APP.getLocalPort())) {
            admin.signIn(ADMIN, Staff.PASSWORD).click("Accounts");
            assertThat(admin.heading()).isEqualTo("Accounts");
            assertThat(admin.text()).contains("po.elsewhere", "Probation officer", "ADM");
            admin.accessible().screenshot("admin-accounts");

            admin.press("Create an account");
            assertThat(admin.heading()).isEqualTo("Create an account");
            admin.accessible().screenshot("admin-new-account");
            admin.fill("username", "PO Newcomer").choose("sites", "ADM").press("Create account");
            assertThat(admin.errors()).contains("Roles: must not be null");
            assertThat(admin.driver()
                            .findElement(By.cssSelector("input[name=sites][value=ADM]"))
                            .isSelected())
                    .isTrue();
            admin.accessible();
            assertThat(api.get("/users/po.newcomer").status()).isEqualTo(404);

            admin.fill("username", OFFICER).choose("roles", "probation").press("Create account");
            assertThat(admin.heading()).isEqualTo(OFFICER);
            assertThat(admin.text()).contains("This is the only time it is shown", "securely", "Probation officer");
            String temporary = temporaryPassword(admin);
            admin.accessible();
            JsonNode created = Cases.ok(api.get("/users/" + OFFICER));
            assertThat(created.get("roles").toString()).isEqualTo("[\"probation\"]");
            assertThat(created.get("sites").toString()).isEqualTo("[\"ADM\"]");
            assertThat(created.get("mustChangePassword").asBoolean()).isTrue();

            officer.signIn(OFFICER, temporary);
            assertThat(officer.path()).isEqualTo("/account/password");
            officer.fill("currentPassword", temporary)
                    .fill("newPassword", CHOSEN)
                    .press("Change password");
            assertThat(officer.heading()).isEqualTo("What would you like to do?");
            assertThat(officer.text()).contains("Signed in as " + OFFICER);

            admin.go("/admin/accounts/" + OFFICER);
            assertThat(admin.text()).doesNotContain(temporary).contains("Chosen by its owner");
            admin.press("Disable account");
            assertThat(admin.path()).isEqualTo("/admin/accounts/" + OFFICER);
            assertThat(state(admin)).isEqualTo("Disabled");
            assertThat(Cases.ok(api.get("/users/" + OFFICER)).get("disabled").asBoolean())
                    .isTrue();
            admin.accessible();
            officer.go("/");
            assertThat(officer.path()).startsWith("/sign-in");

            admin.press("Enable account");
            assertThat(state(admin)).isEqualTo("Enabled");
            officer.signIn(OFFICER, CHOSEN);
            assertThat(officer.heading()).isEqualTo("What would you like to do?");

            admin.press("Reset password");
            String reset = temporaryPassword(admin);
            assertThat(reset).isNotEqualTo(temporary);
            admin.accessible();
            officer.go("/");
            assertThat(officer.path()).startsWith("/sign-in");
            officer.signIn(OFFICER, reset);
            assertThat(officer.path()).isEqualTo("/account/password");
            officer.signOut();

            admin.click("Audit log");
            assertThat(admin.heading()).isEqualTo("Audit log");
            admin.accessible();
            admin.fill("username", ADMIN).press("Search the log");
            assertThat(auditRows(admin))
                    .contains(
                            "password reset account po.newcomer",
                            "enable account po.newcomer",
                            "disable account po.newcomer",
                            "create account po.newcomer");
            admin.fill("action", "disable").press("Search the log");
            assertThat(auditRows(admin))
                    .containsExactly("disable account po.newcomer")
                    .hasSize(Cases.ok(api.get("/audit?username=" + ADMIN + "&action=disable"))
                            .get("items")
                            .size());
            assertThat(api.get("/audit?action=bogus").fieldsAtFault()).containsExactly("action");

            admin.fill("action", "")
                    .fill("username", OFFICER)
                    .fill("from", "2026-01-01")
                    .press("Search the log");
            List<String> own = auditRows(admin);
            assertThat(own).contains("password change account po.newcomer");
            assertThat(own)
                    .hasSize(Cases.ok(api.get("/audit?username=" + OFFICER + "&from=2026-01-01"))
                            .get("items")
                            .size());
            admin.accessible().screenshot("audit-log");

            admin.fill("from", "last week").press("Search the log");
            assertThat(admin.errors()).containsExactly("From: must be a date as yyyy-mm-dd");
            admin.accessible();
            admin.signOut();
        }
    }

    @Test
    void a_site_administrator_sees_and_changes_only_accounts_of_their_sites() {
        PageClient siteAdmin = new PageClient(APP.getLocalPort()).signIn("admin.b", Staff.PASSWORD);
        assertThat(TestApp.as(APP, "admin.b").get("/users/po.elsewhere").status())
                .isEqualTo(404);
        HttpResponse<String> elsewhere = siteAdmin.get("/admin/accounts/po.elsewhere");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).doesNotContain("Probation officer");
        String token = siteAdmin.csrf("/admin/accounts/po.b");
        assertThat(siteAdmin
                        .post("/admin/accounts/po.elsewhere/disable", Map.of("csrf", token))
                        .statusCode())
                .isEqualTo(404);
        assertThat(siteAdmin
                        .post("/admin/accounts/po.elsewhere/password", Map.of("csrf", token))
                        .statusCode())
                .isEqualTo(404);
        assertThat(Cases.ok(TestApp.as(APP, ADMIN).get("/users/po.elsewhere"))
                        .get("disabled")
                        .asBoolean())
                .isFalse();
        String list = siteAdmin.get("/admin/accounts").body();
        assertThat(list).contains("po.b").doesNotContain("po.elsewhere");

        // a grant outside their sites is refused on the form, naming the field, and nothing is made
        HttpResponse<String> refused = siteAdmin.post(
                "/admin/accounts/new",
                Map.of("csrf", token, "username", "po.sneaky", "roles", "probation", "sites", "ADM"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("There is a problem", "must be some of your own sites");
        assertThat(TestApp.as(APP, ADMIN).get("/users/po.sneaky").status()).isEqualTo(404);
    }

    @Test
    void other_roles_may_not_administer() {
        PageClient officer = new PageClient(APP.getLocalPort()).signIn("po.b", Staff.PASSWORD);
        for (String path : List.of("/admin/accounts", "/admin/accounts/new", "/admin/accounts/po.b", "/admin/audit")) {
            HttpResponse<String> page = officer.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).doesNotContain("po.elsewhere");
        }
    }

    private static String temporaryPassword(Browser browser) {
        return browser.driver()
                .findElement(By.cssSelector("[data-test=temporary-password] code"))
                .getText()
                .strip();
    }

    private static String state(Browser browser) {
        return browser.driver().findElement(By.cssSelector("[data-test=state]")).getText();
    }

    /** Each row of the audit table as "action resource id". */
    private static List<String> auditRows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[data-test=audit] tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .map(cells -> cells.get(2).getText() + " " + cells.get(3).getText())
                .toList();
    }
}
