package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.DatabaseLink;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Finding 7 of issue 12, the outage: PostgreSQL out of reach (the link to it cut, as if it had stopped).
 * Every request answers 503 problem+json with Retry-After and an incident id, never a stack trace; the log
 * has one line per failed request naming its incident, and at most one stack trace; /healthcheck says
 * unhealthy without a 500; and once the link is back the service serves again without a restart.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DatabaseLink LINK = TestDatabase.onPostgres() ? DatabaseLink.to(DATABASE) : null;
    static final DropwizardAppExtension<DesistConfiguration> APP =
            TestApp.on(LINK == null ? DATABASE : LINK.through(DATABASE));
    static final int FAILED = 6;

    @AfterAll
    static void closeLink() {
        if (LINK != null) {
            LINK.close();
        }
    }

    @Test
    void an_unreachable_database_answers_503_logs_one_line_a_failure_and_recovers_when_it_is_back() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "a SQLite file cannot be cut off like a server (see UnavailableTest)");
        Api api = TestApp.api(APP);
        new Cases(api).site("OUTG");
        assertThat(api.get("/sites").status()).isEqualTo(200);
        Api admin = new Api("http://localhost:" + APP.getAdminPort());
        assertThat(admin.get("/healthcheck").status()).isEqualTo(200);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        List<String> incidents = new ArrayList<>();
        try {
            LINK.cut();
            for (int i = 0; i < FAILED; i++) {
                Reply reply = i % 2 == 0
                        ? api.get("/sites")
                        : api.post(
                                "/sites",
                                Map.of("code", "OUT" + i, "name", "Out", "model", "threat_assessment_centre"));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.header("Retry-After")).as(reply.toString()).matches("[0-9]+");
                assertThat(reply.json().get("detail").asText()).contains("database is unavailable");
                assertThat(reply.text())
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ")
                        .doesNotContain("PSQL");
                incidents.add(reply.json().get("incidentId").asText());
            }
            Reply health = admin.get("/healthcheck");
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.text())
                    .contains("\"database\"")
                    .contains("\"healthy\":false")
                    .doesNotContain("\tat ")
                    .doesNotContain("\"stack\"");
        } finally {
            LINK.restore();
            root.detachAppender(log);
        }
        List<ILoggingEvent> events = List.copyOf(log.list);
        for (String incident : incidents) {
            assertThat(events.stream()
                            .filter(event -> event.getFormattedMessage().contains(incident)))
                    .as("log lines naming incident %s", incident)
                    .hasSize(1);
        }
        assertThat(events.stream().filter(event -> event.getThrowableProxy() != null))
                .as("stack traces logged for %d failures", FAILED)
                .hasSizeLessThanOrEqualTo(1);

        Reply back = null;
        for (int tries = 0; tries < 100 && (back == null || back.status() != 200); tries++) {
            back = api.get("/sites");
            Thread.sleep(100);
        }
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.text()).contains("OUTG");
        assertThat(admin.get("/healthcheck").status()).isEqualTo(200);
    }
}
