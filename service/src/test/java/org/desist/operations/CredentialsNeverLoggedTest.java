package org.desist.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Authenticator;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every logger at DEBUG (Jetty's, which dumps raw requests, among them), then every way of signing in, right and
 * wrong: no line of the application log or the request log holds a password, a token, an Authorization or Cookie
 * value, the Base64 of a username and password, a second factor's secret, code or recovery code.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CredentialsNeverLoggedTest {
    private static final Path LOGS = logFolder();
    private static final Path APPLICATION_LOG = LOGS.resolve("desist.log");
    private static final Path REQUEST_LOG = LOGS.resolve("requests.log");
    private static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("debug-log-config.yml"),
            DATABASE.overrides(
                    ConfigOverride.config("logging.appenders[0].currentLogFilename", APPLICATION_LOG.toString()),
                    ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()),
                    // a password alone first; the second factor's secret and codes at the end
                    ConfigOverride.config("secondFactor.required", "false")));

    private static final String WRONG_PASSWORD = "Tr0ub4dor&3 is not it either";
    private static final String NEW_PASSWORD = "a new pass phrase nobody should ever read";
    private static final String COOKIE_VALUE = "s3ss10n-c00k1e-v4lue-that-must-not-be-logged";

    @Test
    void no_log_line_carries_a_credential_at_debug() throws IOException {
        Staff.ensure(APP, "deb.ug", Set.of(Role.clinician), Set.of());
        Api anonymous = TestApp.anonymous(APP);
        Api right = anonymous.withBasic("deb.ug", Staff.PASSWORD);

        assertThat(right.get("/sites").status()).isEqualTo(200);
        assertThat(anonymous.withBasic("deb.ug", WRONG_PASSWORD).get("/sites").status())
                .isEqualTo(401);
        assertThat(anonymous
                        .withBasic("no.such.user", WRONG_PASSWORD)
                        .get("/sites")
                        .status())
                .isEqualTo(401);
        Reply issued = right.post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        assertThat(anonymous.withBearer(token).get("/sites").status()).isEqualTo(200);
        assertThat(anonymous.withBearer(token + "x").get("/sites").status()).isEqualTo(401);
        assertThat(anonymous.get("/sites?access_token=" + token).status()).isEqualTo(400);
        assertThat(right.with("Cookie", "desist_session=" + COOKIE_VALUE)
                        .get("/sites")
                        .status())
                .isEqualTo(200);
        assertThat(right.send("POST", "/tokens", Map.of("password", WRONG_PASSWORD), Map.of())
                        .status())
                .isIn(201, 400, 422);
        assertThat(anonymous
                        .withBearer(token)
                        .delete("/tokens/" + issued.json().get("id").asText())
                        .status())
                .isEqualTo(204);
        // a password in a body: a wrong guess at the current one, then a change
        assertThat(right.post("/me/password", Map.of("currentPassword", WRONG_PASSWORD, "newPassword", NEW_PASSWORD))
                        .status())
                .isEqualTo(403);
        assertThat(right.post("/me/password", Map.of("currentPassword", Staff.PASSWORD, "newPassword", NEW_PASSWORD))
                        .status())
                .isEqualTo(204);
        Api changed = anonymous.withBasic("deb.ug", NEW_PASSWORD);
        assertThat(changed.get("/sites").status()).isEqualTo(200);
        // the second factor: its secret, a wrong code, a code, a replayed code, recovery codes right and wrong
        String secret = Cases.created(changed.post("/me/second-factor", null))
                .get("secret")
                .asText();
        List<String> recoveryCodes = new ArrayList<>();
        Cases.ok(changed.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))))
                .get("recoveryCodes")
                .forEach(code -> recoveryCodes.add(code.asText()));
        String code = Authenticator.nextCode(secret);
        assertThat(changed.post("/tokens", Map.of("code", code)).status()).isEqualTo(201);
        assertThat(changed.post("/tokens", Map.of("code", code)).status()).isEqualTo(401);
        assertThat(changed.post("/tokens", Map.of("recoveryCode", recoveryCodes.get(0)))
                        .status())
                .isEqualTo(201);
        assertThat(changed.post("/tokens", Map.of("recoveryCode", "abcde-fghjk"))
                        .status())
                .isEqualTo(401);

        String logs = read(APPLICATION_LOG) + read(REQUEST_LOG);
        assertThat(logs).as("the DEBUG run wrote its logs").contains("DEBUG");
        List<String> secrets = new ArrayList<>(List.of(
                Staff.PASSWORD,
                WRONG_PASSWORD,
                NEW_PASSWORD,
                token,
                COOKIE_VALUE,
                base64("deb.ug:" + NEW_PASSWORD),
                base64("deb.ug:" + Staff.PASSWORD),
                base64("deb.ug:" + WRONG_PASSWORD),
                base64("no.such.user:" + WRONG_PASSWORD),
                secret,
                // a code is six digits, which other text holds too: only the forms a body or a query would take
                "\"code\":\"" + code + "\"",
                "code=" + code));
        secrets.addAll(recoveryCodes);
        secrets.add("abcde-fghjk");
        Pattern header = Pattern.compile("(?i)(authorization|cookie)\\s*[:=]\\s*\\S");
        List<String> leaks = logs.lines()
                .filter(line -> secrets.stream().anyMatch(line::contains)
                        || header.matcher(line).find())
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "…" : line)
                .toList();
        assertThat(leaks).as("log lines carrying a credential").isEmpty();
    }

    @Test
    void the_request_log_format_is_the_one_config_yml_ships() throws IOException {
        String shipped = logFormatIn(AdminPortTest.repositoryFile("config.yml"));
        // %U is the path alone; %r (the request line) and %q carry the query string, %i{...} a request header
        assertThat(shipped)
                .contains("%U")
                .doesNotContainPattern("%r(?!esponseHeader|eqAttribute)|%q|%i\\{|%requestHeader");
        assertThat(logFormatIn(ResourceHelpers.resourceFilePath("debug-log-config.yml")))
                .isEqualTo(shipped);
    }

    private static String logFormatIn(String yaml) throws IOException {
        return Files.readAllLines(Path.of(yaml)).stream()
                .filter(line -> line.strip().startsWith("logFormat:"))
                .map(String::strip)
                .findFirst()
                .orElseThrow();
    }

    private static String base64(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static Path logFolder() {
        try {
            return Files.createTempDirectory("desist-logs");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
