package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Argon2 costs 19 MiB a hash, so at most quotas.passwordHashes are computed at once; a sign-in that gets no turn
 * within quotas.passwordHashWait is 503 with Retry-After. test-config-hash-bound.yml: one at a time, 100 ms wait.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class PasswordHashingBoundTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("test-config-hash-bound.yml"),
            TestDatabase.fresh().overrides());

    @Test
    void many_sign_ins_at_once_hash_one_at_a_time_and_the_rest_are_told_to_come_back() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(24);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            String username = "rotating.name" + i;
            replies.add(clients.submit(() -> TestApp.anonymous(APP)
                    .withBasic(username, "a wrong password for nobody")
                    .get("/sites")));
        }
        List<Reply> answered = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            answered.add(reply.get());
        }
        clients.shutdown();

        assertThat(answered).allSatisfy(reply -> assertThat(reply.status()).isIn(401, 503));
        assertThat(answered).anySatisfy(reply -> assertThat(reply.status()).isEqualTo(401));
        assertThat(answered)
                .filteredOn(reply -> reply.status() == 503)
                .isNotEmpty()
                .allSatisfy(reply -> {
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                    assertThat(reply.header("Retry-After")).isEqualTo("1");
                    assertThat(reply.json().get("detail").asText()).contains("Too many passwords");
                });
        Gauge<?> peak = APP.getEnvironment().metrics().getGauges().get("org.desist.signin.Passwords.peak");
        assertThat((Integer) peak.getValue()).isEqualTo(1);
        assertThat(Passwords.inProgress()).isZero();
    }
}
