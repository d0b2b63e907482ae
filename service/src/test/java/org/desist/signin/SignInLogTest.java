package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Commands;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service's own config.yml, its two logs sent to files: the request log names who made each request, and
 * a line the application logs during a request carries that request's id.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInLogTest {
    static final Path LOGS = newFolder();
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            configYml(),
            DATABASE.overrides(
                    // config.yml takes the audit key from the environment; a PostgreSQL run needs one
                    ConfigOverride.config("auditKey", Commands.AUDIT_KEY),
                    // the logs of a password alone at work; SecondFactorApiTest signs in with the second factor
                    ConfigOverride.config("secondFactor.required", "false"),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("server.shutdownGracePeriod", "0s"),
                    ConfigOverride.config("server.requestLog.appenders[0].type", "file"),
                    ConfigOverride.config("server.requestLog.appenders[0].archive", "false"),
                    ConfigOverride.config(
                            "server.requestLog.appenders[0].currentLogFilename",
                            LOGS.resolve("requests.log").toString()),
                    ConfigOverride.config("logging.appenders[0].type", "file"),
                    ConfigOverride.config("logging.appenders[0].archive", "false"),
                    ConfigOverride.config(
                            "logging.appenders[0].currentLogFilename",
                            LOGS.resolve("service.log").toString())));

    @BeforeAll
    static void staff() {
        Staff.ensure(APP, "log.reader", Set.of(Role.police), Set.of());
    }

    @Test
    void the_request_log_names_the_user_of_each_request_by_password_and_by_token() throws Exception {
        Reply byPassword = TestApp.as(APP, "log.reader").get("/sites");
        assertThat(byPassword.status()).isEqualTo(200);
        String token = TestApp.as(APP, "log.reader")
                .post("/tokens", null)
                .json()
                .get("token")
                .asText();
        Reply byToken = TestApp.anonymous(APP).withBearer(token).get("/sites");
        assertThat(byToken.status()).isEqualTo(200);

        for (Reply reply : List.of(byPassword, byToken)) {
            String line = lineWith(LOGS.resolve("requests.log"), reply.header("X-Request-Id"));
            assertThat(line)
                    .as("the request log line of " + reply.header("X-Request-Id"))
                    .contains(" log.reader ")
                    .contains("GET /api/sites");
            assertThat(line).doesNotContain(Staff.PASSWORD).doesNotContain(token);
        }
    }

    @Test
    void a_line_logged_during_a_request_carries_its_request_id() throws Exception {
        Reply refused = TestApp.anonymous(APP)
                .withBasic("log.reader", "not the password of log.reader")
                .get("/sites");
        assertThat(refused.status()).isEqualTo(401);

        String line = lineWith(LOGS.resolve("service.log"), refused.header("X-Request-Id"));
        assertThat(line).contains("log.reader").doesNotContain("not the password");
    }

    @Test
    void a_start_without_the_second_factor_required_is_logged_as_a_warning() throws Exception {
        assertThat(lineWith(LOGS.resolve("service.log"), "secondFactor.required is false"))
                .contains("WARN");
    }

    /** The first line of a log holding {@code text}, waiting a little: appenders write asynchronously. */
    private static String lineWith(Path log, String text) throws IOException, InterruptedException {
        assertThat(text).isNotBlank();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no line of " + log + " holds " + text + "; it has:\n"
                        + (Files.exists(log) ? Files.readString(log) : "(no file)"));
            }
            Thread.sleep(100);
        }
    }

    private static String configYml() {
        for (Path root : List.of(Path.of(".."), Path.of("."))) {
            if (Files.isRegularFile(root.resolve("config.yml")) && Files.isDirectory(root.resolve("migrations"))) {
                return root.resolve("config.yml").toAbsolutePath().toString();
            }
        }
        throw new IllegalStateException(
                "config.yml not found from " + Path.of("").toAbsolutePath());
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("desist-logs");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
