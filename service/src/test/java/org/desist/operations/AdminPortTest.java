package org.desist.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.validation.Validation;
import java.nio.file.Path;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The admin port answers operators on the machine itself: config.yml binds it to loopback, and it runs no tasks
 * (Dropwizard's log-level task, unauthenticated, could raise Jetty to DEBUG and make it print credentials).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void config_yml_binds_the_admin_port_to_loopback() throws Exception {
        DesistConfiguration configuration = new YamlConfigurationFactory<>(
                        DesistConfiguration.class,
                        Validation.buildDefaultValidatorFactory().getValidator(),
                        Jackson.newObjectMapper(),
                        "dw")
                .build(
                        new SubstitutingSourceProvider(
                                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                        repositoryFile("config.yml"));
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();

        assertThat(server.getAdminConnectors()).singleElement().satisfies(connector -> assertThat(
                        ((HttpConnectorFactory) connector).getBindHost())
                .isEqualTo(System.getenv().getOrDefault("DESIST_ADMIN_BIND", "127.0.0.1")));
    }

    @Test
    void the_admin_port_runs_no_tasks() {
        Api admin = new Api("http://localhost:" + APP.getAdminPort());
        ch.qos.logback.classic.Logger jetty =
                ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.eclipse.jetty");
        Level before = jetty.getLevel();

        for (String task : new String[] {
            "/tasks/log-level?logger=org.eclipse.jetty&level=DEBUG",
            "/tasks/gc",
            "/tasks/log-level",
            "/tasks/",
            "/tasks"
        }) {
            Reply reply = admin.post(task, null);
            assertThat(reply.status()).as(task + ": " + reply).isEqualTo(404);
            assertThat(reply.text()).doesNotContain("log-level").doesNotContain("Exception");
        }
        assertThat(jetty.getLevel()).isEqualTo(before);
        assertThat(admin.get("/ping").status()).isEqualTo(200);
        assertThat(admin.get("/healthcheck").status()).isEqualTo(200);
    }

    static String repositoryFile(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path root = here.getFileName().toString().equals("service") ? here.getParent() : here;
        return root.resolve(name).toString();
    }
}
