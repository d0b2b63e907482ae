package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.RawHttp;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Jetty refuses before Jersey sees it is problem+json too, with a detail that does not quote the
 * request: found by HostileInputTest, where these answered an HTML page or an empty body.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JettyRefusalsTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static String authorization;

    @BeforeAll
    static void anAccount() {
        TestApp.api(APP);
        authorization = "Basic "
                + Base64.getEncoder().encodeToString(("tester:" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FOO      | /api/sites                    | 405",
                "TRACE    | /api/sites                    | 405",
                "PROPFIND | /api/participants             | 405",
                "GET      | /api/participants/%2e%2e/x    | 400",
                "GET      | /api/participants/%00         | 400",
                "DELETE   | /api/tokens/%25               | 400",
                "GET      | /api/participants/%5C/sessions | 400",
                "GET      | /api/participants/%C0%AF       | 400",
                "GET      | /api/users?limit= 5           | 400",
            })
    void jettys_refusals_are_problems(String method, String target, int status) throws IOException {
        RawHttp.Answer answer =
                RawHttp.exchange(APP.getLocalPort(), method, target, Map.of("Authorization", authorization), null);
        assertProblem(answer, status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"address too long, 414", "header too large, 431"})
    void oversized_request_lines_and_headers_are_problems(String what, int status) throws IOException {
        String target = what.startsWith("address") ? "/api/sites?q=" + "q".repeat(100_000) : "/api/sites";
        Map<String, String> headers = what.startsWith("header")
                ? Map.of("Authorization", authorization, "X-Big", "b".repeat(100_000))
                : Map.of("Authorization", authorization);
        assertProblem(RawHttp.exchange(APP.getLocalPort(), "GET", target, headers, null), status);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = Api.parse(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("%", "qqq", "bbb");
    }
}
