package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.db.Dialect;
import org.desist.signin.Assurance;
import org.desist.signin.TokenAuthenticator;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API side of the identity provider: administrators link subjects to accounts (validated, scoped, audited),
 * and the provider's JWT access tokens reach the API as bearer tokens of the linked account, or answer the one 401.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProviderApiTest {
    static final ProviderFixture FIXTURE = new ProviderFixture(false);
    static final DropwizardAppExtension<DesistConfiguration> APP = FIXTURE.app;
    static final String SITE_A = "IDPA";
    static final String SITE_B = "IDPB";

    @BeforeAll
    static void accounts() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site(SITE_A);
        cases.site(SITE_B);
        Staff.ensure(APP, "root.admin", Set.of(Role.admin), Set.of());
        Staff.ensure(APP, "admin.a", Set.of(Role.admin), Set.of(SITE_A));
        Staff.ensure(APP, "lead.bearer", Set.of(Role.programme_lead), Set.of());
        Staff.ensure(APP, "clin.a", Set.of(Role.clinician), Set.of(SITE_A));
        Staff.ensure(APP, "clin.b", Set.of(Role.clinician), Set.of(SITE_B));
        Staff.ensure(APP, "gone.away", Set.of(Role.programme_lead), Set.of());
        assertThat(link(root(), "lead.bearer", "lead-sub").status()).isEqualTo(200);
        assertThat(link(root(), "gone.away", "gone-sub").status()).isEqualTo(200);
        assertThat(root().post("/users/gone.away/disable", null).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        FIXTURE.stop();
    }

    private static Api root() {
        return TestApp.as(APP, "root.admin");
    }

    private static Reply link(Api as, String username, Object subject) {
        return as.send(
                "PUT",
                "/users/" + username + "/identity",
                subject instanceof String s ? Map.of("subject", s) : subject,
                Map.of());
    }

    @Test
    void an_administrator_links_reads_and_unlinks_a_subject() {
        String token = Cases.created(TestApp.as(APP, "clin.a").post("/tokens", null))
                .get("token")
                .asText();
        Reply linked = link(root(), "clin.a", "clin-a-sub");
        assertThat(linked.status()).as(linked.text()).isEqualTo(200);
        assertThat(linked.json().get("subject").asText()).isEqualTo("clin-a-sub");
        assertThat(linked.json().get("issuer").asText()).isEqualTo(FIXTURE.issuer());
        assertThat(linked.json().get("linkedBy").asText()).isEqualTo("root.admin");
        // a change to how the account signs in ends what it had begun
        assertThat(TestApp.anonymous(APP).withBearer(token).get("/sites").status())
                .isEqualTo(401);

        Reply read = root().get("/users/clin.a/identity");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("username").asText()).isEqualTo("clin.a");

        // again with the same subject: nothing changes
        assertThat(link(root(), "clin.a", "clin-a-sub").status()).isEqualTo(200);

        assertThat(root().delete("/users/clin.a/identity").status()).isEqualTo(204);
        Reply gone = root().get("/users/clin.a/identity");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).isEqualTo("application/problem+json");
        assertThat(root().delete("/users/clin.a/identity").status()).isEqualTo(404);

        List<String> audited = FIXTURE.database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action || ':' || status FROM audit_event WHERE resource_type = 'identity_link'"
                                + " AND resource_id = 'clin.a' ORDER BY seq")
                .mapTo(String.class)
                .list());
        assertThat(audited).containsExactly("access_change:200", "access_change:204");
    }

    @Test
    void a_subject_linked_to_one_account_cannot_be_linked_to_another() {
        Reply taken = link(root(), "clin.b", "lead-sub");
        assertThat(taken.status()).as(taken.text()).isEqualTo(409);
        assertThat(taken.text()).contains("linked to another account");
        assertThat(root().get("/users/clin.b/identity").status()).isEqualTo(404);
    }

    @Test
    void a_link_is_validated() {
        for (Object bad : List.of(
                Map.of("subject", ""),
                Map.of("subject", " padded "),
                Map.of("subject", "x".repeat(256)),
                Map.of("subject", "line\nbreak"),
                Map.of())) {
            Reply refused = link(root(), "clin.b", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(422);
            assertThat(refused.fieldsAtFault()).as(bad.toString()).contains("subject");
        }
        Reply unknownField = link(root(), "clin.b", Map.of("subject", "s", "username", "root.admin"));
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.text()).contains("username");
        assertThat(root().get("/users/clin.b/identity").status()).isEqualTo(404);
    }

    @Test
    void an_unknown_account_or_one_outside_the_administrators_sites_is_not_found() {
        assertThat(link(root(), "nobody.here", "nobody-sub").status()).isEqualTo(404);
        assertThat(root().get("/users/nobody.here/identity").status()).isEqualTo(404);
        Api siteAdmin = TestApp.as(APP, "admin.a");
        Reply hidden = link(siteAdmin, "clin.b", "clin-b-sub");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text()).doesNotContain("clin-b-sub");
        assertThat(siteAdmin.delete("/users/lead.bearer/identity").status()).isEqualTo(404);
        assertThat(root().get("/users/lead.bearer/identity").status()).isEqualTo(200);
    }

    @Test
    void only_administrators_link() {
        Reply refused = link(TestApp.as(APP, "clin.a"), "clin.a", "my-own-sub");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(TestApp.as(APP, "clin.a").get("/users/lead.bearer/identity").status())
                .isEqualTo(403);
        assertThat(TestApp.anonymous(APP).get("/users/lead.bearer/identity").status())
                .isEqualTo(401);
    }

    @Test
    void the_providers_access_token_reaches_the_api_as_the_linked_account() {
        String token =
                FIXTURE.signed("lead-sub", List.of(ProviderFixture.API_AUDIENCE), Map.of("amr", List.of("mfa")), 600);
        Reply sites = TestApp.anonymous(APP).withBearer(token).get("/sites");
        assertThat(sites.status()).as(sites.text()).isEqualTo(200);
        assertThat(sites.text()).contains(SITE_A);
    }

    @Test
    void a_bad_access_token_is_the_same_401_as_any_bad_token() {
        Map<String, String> cases = Map.of(
                "forged", FIXTURE.forged("lead-sub", List.of(ProviderFixture.API_AUDIENCE), Map.of()),
                "another audience", FIXTURE.signed("lead-sub", List.of("someone-else"), Map.of(), 600),
                "an ID token", FIXTURE.signed("lead-sub", List.of(ProviderFixture.CLIENT), Map.of(), 600),
                "expired", FIXTURE.signed("lead-sub", List.of(ProviderFixture.API_AUDIENCE), Map.of(), -600),
                "not yet valid",
                        FIXTURE.signed(
                                "lead-sub",
                                List.of(ProviderFixture.API_AUDIENCE),
                                Map.of("nbf", System.currentTimeMillis() / 1000 + 3600),
                                7200),
                "unlinked", FIXTURE.signed("stranger", List.of(ProviderFixture.API_AUDIENCE), Map.of(), 600),
                "disabled account", FIXTURE.signed("gone-sub", List.of(ProviderFixture.API_AUDIENCE), Map.of(), 600),
                "not a JWT", "eyJ-not-a-jwt");
        Reply own = TestApp.anonymous(APP).withBearer("dst_made-up-token").get("/sites");
        cases.forEach((what, token) -> {
            Reply refused = TestApp.anonymous(APP).withBearer(token).get("/sites");
            assertThat(refused.status()).as(what).isEqualTo(401);
            assertThat(refused.text()).as(what).isEqualTo(own.text());
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
        });
    }

    @Test
    void the_providers_second_factor_makes_the_bearer_two_factors() {
        ProviderAccessTokens tokens = accessTokens();
        assertThat(tokens.authenticate(FIXTURE.signed(
                                "lead-sub",
                                List.of(ProviderFixture.API_AUDIENCE),
                                Map.of("amr", List.of("pwd", "hwk")),
                                600))
                        .map(TokenAuthenticator.Bearer::assurance))
                .contains(Assurance.TWO_FACTORS);
        assertThat(tokens.authenticate(FIXTURE.signed(
                                "lead-sub", List.of(ProviderFixture.API_AUDIENCE), Map.of("acr", "high"), 600))
                        .map(TokenAuthenticator.Bearer::assurance))
                .contains(Assurance.TWO_FACTORS);
        assertThat(tokens.authenticate(FIXTURE.signed(
                                "lead-sub",
                                List.of(ProviderFixture.API_AUDIENCE),
                                Map.of("amr", List.of("pwd"), "acr", "low"),
                                600))
                        .map(bearer -> bearer.user().username() + " " + bearer.assurance()))
                .contains("lead.bearer " + Assurance.PASSWORD_ONLY);
    }

    private static ProviderAccessTokens accessTokens() {
        IdentityProviderSettings settings = APP.getConfiguration().getIdentityProvider();
        Jdbi jdbi = Databases.configure(
                FIXTURE.database.jdbi().installPlugin(new SqlObjectPlugin()), Dialect.of(FIXTURE.database.url()));
        return new ProviderAccessTokens(
                new OpenIdProvider(settings), settings, new LinkedAccounts(jdbi, settings), jdbi);
    }
}
