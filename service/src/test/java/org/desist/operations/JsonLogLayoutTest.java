package org.desist.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.ConfigFiles;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Issue 20, item 8 (ASVS 16.2.4, 16.4.3): both logs in Dropwizard's JSON layouts, as docs/operations.md shows them,
 * for shipping to a separate log system: every line is one JSON object, the application log's lines carry the
 * request id in their MDC and the request log's in the X-Request-Id response header, and the credential filter
 * (CredentialFreeLogs) still withholds what looks like a credential.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class JsonLogLayoutTest {
    static final Path LOGS = folder();
    static final Path APPLICATION_LOG = LOGS.resolve("desist.json");
    static final Path REQUEST_LOG = LOGS.resolve("requests.json");
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived(
                    "test-config.yml",
                    Map.of("server", """
                            server:
                              shutdownGracePeriod: 0s
                              applicationConnectors:
                                - type: http
                                  bindHost: 127.0.0.1
                                  port: 0
                              adminConnectors:
                                - type: http
                                  bindHost: 127.0.0.1
                                  port: 0
                              requestLog:
                                appenders:
                                  - type: file
                                    currentLogFilename: %s
                                    archive: false
                                    layout:
                                      type: access-json
                                      responseHeaders: [X-Request-Id]
                                      requestAttributes: [desist.user]
                            """.formatted(REQUEST_LOG), "logging", """
                            logging:
                              level: INFO
                              loggers:
                                org.desist: INFO
                                liquibase: WARN
                              appenders:
                                - type: file
                                  currentLogFilename: %s
                                  archive: false
                                  layout:
                                    type: json
                            """.formatted(APPLICATION_LOG))),
            DATABASE.overrides());

    static final String WRONG = "a wrong password that must stay out of the logs";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void both_logs_are_json_lines_with_request_ids_and_no_credential() throws Exception {
        Staff.ensure(APP, "json.user", Set.of(Role.clinician), Set.of());
        Api anonymous = TestApp.anonymous(APP);
        Reply wrong = anonymous.withBasic("json.user", WRONG).get("/sites");
        assertThat(wrong.status()).isEqualTo(401);
        Reply issued = TestApp.as(APP, "json.user").post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        Reply used = anonymous.withBearer(token).get("/sites");
        assertThat(used.status()).isEqualTo(200);
        String forged = "dst_" + "A".repeat(43);
        LoggerFactory.getLogger("org.desist.test").warn("a careless line: Authorization: Bearer {}", forged);

        String failure = wrong.header("X-Request-Id");
        JsonNode event = await(
                APPLICATION_LOG,
                line -> "org.desist.security".equals(text(line, "logger"))
                        && failure.equals(line.path("mdc").path("requestId").asText()));
        assertThat(text(event, "message"))
                .contains("event=sign_in_failed", "account=json.user", "requestId=" + failure);
        await(
                APPLICATION_LOG,
                line -> text(line, "message").contains("event=token_issue")
                        && issued.header("X-Request-Id")
                                .equals(line.path("mdc").path("requestId").asText()));
        await(APPLICATION_LOG, line -> text(line, "message").contains("A log line was withheld"));
        JsonNode request = await(REQUEST_LOG, line -> used.header("X-Request-Id")
                .equals(line.path("responseHeaders").path("X-Request-Id").asText()));
        assertThat(text(request, "uri")).isEqualTo("/api/sites");
        assertThat(request.path("requestAttributes").path("desist.user").asText())
                .isEqualTo("json.user");

        List<String> secrets = List.of(
                Staff.PASSWORD,
                WRONG,
                token,
                forged,
                base64("json.user:" + Staff.PASSWORD),
                base64("json.user:" + WRONG));
        for (Path log : List.of(APPLICATION_LOG, REQUEST_LOG)) {
            for (String line : Files.readAllLines(log)) {
                assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
                assertThat(secrets).as("credentials in %s", line).noneMatch(line::contains);
            }
        }
    }

    private static String text(JsonNode line, String field) {
        return line.path(field).asText("");
    }

    /** The first line of that log that matches, waiting for the appender (the request log writes asynchronously). */
    private static JsonNode await(Path log, Predicate<JsonNode> wanted) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            seen = Files.exists(log) ? Files.readAllLines(log) : List.of();
            for (String line : seen) {
                JsonNode node = JSON.readTree(line);
                if (wanted.test(node)) {
                    return node;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such line in " + log + ":\n" + String.join("\n", seen));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("desist-json-logs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
