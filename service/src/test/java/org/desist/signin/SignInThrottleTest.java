package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.audit.AuditLog;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sign-in throttle lives in the database: two instances share it and a restart keeps it. It counts by
 * username and by client address; the tests trust the local proxy, so X-Forwarded-For lets one test speak from
 * many addresses. Every refused sign-in is an audit row with the address and the request id.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SignInThrottleTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> A = TestApp.behindLocalProxy(DATABASE);
    static final DropwizardAppExtension<DesistConfiguration> B = TestApp.behindLocalProxy(DATABASE);

    private static final String WRONG = "not the right password at all";
    /** The service's per-address allowance and block (SignInPolicy), spelled out so a change to it is a decision. */
    private static final int BLOCK_AFTER = 20;

    private static final Duration BLOCK = Duration.ofMinutes(15);

    @BeforeAll
    static void staff() {
        Staff.ensure(A, "own.er", Set.of(Role.police), Set.of());
        Staff.ensure(A, "col.league", Set.of(Role.police), Set.of());
    }

    private static Api from(DropwizardAppExtension<DesistConfiguration> app, String address) {
        return TestApp.anonymous(app).with("X-Forwarded-For", address);
    }

    @Test
    void a_spray_over_thirty_usernames_from_one_address_is_blocked_on_both_instances_and_after_a_restart()
            throws Exception {
        String sprayer = "198.51.100.23";
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            DropwizardAppExtension<DesistConfiguration> app = i % 2 == 0 ? A : B;
            replies.add(from(app, sprayer).withBasic("spray.target" + i, WRONG).get("/sites"));
        }

        assertThat(replies.subList(0, BLOCK_AFTER))
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(401));
        assertThat(replies.subList(BLOCK_AFTER, 30)).allSatisfy(SignInThrottleTest::assertBlocked);

        // the right password of a real account, from the blocked address: refused without being checked
        assertBlocked(from(B, sprayer).withBasic("col.league", Staff.PASSWORD).get("/sites"));
        // the colleague from elsewhere is not affected
        assertThat(from(A, "192.0.2.44")
                        .withBasic("col.league", Staff.PASSWORD)
                        .get("/sites")
                        .status())
                .isEqualTo(200);

        DropwizardTestSupport<DesistConfiguration> restarted = new DropwizardTestSupport<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath(TestApp.BEHIND_LOCAL_PROXY),
                DATABASE.overrides());
        restarted.before();
        try {
            Api again =
                    new Api("http://localhost:" + restarted.getLocalPort() + "/api").with("X-Forwarded-For", sprayer);
            assertBlocked(again.withBasic("spray.target99", WRONG).get("/sites"));
        } finally {
            restarted.after();
        }

        List<Map<String, Object>> audited = DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT username, role, resource_type, resource_id, status, request_id, client_address"
                                + " FROM audit_event WHERE action = 'sign_in_failed' AND client_address = :address"
                                + " ORDER BY seq")
                .bind("address", sprayer)
                .mapToMap()
                .list());
        assertThat(audited)
                .as("every refused sign-in from the sprayer is audited")
                .hasSize(32);
        for (int i = 0; i < 30; i++) {
            Map<String, Object> row = audited.get(i);
            assertThat(row.get("username")).isEqualTo(AuditLog.ANONYMOUS);
            assertThat(row.get("resource_type")).isEqualTo("account");
            assertThat(row.get("resource_id")).isEqualTo("spray.target" + i);
            assertThat(((Number) row.get("status")).intValue())
                    .isEqualTo(replies.get(i).status());
            assertThat(row.get("request_id")).isEqualTo(replies.get(i).header("X-Request-Id"));
        }
    }

    @Test
    void a_strangers_failures_from_elsewhere_do_not_lock_the_owner_out() {
        String stranger = "203.0.113.66";
        List<Reply> guesses = new ArrayList<>();
        for (int i = 0; i < BLOCK_AFTER + 3; i++) {
            guesses.add(from(i % 2 == 0 ? A : B, stranger)
                    .withBasic("own.er", WRONG + i)
                    .get("/sites"));
        }
        assertThat(guesses.get(guesses.size() - 1).status())
                .as("the stranger is blocked")
                .isEqualTo(429);

        for (DropwizardAppExtension<DesistConfiguration> app : List.of(A, B)) {
            Reply owner =
                    from(app, "192.0.2.10").withBasic("own.er", Staff.PASSWORD).get("/sites");
            assertThat(owner.status())
                    .as("the owner, from their own address: " + owner)
                    .isEqualTo(200);
            assertThat(owner.json().get("items").isArray()).isTrue();
        }
    }

    @Test
    void an_unknown_username_and_a_bad_token_are_audited_with_address_and_request_id_but_never_the_token() {
        Reply unknown = from(A, "192.0.2.77").withBasic("nobody.known", WRONG).get("/sites");
        Reply badToken =
                from(B, "192.0.2.78").withBearer("dst_made-up-token-value").get("/sites");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(badToken.status()).isEqualTo(401);

        Map<String, Object> unknownRow = auditedRequest(unknown.header("X-Request-Id"));
        assertThat(unknownRow)
                .containsEntry("username", AuditLog.ANONYMOUS)
                .containsEntry("resource_id", "nobody.known")
                .containsEntry("client_address", "192.0.2.77")
                .containsEntry("action", "sign_in_failed");
        Map<String, Object> tokenRow = auditedRequest(badToken.header("X-Request-Id"));
        assertThat(tokenRow)
                .containsEntry("username", AuditLog.ANONYMOUS)
                .containsEntry("client_address", "192.0.2.78")
                .containsEntry("action", "sign_in_failed");
        assertThat(tokenRow.get("resource_id")).isNull();
        assertThat(tokenRow.values())
                .noneSatisfy(value -> assertThat(String.valueOf(value)).contains("made-up"));
    }

    private static Map<String, Object> auditedRequest(String requestId) {
        assertThat(requestId).isNotBlank();
        return DATABASE.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT username, action, resource_id, client_address, status FROM audit_event"
                                        + " WHERE request_id = :id")
                        .bind("id", requestId)
                        .mapToMap()
                        .findOne())
                .orElseThrow(() -> new AssertionError("no audit row for request " + requestId));
    }

    private static void assertBlocked(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, BLOCK.toSeconds());
    }
}
