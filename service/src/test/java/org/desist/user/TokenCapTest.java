package org.desist.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * Issue 20, item 7: at most maxTokensPerAccount live bearer tokens per account. One more revokes the oldest
 * (audited as token_revoke, answering 401 from then on) and leaves the others working; tokens asked for at once,
 * on two instances of one database, never leave more than the cap live.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class TokenCapTest {
    static final int CAP = 3;
    static final TestDatabase DATABASE = TestDatabase.fresh();
    /** A file of its own, not a ConfigOverride: overrides are system properties that outlive this class. */
    static final String CONFIG =
            ConfigFiles.derived("test-config.yml", Map.of("maxTokensPerAccount", "maxTokensPerAccount: " + CAP));

    static final DropwizardAppExtension<DesistConfiguration> A =
            new DropwizardAppExtension<>(DesistApplication.class, CONFIG, DATABASE.overrides());
    static final DropwizardAppExtension<DesistConfiguration> B =
            new DropwizardAppExtension<>(DesistApplication.class, CONFIG, DATABASE.overrides());

    @Test
    void one_token_more_than_the_cap_revokes_the_oldest() {
        Staff.ensure(A, "cap.user", Set.of(Role.clinician), Set.of());
        Api basic = TestApp.as(A, "cap.user");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            tokens.add(issue(basic));
        }
        for (String token : tokens) {
            assertThat(TestApp.anonymous(A)
                            .withBearer(token)
                            .get("/me/sessions")
                            .status())
                    .isEqualTo(200);
        }
        long revocationsBefore = revocations("cap.user");

        String fourth = issue(basic);

        Reply oldest = TestApp.anonymous(A).withBearer(tokens.get(0)).get("/me/sessions");
        assertThat(oldest.status()).as(oldest.toString()).isEqualTo(401);
        assertThat(oldest.contentType()).startsWith("application/problem+json");
        for (String token : List.of(tokens.get(1), tokens.get(2), fourth)) {
            assertThat(TestApp.anonymous(B)
                            .withBearer(token)
                            .get("/me/sessions")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(live("cap.user")).isEqualTo(CAP);
        assertThat(revocations("cap.user")).isEqualTo(revocationsBefore + 1);
        List<Map<String, Object>> rows = AuditRows.about(DATABASE, "cap.user");
        Map<String, Object> last = rows.get(rows.size() - 1);
        assertThat(last).containsEntry("action", "token_revoke").containsEntry("username", "cap.user");
    }

    @Test
    void tokens_issued_at_once_on_two_instances_never_exceed_the_cap() throws Exception {
        Staff.ensure(A, "cap.race", Set.of(Role.clinician), Set.of());
        // the password is verified once on each instance first, so the race is between the issues themselves
        assertThat(TestApp.as(A, "cap.race").get("/me/sessions").status()).isEqualTo(200);
        assertThat(TestApp.as(B, "cap.race").get("/me/sessions").status()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                DropwizardAppExtension<DesistConfiguration> app = i % 2 == 0 ? A : B;
                replies.add(pool.submit(() -> TestApp.as(app, "cap.race").post("/tokens", null)));
            }
            int issued = 0;
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                assertThat(answer.status()).as(answer.toString()).isIn(201, 503);
                issued += answer.status() == 201 ? 1 : 0;
            }
            assertThat(issued).isGreaterThan(CAP);
        } finally {
            pool.shutdownNow();
        }
        assertThat(live("cap.race")).isEqualTo(CAP);
    }

    private static String issue(Api basic) {
        Reply issued = basic.post("/tokens", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asText();
    }

    private static long live(String username) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM api_token WHERE username = :username AND revoked_at IS NULL")
                .bind("username", username)
                .mapTo(Long.class)
                .one());
    }

    private static long revocations(String username) {
        return AuditRows.about(DATABASE, username).stream()
                .filter(row -> "token_revoke".equals(row.get("action")))
                .count();
    }
}
