package org.desist.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * With a second factor required, a password alone reaches nothing but getting two factors: every endpoint of
 * the API (read from the resource classes, so a new one is walked without anyone listing it) answers 401 or
 * 403 to HTTP Basic of an enrolled account and of an unenrolled one, and to a token issued before its account
 * enrolled or while the second factor was off. The two instances share one database; one has it off.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class PasswordAloneTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> REQUIRED = TestApp.secondFactorRequired(DATABASE);
    static final DropwizardAppExtension<DesistConfiguration> OFF = TestApp.on(DATABASE);
    static final Set<Role> EVERY_ROLE = Set.of(Role.values());

    /** What a password alone may still call: the API description and getting two factors. */
    static final Set<String> OPEN_TO_A_PASSWORD_ALONE = Set.of(
            "GET /api/openapi.json",
            "GET /api/openapi.yaml",
            "POST /api/tokens",
            "POST /api/me/password",
            "POST /api/me/second-factor",
            "POST /api/me/second-factor/confirm");

    static Api enrolledBasic;
    static Api unenrolledBasic;
    static Api tokenOfTheUnenrolled;
    static Api tokenFromBeforeEnrolment;
    static Api twoFactors;

    @BeforeAll
    static void accounts() {
        Staff.ensure(DATABASE, "en.rolled", EVERY_ROLE, Set.of());
        Staff.ensure(DATABASE, "not.yet", EVERY_ROLE, Set.of());
        enrolledBasic = TestApp.as(REQUIRED, "en.rolled");
        unenrolledBasic = TestApp.as(REQUIRED, "not.yet");
        // issued while the second factor was not required, so begun with a password alone
        tokenOfTheUnenrolled = TestApp.anonymous(REQUIRED).withBearer(token(TestApp.as(OFF, "not.yet"), null));
        String early = token(TestApp.as(OFF, "en.rolled"), null);
        String secret = Cases.created(enrolledBasic.post("/me/second-factor", null))
                .get("secret")
                .asText();
        Cases.ok(enrolledBasic.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))));
        // on the instance where it is off too: the account is enrolled, so it needs its second factor
        tokenFromBeforeEnrolment = TestApp.anonymous(OFF).withBearer(early);
        twoFactors = TestApp.anonymous(REQUIRED)
                .withBearer(token(enrolledBasic, Map.of("code", Authenticator.nextCode(secret))));
    }

    private static String token(Api basic, Object body) {
        JsonNode issued = Cases.created(basic.post("/tokens", body));
        return issued.get("token").asText();
    }

    @Test
    void the_few_calls_open_to_a_password_alone_are_these() {
        Set<String> open = new TreeSet<>();
        ApiEndpoints.all().forEach((name, endpoint) -> {
            Action action = endpoint.action().orElseThrow();
            if (AccessPolicy.isPublic(action) || PasswordAlone.allowed(action)) {
                open.add(name);
            }
        });
        assertThat(open).isEqualTo(new TreeSet<>(OPEN_TO_A_PASSWORD_ALONE));
    }

    @Test
    void an_enrolled_accounts_password_alone_reaches_nothing_else_and_is_told_to_get_a_token() {
        assertEveryOtherEndpointRefuses(enrolledBasic, 401, "POST /api/tokens");
    }

    @Test
    void an_unenrolled_accounts_password_alone_reaches_nothing_else_and_is_told_to_enrol() {
        assertEveryOtherEndpointRefuses(unenrolledBasic, 403, "POST /api/me/second-factor");
    }

    @Test
    void a_token_issued_while_the_second_factor_was_off_reaches_nothing_else() {
        assertEveryOtherEndpointRefuses(tokenOfTheUnenrolled, 403, "POST /api/me/second-factor");
    }

    @Test
    void a_token_issued_before_its_account_enrolled_reaches_nothing_else_even_where_it_is_off() {
        assertEveryOtherEndpointRefuses(tokenFromBeforeEnrolment, 401, "POST /api/tokens");
    }

    @Test
    void a_token_begun_with_two_factors_reaches_case_data() {
        assertThat(Cases.ok(twoFactors.get("/participants")).get("items")).isNotNull();
        assertThat(twoFactors.get("/audit").status()).isEqualTo(200);
    }

    @Test
    void every_refusal_is_audited_as_denied() {
        Reply refused = enrolledBasic.get("/participants");
        JsonNode rows =
                Cases.ok(twoFactors.get("/audit?username=en.rolled&limit=100")).get("items");
        List<JsonNode> ofRequest = new ArrayList<>();
        rows.forEach(row -> {
            if (refused.header("X-Request-Id").equals(row.get("requestId").asText())) {
                ofRequest.add(row);
            }
        });
        assertThat(ofRequest).singleElement().satisfies(row -> {
            assertThat(row.get("action").asText()).isEqualTo("denied");
            assertThat(row.get("status").asInt()).isEqualTo(401);
            assertThat(row.get("resourceType").asText()).isEqualTo("participant");
        });
    }

    private static void assertEveryOtherEndpointRefuses(Api api, int status, String advice) {
        List<String> walked = new ArrayList<>();
        ApiEndpoints.all().forEach((name, endpoint) -> {
            if (OPEN_TO_A_PASSWORD_ALONE.contains(name)) {
                return;
            }
            String method = name.substring(0, name.indexOf(' '));
            String path = name.substring(name.indexOf(' ') + "/api".length() + 1)
                    .replace("{id}", UUID.randomUUID().toString())
                    .replace("{rid}", UUID.randomUUID().toString())
                    .replace("{allocationId}", UUID.randomUUID().toString())
                    .replace("{holdId}", UUID.randomUUID().toString())
                    .replace("{username}", "not.yet")
                    .replace("{code}", "SITEA");
            Object body = method.equals("GET") || method.equals("DELETE") ? null : Map.of();
            Reply reply = api.send(method, path, body, method.equals("PATCH") ? Map.of("If-Match", "\"1\"") : Map.of());
            assertThat(reply.status()).as("%s: %s", name, reply).isEqualTo(status);
            assertThat(reply.contentType()).as(name).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).as(name).contains(advice);
            walked.add(name);
        });
        assertThat(walked).as("endpoints walked").hasSizeGreaterThan(90);
    }
}
