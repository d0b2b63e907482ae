package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in to the screens through a real OpenID provider (in this JVM): the whole code flow as a browser makes it,
 * and every way it must fail ending on a page that says why, with nothing signed in.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProviderSignInTest {
    static final ProviderFixture FIXTURE = new ProviderFixture(false);
    static final DropwizardAppExtension<DesistConfiguration> APP = FIXTURE.app;

    @BeforeAll
    static void accounts() {
        Staff.ensure(APP, "boss", Set.of(Role.admin), Set.of());
        Staff.ensure(APP, "alice", Set.of(Role.programme_lead), Set.of());
        Api boss = TestApp.as(APP, "boss");
        assertThat(boss.send("PUT", "/users/alice/identity", Map.of("subject", "alice-sub"), Map.of())
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        FIXTURE.stop();
    }

    private String app() {
        return "http://localhost:" + APP.getLocalPort();
    }

    @Test
    void the_sign_in_page_offers_the_provider() {
        HttpResponse<String> page = new ProviderFixture.Visitor().get(app() + "/sign-in?next=/account/password");
        assertThat(page.body())
                .contains(ProviderFixture.BUTTON)
                .contains("/sign-in/provider?next=%2Faccount%2Fpassword");
    }

    @Test
    void a_linked_person_signs_in_and_lands_where_they_asked_with_the_providers_second_factor() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        FIXTURE.nextSignInAs("alice-sub", Map.of("amr", List.of("pwd", "mfa")));
        String callback = throughProvider(browser, "/account/password");

        HttpResponse<String> signedIn = browser.get(callback);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("You have signed in").contains("href=\"/account/password\"");
        assertThat(signedIn.headers().firstValue("Refresh")).contains("0; url=/account/password");
        assertThat(browser.get(app() + "/account/password").body()).contains("Signed in as alice");
        assertThat(latestSessionTwoFactors("alice")).isTrue();

        // the same callback again: the state was spent, the code with it
        HttpResponse<String> replayed = browser.get(callback);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("You have not been signed in").contains("expired or was already used");
        assertThat(replayed.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("desist-session=") && !cookie.startsWith("desist-session=;"));
    }

    @Test
    void without_a_second_factor_from_the_provider_the_session_has_one_factor() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        FIXTURE.nextSignInAs("alice-sub", Map.of("amr", List.of("pwd"), "acr", "low"));
        HttpResponse<String> signedIn = browser.get(throughProvider(browser, "/"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(latestSessionTwoFactors("alice")).isFalse();
    }

    @Test
    void an_unlinked_subject_is_told_whom_to_ask() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        FIXTURE.nextSignInAs("stranger-42", Map.of());
        HttpResponse<String> refused = browser.get(throughProvider(browser, "/"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("not linked to a Desist account")
                .contains("Ask your site's Desist administrator")
                .contains("stranger-42")
                .doesNotContain("Signed in as");
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        List<String> audited = FIXTURE.database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action || ':' || status || ':' || username FROM audit_event WHERE request_id = :id")
                .bind("id", requestId)
                .mapTo(String.class)
                .list());
        assertThat(audited).containsExactly("sign_in_failed:401:(anonymous)");
        assertThat(browser.get(app() + "/").statusCode()).isEqualTo(303);
    }

    @Test
    void an_id_token_for_another_nonce_is_refused() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        FIXTURE.nextSignInAs("alice-sub", Map.of());
        String authorize = ProviderFixture.Visitor.location(browser.get(app() + "/sign-in/provider?next=/"));
        String tampered = authorize.replaceFirst("nonce=[^&]+", "nonce=someone-elses-nonce");
        assertThat(tampered).isNotEqualTo(authorize);
        String callback = ProviderFixture.Visitor.location(browser.get(tampered));
        assertRefusedToken(browser.get(callback));
    }

    @Test
    void an_id_token_for_another_audience_is_refused() {
        assertRefusedToken(withIdToken(state ->
                FIXTURE.signed("alice-sub", List.of("another-client"), Map.of("nonce", state.get("nonce")), 3600)));
    }

    @Test
    void an_expired_id_token_is_refused() {
        assertRefusedToken(withIdToken(state -> FIXTURE.signed(
                "alice-sub", List.of(ProviderFixture.CLIENT), Map.of("nonce", state.get("nonce")), -600)));
    }

    @Test
    void an_id_token_signed_with_a_key_the_provider_never_published_is_refused() {
        assertRefusedToken(withIdToken(state ->
                FIXTURE.forged("alice-sub", List.of(ProviderFixture.CLIENT), Map.of("nonce", state.get("nonce")))));
    }

    @Test
    void a_good_id_token_through_the_same_path_signs_in() {
        HttpResponse<String> answer = withIdToken(state -> FIXTURE.signed(
                "alice-sub", List.of(ProviderFixture.CLIENT), Map.of("nonce", state.get("nonce")), 3600));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** ASVS V7.6.1: the provider must have checked the person within identityProvider.maxAuthenticationAge. */
    @Test
    void the_authorization_request_asks_for_authentication_within_the_maximum_age() {
        String authorize =
                ProviderFixture.Visitor.location(new ProviderFixture.Visitor().get(app() + "/sign-in/provider?next=/"));
        assertThat(ProviderFixture.query(authorize)).containsEntry("max_age", "3600");
    }

    @Test
    void a_sign_in_at_the_provider_older_than_the_maximum_age_is_refused_and_audited() {
        long longAgo = java.time.Instant.now().minusSeconds(3600 + 120).getEpochSecond();
        assertStale(signInWith(Map.of("auth_time", longAgo)));
    }

    @Test
    void an_id_token_without_auth_time_or_with_one_in_the_future_is_refused() {
        assertStale(withIdToken(state -> FIXTURE.provider
                .issueToken(
                        ProviderFixture.ISSUER_ID,
                        ProviderFixture.CLIENT,
                        new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
                                ProviderFixture.ISSUER_ID,
                                "alice-sub",
                                "JWT",
                                List.of(ProviderFixture.CLIENT),
                                Map.of("nonce", state.get("nonce")),
                                3600))
                .serialize()));
        assertStale(withIdToken(state -> FIXTURE.signed(
                "alice-sub",
                List.of(ProviderFixture.CLIENT),
                Map.of("nonce", state.get("nonce"), "auth_time", "never"),
                3600)));
        long later = java.time.Instant.now().plusSeconds(600).getEpochSecond();
        assertStale(signInWith(Map.of("auth_time", later)));
    }

    @Test
    void a_sign_in_at_the_provider_within_the_maximum_age_signs_in() {
        long aWhileAgo = java.time.Instant.now().minusSeconds(3500).getEpochSecond();
        HttpResponse<String> signedIn = signInWith(Map.of("auth_time", aWhileAgo));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("You have signed in");
    }

    private HttpResponse<String> signInWith(Map<String, Object> claims) {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        FIXTURE.nextSignInAs("alice-sub", claims);
        return browser.get(throughProvider(browser, "/"));
    }

    private static void assertStale(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body())
                .contains("You have not been signed in")
                .contains("did not ask you to sign in to it again")
                .doesNotContain("Signed in as");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("desist-session"));
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        List<String> audited = FIXTURE.database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action || ':' || status FROM audit_event WHERE request_id = :id")
                .bind("id", requestId)
                .mapTo(String.class)
                .list());
        assertThat(audited).containsExactly("sign_in_failed:401");
    }

    @Test
    void the_providers_error_ends_on_a_page_saying_so() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        String authorize = ProviderFixture.Visitor.location(browser.get(app() + "/sign-in/provider"));
        String state = ProviderFixture.query(authorize).get("state");
        HttpResponse<String> refused =
                browser.get(app() + "/sign-in/provider/callback?error=access_denied&state=" + state);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("did not sign you in");
    }

    @Test
    void a_callback_in_another_browser_or_with_a_made_up_state_is_refused() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        FIXTURE.nextSignInAs("alice-sub", Map.of());
        String callback = throughProvider(browser, "/");
        HttpResponse<String> elsewhere = new ProviderFixture.Visitor().get(callback);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("expired or was already used");
        // taken by the attempt: the rightful browser cannot use it either
        assertThat(browser.get(callback).statusCode()).isEqualTo(400);

        HttpResponse<String> madeUp = browser.get(app() + "/sign-in/provider/callback?code=abc&state=made-up");
        assertThat(madeUp.statusCode()).isEqualTo(400);
    }

    /** From the button to the callback URL the provider sends the browser back to (not yet followed). */
    private String throughProvider(ProviderFixture.Visitor browser, String next) {
        HttpResponse<String> start = browser.get(app() + "/sign-in/provider?next=" + next);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        String authorize = ProviderFixture.Visitor.location(start);
        assertThat(ProviderFixture.query(authorize))
                .containsEntry("response_type", "code")
                .containsEntry("client_id", ProviderFixture.CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("max_age", "3600")
                .containsKeys("state", "nonce", "code_challenge", "redirect_uri");
        HttpResponse<String> atProvider = browser.get(authorize);
        String callback = ProviderFixture.Visitor.location(atProvider);
        assertThat(callback).startsWith(app() + "/sign-in/provider/callback?");
        return callback;
    }

    /** The flow with the provider's token endpoint answering this ID token (made from the authorize request). */
    private HttpResponse<String> withIdToken(java.util.function.Function<Map<String, String>, String> idToken) {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        String authorize = ProviderFixture.Visitor.location(browser.get(app() + "/sign-in/provider?next=/"));
        Map<String, String> request = ProviderFixture.query(authorize);
        FIXTURE.nextIdToken(idToken.apply(request));
        return browser.get(app() + "/sign-in/provider/callback?code=some-code&state=" + request.get("state"));
    }

    private static void assertRefusedToken(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body())
                .contains("You have not been signed in")
                .contains("could not verify what your organisation's sign-in service sent")
                .doesNotContain("Signed in as");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("desist-session"));
    }

    private static boolean latestSessionTwoFactors(String username) {
        return FIXTURE.database.jdbi().withHandle(handle -> handle.createQuery(
                                "SELECT two_factor FROM browser_session WHERE username = :username"
                                        + " ORDER BY started_at DESC LIMIT 1")
                        .bind("username", username)
                        .mapTo(Integer.class)
                        .one())
                == 1;
    }
}
