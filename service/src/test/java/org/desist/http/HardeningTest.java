package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RawHttp;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every /api answer, success or refusal, carries the headers that keep case data out of caches and
 * frames, and an X-Request-Id; none carries a stack trace or SQL. Lost updates are refused (428/412),
 * and an oversized X-Purpose is refused by name.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class HardeningTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    private static final String SITE = "HARD";
    private static final Set<String> REQUEST_IDS = new HashSet<>();
    private static Api tester;
    private static String participantId;

    @BeforeAll
    static void aCase() {
        tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(SITE);
        participantId = cases.referral(SITE, "2026-02-01").get("participantId").asText();
        Staff.ensure(APP, "cps.only", Set.of(Role.cps), Set.of());
    }

    /** A call, the status it must get, and a name for the report. */
    record Call(String name, int status, Function<Api, Reply> send, boolean anonymous) {
        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                        new Call("GET /sites", 200, api -> api.get("/sites"), false),
                        new Call(
                                "GET /participants/{id}", 200, api -> api.get("/participants/" + participantId), false),
                        new Call(
                                "POST /cohorts",
                                201,
                                api -> api.post(
                                        "/cohorts",
                                        Map.of(
                                                "siteCode",
                                                SITE,
                                                "name",
                                                "Pilot",
                                                "startsOn",
                                                "2026-01-05",
                                                "endsOn",
                                                "2027-12-31",
                                                "target",
                                                20)),
                                false),
                        new Call("POST /sites with broken JSON", 400, api -> api.post("/sites", "{\"code\": "), false),
                        new Call("GET /sites without credentials", 401, api -> api.get("/sites"), true),
                        new Call(
                                "GET /sites with a wrong password",
                                401,
                                api -> api.withBasic("tester", "a wrong password")
                                        .get("/sites"),
                                true),
                        new Call(
                                "GET /referrals as cps",
                                403,
                                api -> TestApp.as(APP, "cps.only").get("/referrals"),
                                true),
                        new Call(
                                "GET /participants/{unknown}",
                                404,
                                api -> api.get("/participants/no-such-participant"),
                                false),
                        new Call("GET an unknown path", 404, api -> api.get("/no-such-thing"), false),
                        new Call("DELETE /sites", 405, api -> api.delete("/sites"), false),
                        new Call(
                                "POST /sites missing fields",
                                422,
                                api -> api.post("/sites", Map.of("code", "X1")),
                                false),
                        new Call(
                                "PATCH without If-Match",
                                428,
                                api -> api.patch(
                                        "/participants/" + participantId, Map.of("pncId", "2026/0000001X"), null),
                                false),
                        new Call(
                                "PATCH with a stale If-Match",
                                412,
                                api -> api.patch(
                                        "/participants/" + participantId, Map.of("pncId", "2026/0000001X"), "\"99\""),
                                false),
                        new Call(
                                "X-Purpose of 201 characters",
                                400,
                                api -> api.with("X-Purpose", "p".repeat(201)).get("/sites"),
                                false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void every_answer_carries_the_security_headers_and_no_internals(Call call) {
        Reply reply = call.send().apply(call.anonymous() ? TestApp.anonymous(APP) : tester);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(call.status());
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        String requestId = reply.header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        synchronized (REQUEST_IDS) {
            assertThat(REQUEST_IDS.add(requestId)).as("request ids are unique").isTrue();
        }
        assertThat(reply.text())
                .doesNotContain("Exception", "at org.", "at java.", "at io.", "SQLITE", "SELECT ", "INSERT ", "jdbi");
        if (call.status() >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("status").asInt()).isEqualTo(call.status());
        }
    }

    /** JSON answers end with a newline, as text should, so a terminal's prompt never lands on their last line. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void every_json_answer_ends_with_one_newline(Call call) {
        Reply reply = call.send().apply(call.anonymous() ? TestApp.anonymous(APP) : tester);

        assertThat(reply.contentType()).as(reply.toString()).contains("json");
        assertThat(reply.text()).as(reply.toString()).endsWith("}\n").doesNotEndWith("\n\n");
    }

    @Test
    void the_description_and_a_problem_from_jetty_itself_end_with_a_newline() throws Exception {
        assertThat(TestApp.anonymous(APP).get("/openapi.json").text()).endsWith("}\n");
        RawHttp.Answer unreadable = RawHttp.exchange(
                APP.getLocalPort(), "GET", "/api/sites", Map.of("Host", "localhost", "Bad Header", "x"), null);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body()).endsWith("}\n");
    }

    @Test
    void an_amendment_needs_the_current_etag_and_a_refused_one_changes_nothing() {
        String path = "/participants/" + participantId;
        Reply read = tester.get(path);
        String etag = read.header("ETag");
        assertThat(etag).matches("\"\\d+\"");
        String familyName = read.json().get("familyName").asText();

        Reply missing = tester.patch(path, Map.of("familyName", "Missing"), null);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(428);
        assertThat(missing.json().get("detail").asText()).contains("If-Match");
        Reply wildcard = tester.patch(path, Map.of("familyName", "Wildcard"), "*");
        assertThat(wildcard.status()).as(wildcard.toString()).isEqualTo(428);
        Reply stale = tester.patch(path, Map.of("familyName", "Stale"), "\"" + (version(etag) + 1) + "\"");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);

        Reply unchanged = tester.get(path);
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(unchanged.json().get("familyName").asText()).isEqualTo(familyName);

        // two clients read the same version; the first to write wins, the second is told
        Reply first = tester.patch(path, Map.of("familyName", "Hale-First"), etag);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"" + (version(etag) + 1) + "\"");
        Reply second = TestApp.api(APP).patch(path, Map.of("familyName", "Hale-Second"), etag);
        assertThat(second.status()).as(second.toString()).isEqualTo(412);

        JsonNode now = Cases.ok(tester.get(path));
        assertThat(now.get("familyName").asText()).isEqualTo("Hale-First");
    }

    @Test
    void an_oversized_purpose_is_refused_by_name_and_two_hundred_characters_pass() {
        Reply refused = tester.with("X-Purpose", "p".repeat(201)).get("/participants/" + participantId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.fieldsAtFault()).containsExactly("X-Purpose");
        assertThat(refused.json().get("detail").asText()).contains("X-Purpose");

        Reply accepted = tester.with("X-Purpose", "p".repeat(200)).get("/participants/" + participantId);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    private static int version(String etag) {
        return Integer.parseInt(etag.replace("\"", ""));
    }
}
