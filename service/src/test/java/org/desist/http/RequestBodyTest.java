package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RawHttp;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TableDigest;
import org.desist.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A body over 1 MiB is refused with 413 problem+json whether the client declares its length or streams
 * it in chunks, before the whole of it has arrived, changing nothing; the service answers normally after.
 * A body that is not what its Content-Encoding says is 400, not the 500 HostileInputTest found.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class RequestBodyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static final int LIMIT = (int) BodyLimit.MAX_BYTES;

    private static final AtomicInteger SMALL = new AtomicInteger();
    private static Api tester;
    private static TableDigest tables;

    @BeforeAll
    static void aSite() {
        tester = TestApp.api(APP);
        new Cases(tester).site("LIMIT");
        tables = TableDigest.of(APP);
    }

    @AfterAll
    static void close() {
        tables.close();
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_any_of_the_body_is_sent() throws IOException {
        Map<String, String> before = tables.take();
        RawHttp.Answer answer;
        try (RawHttp http = new RawHttp(APP.getLocalPort())) {
            http.head(
                    "POST",
                    "/api/sites",
                    headers(Map.of("Content-Type", "application/json", "Content-Length", Integer.toString(LIMIT + 1))));
            answer = http.read(); // not a byte of the body has been sent
        }
        assertTooLarge(answer);
        assertThat(TableDigest.changed(before, tables.take())).isEmpty();
        assertStillServing();
    }

    @Test
    void a_chunked_body_is_refused_once_it_grows_past_the_limit_though_it_never_ends() throws Exception {
        Map<String, String> before = tables.take();
        RawHttp.Answer answer;
        try (RawHttp http = new RawHttp(APP.getLocalPort())) {
            http.head(
                    "POST",
                    "/api/sites",
                    headers(Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked")));
            // a well-formed start, then a name that goes on for ever: only the limit can stop it
            http.chunk("{\"code\": \"HUGE\", \"model\": \"clinic_treatment\", \"name\": \""
                    .getBytes(StandardCharsets.UTF_8));
            AtomicBoolean answered = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[16 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                try {
                    // up to twice the limit, and no last chunk: the body is never complete
                    for (long sent = 0; !answered.get() && sent < 2L * LIMIT; sent += chunk.length) {
                        http.chunk(chunk);
                    }
                } catch (IOException closedByTheServer) {
                    // the server may stop reading and close once it has answered
                }
            });
            answer = http.read();
            answered.set(true);
            writer.join();
        }
        // the body never ended (no last chunk), so the server answered from what it had read
        assertTooLarge(answer);
        assertThat(TableDigest.changed(before, tables.take())).isEmpty();
        assertThat(tester.get("/sites/HUGE").status()).isEqualTo(404);
        assertStillServing();
    }

    @Test
    void a_small_compressed_body_that_inflates_past_the_limit_is_refused_too() throws IOException {
        Map<String, String> before = tables.take();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"code\": \"BOMB\", \"model\": \"clinic_treatment\", \"name\": \""
                    .getBytes(StandardCharsets.UTF_8));
            byte[] name = new byte[2 * LIMIT];
            Arrays.fill(name, (byte) 'z');
            gzip.write(name); // 2 MiB that compress to a few kilobytes
            gzip.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(zipped.size()).isLessThan(LIMIT / 100);
        RawHttp.Answer answer;
        try (RawHttp http = new RawHttp(APP.getLocalPort())) {
            http.head(
                    "POST",
                    "/api/sites",
                    headers(Map.of(
                            "Content-Type",
                            "application/json",
                            "Content-Encoding",
                            "gzip",
                            "Content-Length",
                            Integer.toString(zipped.size()))));
            http.body(zipped.toByteArray());
            answer = http.read();
        }
        assertTooLarge(answer);
        assertThat(TableDigest.changed(before, tables.take())).isEmpty();
        assertStillServing();
    }

    @Test
    void a_body_that_is_not_the_gzip_its_content_encoding_claims_is_refused_by_name() throws IOException {
        Map<String, String> before = tables.take();
        byte[] plain = "{\"code\": \"NOGZ\", \"model\": \"clinic_treatment\", \"name\": \"Not gzip\"}"
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.exchange(
                APP.getLocalPort(),
                "POST",
                "/api/sites",
                headers(Map.of("Content-Type", "application/json", "Content-Encoding", "gzip")),
                plain);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = Api.parse(answer.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Content-Encoding");
        assertThat(problem.has("incidentId")).isFalse();
        assertThat(TableDigest.changed(before, tables.take())).isEmpty();
        assertStillServing();
    }

    @Test
    void a_body_of_exactly_the_limit_is_read_and_judged_on_its_content() {
        Map<String, String> before = tables.take();
        String start = "{\"code\": \"EXACT\", \"model\": \"clinic_treatment\", \"name\": \"";
        String body = start + "n".repeat(LIMIT - start.length() - 2) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        Reply reply = tester.post("/sites", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.fieldsAtFault()).containsExactly("name");

        Reply over = tester.post("/sites", body + " ");
        assertThat(over.status()).as(over.toString()).isEqualTo(413);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(TableDigest.changed(before, tables.take())).isEmpty();
    }

    @Test
    void the_description_lists_413_for_every_operation_that_takes_a_body() {
        JsonNode api = TestApp.anonymous(APP).get("/openapi.json").json();
        int withBody = 0;
        for (JsonNode path : api.get("paths")) {
            for (JsonNode operation : path) {
                if (operation.has("requestBody")) {
                    withBody++;
                    assertThat(operation.at("/responses/413/$ref").asText())
                            .isEqualTo("#/components/responses/ContentTooLarge");
                }
            }
        }
        assertThat(withBody).isGreaterThan(10);
        assertThat(api.at("/components/responses/ContentTooLarge/description").asText())
                .contains("1 MiB");
    }

    private static void assertTooLarge(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = Api.parse(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asText()).isEqualTo("Content Too Large");
        assertThat(problem.get("detail").asText()).contains("1048576 bytes", "1 MiB");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    /** New connections are served as before: the refusal left neither the server nor its pool stuck. */
    private static void assertStillServing() {
        for (int i = 0; i < 3; i++) {
            Reply reply = tester.get("/sites/LIMIT");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        Reply small = tester.post(
                "/sites",
                Map.of("code", "SMALL" + SMALL.incrementAndGet(), "name", "Small", "model", "clinic_treatment"));
        assertThat(small.status()).as(small.toString()).isEqualTo(201);
    }

    private static Map<String, String> headers(Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("tester:" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        headers.putAll(more);
        return headers;
    }
}
