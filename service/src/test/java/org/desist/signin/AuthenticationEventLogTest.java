package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.IsoTimeColumns;
import org.desist.support.Api;
import org.desist.support.Authenticator;
import org.desist.support.Cases;
import org.desist.support.ConfigFiles;
import org.desist.support.PageClient;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, item 8 (ASVS 16.3.1, 16.2.1): every authentication event is a line of the application log, on the
 * logger org.desist.security, naming the event, the account (or the name tried), the token's id, the client's
 * address and the request id the response gave in X-Request-Id; no line holds a password, a token or a code.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AuthenticationEventLogTest {
    static final Path LOG = logFile();
    static final TestDatabase DATABASE = TestDatabase.fresh();
    /** A file of its own (not ConfigOverride, whose system properties outlive the class): a log file and a cap of 2. */
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived(
                    "test-config.yml",
                    Map.of("maxTokensPerAccount", "maxTokensPerAccount: 2", "logging", """
                            logging:
                              level: WARN
                              loggers:
                                org.desist: INFO
                              appenders:
                                - type: file
                                  currentLogFilename: %s
                                  archive: false
                                  logFormat: '%%-5p [%%d{ISO8601,UTC}] %%c: [%%X{requestId:--}] %%m%%n%%rEx'
                            """.formatted(LOG))),
            DATABASE.overrides());

    static final String USER = "ev.user";
    static final String WRONG = "not the password at all, sorry";
    static final String ADDRESS = "address=127.0.0.1";

    @Test
    void each_authentication_event_is_one_line_with_account_token_address_and_request_id() throws IOException {
        Staff.ensure(APP, USER, Set.of(Role.clinician), Set.of());
        Staff.ensure(APP, "ev.admin", Set.of(Role.admin), Set.of());
        Api anonymous = TestApp.anonymous(APP);
        Api basic = anonymous.withBasic(USER, Staff.PASSWORD);
        List<String> secrets = new ArrayList<>(List.of(Staff.PASSWORD, WRONG));

        // HTTP Basic, right, wrong, and for nobody
        Reply signedIn = basic.get("/sites");
        assertThat(signedIn.status()).isEqualTo(200);
        expect(signedIn, "event=sign_in", "account=" + USER, "method=password", ADDRESS);
        Reply wrong = anonymous.withBasic(USER, WRONG).get("/sites");
        assertThat(wrong.status()).isEqualTo(401);
        expect(wrong, "event=sign_in_failed", "account=" + USER, "method=password", ADDRESS);
        Reply nobody = anonymous.withBasic("no.such.user", WRONG).get("/sites");
        expect(nobody, "event=sign_in_failed", "account=no.such.user", ADDRESS);

        // a token issued, used, revoked by its owner, then refused as revoked
        Reply issued = basic.post("/tokens", null);
        String first = token(issued, secrets);
        String firstId = issued.json().get("id").asText();
        expect(issued, "event=token_issue", "account=" + USER, "tokenId=" + firstId, ADDRESS);
        Reply unknown = anonymous.withBearer(first + "x").get("/sites");
        assertThat(unknown.status()).isEqualTo(401);
        expect(unknown, "event=sign_in_failed", "method=token", "reason=unknown_token", ADDRESS);
        Reply ended = anonymous.withBearer(first).delete("/tokens/" + firstId);
        assertThat(ended.status()).isEqualTo(204);
        expect(ended, "event=token_revoke", "account=" + USER, "tokenId=" + firstId, "reason=own", ADDRESS);
        Reply revoked = anonymous.withBearer(first).get("/sites");
        assertThat(revoked.status()).isEqualTo(401);
        expect(revoked, "event=token_refused", "account=" + USER, "tokenId=" + firstId, "reason=revoked", ADDRESS);

        // expired and idle: the database says so
        Reply second = basic.post("/tokens", null);
        String expiring = token(second, secrets);
        String expiringId = second.json().get("id").asText();
        DATABASE.jdbi()
                .useHandle(handle -> handle.createUpdate("UPDATE api_token SET expires_at = :then WHERE id = :id")
                        .bind("then", IsoTimeColumns.format(Instant.now().minusSeconds(60)))
                        .bind("id", expiringId)
                        .execute());
        Reply expired = anonymous.withBearer(expiring).get("/sites");
        expect(expired, "event=token_refused", "account=" + USER, "tokenId=" + expiringId, "reason=expired", ADDRESS);
        Reply third = basic.post("/tokens", null);
        String idling = token(third, secrets);
        String idlingId = third.json().get("id").asText();
        DATABASE.jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE api_token SET last_used_at = :then, created_at = :then WHERE id = :id")
                .bind("then", IsoTimeColumns.format(Instant.now().minusSeconds(24 * 3600)))
                .bind("id", idlingId)
                .execute());
        Reply idle = anonymous.withBearer(idling).get("/sites");
        expect(idle, "event=token_refused", "account=" + USER, "tokenId=" + idlingId, "reason=idle", ADDRESS);

        // the cap (2 here): the third live token revokes the oldest live one
        Reply a = basic.post("/tokens", null);
        token(a, secrets);
        Reply b = basic.post("/tokens", null);
        token(b, secrets);
        Reply c = basic.post("/tokens", null);
        String last = token(c, secrets);
        expect(
                c,
                "event=token_revoke",
                "account=" + USER,
                "tokenId=" + a.json().get("id").asText(),
                "reason=cap");

        // an administrator ends them all
        Reply all = TestApp.as(APP, "ev.admin").delete("/users/" + USER + "/sessions");
        assertThat(all.status()).as(all.toString()).isEqualTo(204);
        expect(all, "event=token_revoke", "account=" + USER, "tokenId=all", "reason=admin", "by=ev.admin", ADDRESS);
        expect(anonymous.withBearer(last).get("/sites"), "event=token_refused", "reason=revoked");

        // the screens' password form
        PageClient pages = new PageClient(APP.getLocalPort());
        HttpResponse<String> form = pages.post("/sign-in", Map.of("username", USER, "password", Staff.PASSWORD));
        assertThat(form.statusCode()).isEqualTo(303);
        expect(form.headers().firstValue("X-Request-Id").orElseThrow(), "event=sign_in", "account=" + USER, ADDRESS);
        HttpResponse<String> badForm = pages.post("/sign-in", Map.of("username", USER, "password", WRONG));
        expect(
                badForm.headers().firstValue("X-Request-Id").orElseThrow(),
                "event=sign_in_failed",
                "account=" + USER,
                ADDRESS);

        // the second step: a right code, then a wrong one
        String secret = Cases.created(basic.post("/me/second-factor", null))
                .get("secret")
                .asText();
        secrets.add(secret);
        Cases.ok(basic.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))))
                .get("recoveryCodes")
                .forEach(code -> secrets.add(code.asText()));
        String code = Authenticator.nextCode(secret);
        Reply withCode = basic.post("/tokens", Map.of("code", code));
        token(withCode, secrets);
        expect(withCode, "event=sign_in", "account=" + USER, "method=second_factor", ADDRESS);
        Reply replayed = basic.post("/tokens", Map.of("code", code));
        assertThat(replayed.status()).isEqualTo(401);
        expect(replayed, "event=sign_in_failed", "account=" + USER, "method=second_factor", ADDRESS);

        List<String> leaks = Files.readAllLines(LOG).stream()
                .filter(line -> secrets.stream().anyMatch(line::contains)
                        || line.contains("\"code\":\"" + code)
                        || line.contains("code=" + code))
                .toList();
        assertThat(leaks).as("log lines carrying a credential").isEmpty();
    }

    private static String token(Reply issued, List<String> secrets) {
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        secrets.add(token);
        secrets.add(ApiTokens.hash(token));
        return token;
    }

    private static void expect(Reply reply, String... parts) throws IOException {
        expect(reply.header("X-Request-Id"), parts);
    }

    /** One line of org.desist.security with the request's id, in the message and in the line's MDC column. */
    private static void expect(String requestId, String... parts) throws IOException {
        assertThat(requestId).as("X-Request-Id").isNotBlank();
        // The log's appender is asynchronous: a line may reach the file a moment after the response.
        List<String> lines = List.of();
        for (int tries = 0; tries < 50 && lines.size() != 1; tries++) {
            if (tries > 0) {
                sleep();
            }
            lines = Files.readAllLines(LOG).stream()
                    .filter(line -> line.contains("org.desist.security: [" + requestId + "]"))
                    .filter(line -> line.contains("requestId=" + requestId))
                    .filter(line -> List.of(parts).stream().allMatch(line::contains))
                    .toList();
        }
        assertThat(lines)
                .as("a line with %s and request id %s in:%n%s", List.of(parts), requestId, security())
                .hasSize(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String security() throws IOException {
        return String.join(
                "\n",
                Files.readAllLines(LOG).stream()
                        .filter(line -> line.contains("org.desist.security"))
                        .toList());
    }

    private static Path logFile() {
        try {
            return Files.createTempDirectory("desist-events").resolve("desist.log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
