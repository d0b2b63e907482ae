package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.DatabaseLink;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The screens when PostgreSQL is out of reach: the API's 503 with Retry-After, as a page, and back after. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class PageOutageTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DatabaseLink LINK = TestDatabase.onPostgres() ? DatabaseLink.to(DATABASE) : null;
    static final DropwizardAppExtension<DesistConfiguration> APP =
            TestApp.on(LINK == null ? DATABASE : LINK.through(DATABASE));

    @AfterAll
    static void closeLink() {
        if (LINK != null) {
            LINK.close();
        }
    }

    @Test
    void an_unreachable_database_is_a_503_page_with_retry_after_and_no_trace_and_the_session_survives_it()
            throws InterruptedException {
        assumeTrue(TestDatabase.onPostgres(), "a SQLite file cannot be cut off like a server");
        Staff.ensure(APP, "admin.outage", Set.of(Role.admin), Set.of());
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("admin.outage", Staff.PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        LINK.cut();
        try {
            HttpResponse<String> down = browser.get("/");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After").orElseThrow()).matches("[0-9]+");
            assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(down.body())
                    .contains("database is unavailable")
                    .doesNotContain("Exception")
                    .doesNotContain("PSQL");
        } finally {
            LINK.restore();
        }
        int back = 0;
        for (int tries = 0; tries < 100 && back != 200; tries++) {
            back = browser.get("/").statusCode();
            Thread.sleep(100);
        }
        assertThat(back)
                .as("once the database is back, the same session serves again")
                .isEqualTo(200);
    }
}
