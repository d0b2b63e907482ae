package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 7 of issue 12, the races: the same thing created many times at once, over two instances on one
 * database. Exactly one is created; every other answer is the 409 problem the checked path gives, never a
 * 500 from the unique index that caught the race the check missed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class UniqueRaceTest {
    static final int AT_ONCE = 16;
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> ONE = TestApp.on(DATABASE);
    static final DropwizardAppExtension<DesistConfiguration> TWO = TestApp.on(DATABASE);
    static final ExecutorService CLIENTS = Executors.newFixedThreadPool(AT_ONCE);
    static Api one;
    static Api two;

    @BeforeAll
    static void twoInstances() {
        one = TestApp.api(ONE);
        two = TestApp.as(TWO, "tester");
    }

    @AfterAll
    static void stop() {
        CLIENTS.shutdownNow();
    }

    @Test
    void one_site_code_created_at_once_on_two_instances_is_one_201_and_409s() throws Exception {
        List<Reply> replies = atOnce(api ->
                api.post("/sites", Map.of("code", "DUPE", "name", "Dupe site", "model", "threat_assessment_centre")));
        assertOneCreatedRestConflict(replies, "already exists");
    }

    @Test
    void one_participant_enrolled_at_once_on_two_instances_is_one_201_and_409s() throws Exception {
        Cases cases = new Cases(one);
        cases.site("DUPN");
        String cohort = cases.cohort("DUPN").get("id").asText();
        JsonNode referral = cases.referral("DUPN", "2026-02-01");
        cases.review(referral.get("id").asText(), "high", "accept_for_intervention");
        String participant = referral.get("participantId").asText();
        List<Reply> replies = atOnce(api ->
                api.post("/enrolments", Map.of("participantId", participant, "cohortId", cohort, "on", "2026-02-03")));
        assertOneCreatedRestConflict(replies, "already has an open enrolment");
    }

    /** The same request from many clients released together, half to each instance. */
    static List<Reply> atOnce(Function<Api, Reply> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> sent = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            Api api = i % 2 == 0 ? one : two;
            sent.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return request.apply(api);
                    },
                    CLIENTS));
        }
        start.countDown();
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> reply : sent) {
            replies.add(reply.get(2, TimeUnit.MINUTES));
        }
        return replies;
    }

    static void assertOneCreatedRestConflict(List<Reply> replies, String conflict) {
        assertThat(replies).as("answers").allSatisfy(reply -> assertThat(reply.status())
                .as(reply.toString())
                .isIn(201, 409));
        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(1);
        replies.stream().filter(reply -> reply.status() == 409).forEach(reply -> {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).as(reply.toString()).contains(conflict);
        });
    }
}
