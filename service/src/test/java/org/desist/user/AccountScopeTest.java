package org.desist.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 12, finding 2: an administrator bound to site A administers only accounts that lie wholly within
 * site A, and reads only site A's audit rows. An account of site B, of A and B, or of every site does not
 * exist for them (404, audited as denied, nothing changed). An administrator of every site sees all.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AccountScopeTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String A = "SCOPA";
    static final String B = "SCOPB";
    static String participantA;
    static String participantB;

    @BeforeAll
    static void twoSitesWithStaffAndCases() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site(A);
        cases.site(B);
        participantA = cases.participant(A);
        participantB = cases.participant(B);
        Staff.ensure(APP, "root.admin", Set.of(Role.admin), Set.of());
        Staff.ensure(APP, "admin.a", Set.of(Role.admin), Set.of(A));
        Staff.ensure(APP, "lead.all", Set.of(Role.programme_lead), Set.of());
        for (String name : List.of("clin.a", "clin.a2", "clin.a3")) {
            Staff.ensure(APP, name, Set.of(Role.clinician), Set.of(A));
        }
        for (String name : List.of("clin.b", "clin.b2")) {
            Staff.ensure(APP, name, Set.of(Role.clinician), Set.of(B));
        }
        Staff.ensure(APP, "clin.ab", Set.of(Role.clinician), Set.of(A, B));
        // each clinician reads a case of their own site, so the audit log holds rows of both sites
        assertThat(TestApp.as(APP, "clin.a")
                        .get("/participants/" + participantA)
                        .status())
                .isEqualTo(200);
        assertThat(TestApp.as(APP, "clin.b")
                        .get("/participants/" + participantB)
                        .status())
                .isEqualTo(200);
    }

    private static Api siteAdmin() {
        return TestApp.as(APP, "admin.a");
    }

    @Test
    void a_site_admin_resetting_another_sites_clinician_is_404_and_changes_nothing() {
        for (String outside : List.of("clin.b", "clin.ab", "lead.all", "root.admin")) {
            Reply reset = siteAdmin().post("/users/" + outside + "/password", null);
            assertThat(reset.status()).as("reset of %s: %s", outside, reset).isEqualTo(404);
            assertThat(reset.contentType()).startsWith("application/problem+json");
            assertThat(TestApp.as(APP, outside).get("/sites").status())
                    .as("%s still signs in", outside)
                    .isEqualTo(200);
            assertThat(AuditRows.about(DATABASE, outside))
                    .as("audit rows about %s", outside)
                    .anySatisfy(row -> assertThat(row)
                            .containsEntry("username", "admin.a")
                            .containsEntry("action", "denied")
                            .containsEntry("status", 404));
        }
    }

    @Test
    void a_site_admin_cannot_disable_an_account_outside_their_sites() {
        Reply disable = siteAdmin().post("/users/clin.b2/disable", null);
        assertThat(disable.status()).as(disable.toString()).isEqualTo(404);
        assertThat(TestApp.as(APP, "clin.b2").get("/sites").status()).isEqualTo(200);
    }

    @Test
    void a_site_admin_lists_only_accounts_within_their_sites_and_an_all_sites_admin_lists_all() {
        JsonNode items = Cases.ok(siteAdmin().get("/users?limit=500")).get("items");
        List<String> listed = new ArrayList<>();
        items.forEach(item -> listed.add(item.get("username").asText()));
        assertThat(listed)
                .contains("admin.a", "clin.a")
                .doesNotContain("clin.b", "clin.ab", "lead.all", "root.admin", "tester");
        items.forEach(item -> assertThat(item.get("sites"))
                .extracting(JsonNode::asText)
                .isNotEmpty()
                .containsOnly(A));

        List<String> all = new ArrayList<>();
        Cases.ok(TestApp.as(APP, "root.admin").get("/users?limit=500"))
                .get("items")
                .forEach(item -> all.add(item.get("username").asText()));
        assertThat(all).contains("admin.a", "clin.a", "clin.b", "clin.ab", "lead.all", "root.admin");
    }

    @Test
    void a_site_admin_finds_no_audit_rows_about_another_sites_participants() {
        JsonNode rows = Cases.ok(siteAdmin().get("/audit?limit=500")).get("items");
        assertThat(rows).isNotEmpty();
        assertThat(rows).noneSatisfy(row -> assertThat(row.path("participantId").asText())
                .isEqualTo(participantB));
        assertThat(rows).anySatisfy(row -> assertThat(row.path("participantId").asText())
                .isEqualTo(participantA));
        assertThat(rows)
                .noneSatisfy(row -> assertThat(row.get("username").asText()).isIn("clin.b", "clin.ab"));
        assertThat(Cases.ok(siteAdmin().get("/audit?participantId=" + participantB))
                        .get("items"))
                .isEmpty();

        JsonNode everything =
                Cases.ok(TestApp.as(APP, "root.admin").get("/audit?limit=500")).get("items");
        assertThat(everything)
                .anySatisfy(
                        row -> assertThat(row.path("participantId").asText()).isEqualTo(participantB));
    }

    @Test
    void a_reset_and_a_disable_are_audited_with_actor_target_outcome_and_address() {
        Reply reset = TestApp.as(APP, "root.admin").post("/users/clin.a2/password", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        Reply disable = siteAdmin().post("/users/clin.a3/disable", null);
        assertThat(disable.status()).as(disable.toString()).isEqualTo(200);

        assertThat(AuditRows.about(DATABASE, "clin.a2")).anySatisfy(row -> assertThat(row)
                .containsEntry("username", "root.admin")
                .containsEntry("action", "password_reset")
                .containsEntry("resource_type", "account")
                .containsEntry("status", reset.status())
                .containsEntry("request_id", reset.header("X-Request-Id"))
                .containsEntry("client_address", "127.0.0.1"));
        assertThat(AuditRows.about(DATABASE, "clin.a3")).anySatisfy(row -> assertThat(row)
                .containsEntry("username", "admin.a")
                .containsEntry("action", "disable")
                .containsEntry("resource_type", "account")
                .containsEntry("status", 200)
                .containsEntry("client_address", "127.0.0.1"));
    }
}
