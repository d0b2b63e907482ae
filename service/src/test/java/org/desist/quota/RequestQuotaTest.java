package org.desist.quota;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.PageClient;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Quotas on reading case data, PDFs and exports, per account and per client address, from test-config-quotas.yml:
 * reads 5 an account and 8 an address in 10 seconds, PDFs 2 and 3, exports 1 and 2 an hour. Two instances share one
 * database, so they share the counts (on PostgreSQL too when DESIST_TEST_POSTGRES_URL is set); X-Forwarded-For
 * names the client, through the trusted local proxy.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class RequestQuotaTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> A = quotasOn(DATABASE);
    static final DropwizardAppExtension<DesistConfiguration> B = quotasOn(DATABASE);
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    static DropwizardAppExtension<DesistConfiguration> quotasOn(TestDatabase database) {
        return new DropwizardAppExtension<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config-quotas.yml"),
                database.overrides());
    }

    @BeforeAll
    static void staff() {
        for (String name : List.of("quota.reader", "quota.other", "office.one", "office.two", "quota.pages")) {
            Staff.ensure(A, name, Set.of(Role.clinician), Set.of());
        }
        Staff.ensure(A, "quota.lead", Set.of(Role.programme_lead), Set.of());
        LOG.start();
        ((Logger) LoggerFactory.getLogger(QuotaFeature.class)).addAppender(LOG);
    }

    private static Api as(DropwizardAppExtension<DesistConfiguration> app, String username, String address) {
        return TestApp.as(app, username).with("X-Forwarded-For", address);
    }

    @Test
    void an_account_over_its_read_quota_gets_429_on_both_instances_until_the_window_passes() throws Exception {
        String address = "198.51.100.10";
        for (int i = 0; i < 5; i++) {
            Reply reply = as(i % 2 == 0 ? A : B, "quota.reader", address).get("/participants");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        Reply refused = as(B, "quota.reader", address).get("/participants");
        assertRefused(refused, "reads", "per account");
        assertThat(as(A, "quota.reader", address).get("/participants").status()).isEqualTo(429);

        // another account from another address reads on
        assertThat(as(A, "quota.other", "198.51.100.11").get("/participants").status())
                .isEqualTo(200);

        // logged with account, address, quota and request id; audited as denied (429) naming the quota
        assertThat(LOG.list.stream().map(ILoggingEvent::getFormattedMessage)).anySatisfy(line -> assertThat(line)
                .contains("Quota reads exceeded", "'quota.reader'", address, refused.header("X-Request-Id")));
        assertThat(LOG.list)
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(Staff.PASSWORD));
        List<Map<String, Object>> rows = DATABASE.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT action, resource_type, resource_id, status,"
                                + " client_address, request_id FROM audit_event WHERE username = 'quota.reader'"
                                + " AND action = 'denied'")
                        .mapToMap()
                        .list());
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("resource_type")).isEqualTo("quota");
            assertThat(row.get("resource_id")).isEqualTo("reads");
            assertThat(((Number) row.get("status")).intValue()).isEqualTo(429);
            assertThat(row.get("client_address")).isEqualTo(address);
            assertThat(row.get("request_id")).isEqualTo(refused.header("X-Request-Id"));
        });

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 300);
        assertThat(as(B, "quota.reader", address).get("/participants").status()).isEqualTo(200);
    }

    @Test
    void accounts_sharing_an_address_share_its_quota() {
        String office = "198.51.100.20";
        for (int i = 0; i < 4; i++) {
            assertThat(as(A, "office.one", office).get("/participants").status())
                    .isEqualTo(200);
            assertThat(as(B, "office.two", office).get("/participants").status())
                    .isEqualTo(200);
        }
        // the address's ninth read: office.one's fifth is within its own quota, not the address's
        assertRefused(as(A, "office.one", office).get("/participants"), "reads", "per client address");
        // the same account elsewhere is within its own quota
        assertThat(as(A, "office.two", "198.51.100.21").get("/participants").status())
                .isEqualTo(200);
    }

    @Test
    void pdfs_and_exports_have_quotas_of_their_own() {
        Api lead = as(A, "quota.lead", "198.51.100.30");
        Cases cases = new Cases(TestApp.api(A));
        cases.site("QTA");
        String cohort = cases.cohort("QTA").get("id").asText();
        for (int i = 0; i < 2; i++) {
            Reply pdf = lead.with("Accept", "application/pdf").get(Disclosed.to("/cohorts/" + cohort + "/report"));
            assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        }
        assertRefused(
                lead.with("Accept", "application/pdf").get(Disclosed.to("/cohorts/" + cohort + "/report")),
                "pdfs",
                "account");
        // the same report as JSON is no PDF, and no read of case data
        assertThat(lead.get("/cohorts/" + cohort + "/report").status()).isEqualTo(200);

        Reply export = lead.get(Disclosed.to("/programme/export?from=2026-01-01&to=2026-12-31"));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertRefused(lead.get(Disclosed.to("/programme/export?from=2026-01-01&to=2026-12-31")), "exports", "account");
    }

    @Test
    void the_screens_count_against_the_same_quota() {
        PageClient pages = new PageClient(A.getLocalPort()).signIn("quota.pages", Staff.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(pages.get("/cases").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = pages.get("/cases");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("reads quota");
    }

    private static void assertRefused(Reply reply, String quota, String by) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isPositive();
        assertThat(reply.json().get("detail").asText()).contains("The " + quota + " quota", by);
    }
}
