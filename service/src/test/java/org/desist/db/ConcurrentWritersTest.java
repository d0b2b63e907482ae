package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sixteen clients creating referrals at once on one SQLite file: every one acknowledged and kept. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ConcurrentWritersTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final int WRITERS = 16;
    static final int EACH = 12;

    @Test
    void sixteen_concurrent_writers_lose_nothing_and_share_no_case_reference() throws Exception {
        Api api = TestApp.api(APP);
        new Cases(api).site("CONC");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<Reply>>> results = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Callable<List<Reply>> work = () -> {
                List<Reply> replies = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    replies.add(api.post(
                            "/referrals", Cases.referral("CONC", "2026-02-01", "Writer" + writer, "Case" + i)));
                }
                return replies;
            };
            results.add(pool.submit(work));
        }
        Set<String> acknowledged = new HashSet<>();
        Set<String> caseRefs = new HashSet<>();
        for (Future<List<Reply>> result : results) {
            for (Reply reply : result.get(2, TimeUnit.MINUTES)) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                acknowledged.add(reply.json().get("id").asText());
                caseRefs.add(reply.json().get("caseRef").asText());
            }
        }
        pool.shutdown();

        assertThat(acknowledged).hasSize(WRITERS * EACH);
        assertThat(caseRefs).hasSize(WRITERS * EACH);
        JsonNode stored = Cases.ok(api.get("/referrals?siteCode=CONC&limit=500"));
        Set<String> found = new HashSet<>();
        stored.get("items").forEach(item -> found.add(item.get("id").asText()));
        assertThat(found).isEqualTo(acknowledged);
        assertThat(caseRefs).contains("CONC-2026-0001", String.format("CONC-2026-%04d", WRITERS * EACH));
    }
}
