package org.desist.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daily review queue's order as the API serves it. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ReviewQueueTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void awaiting_oldest_first_then_reviewed_by_priority_and_age() {
        Api api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("QUEU");
        String oldStandard = cases.referral("QUEU", "2026-01-01").get("id").asText();
        String newHigh = cases.referral("QUEU", "2026-01-09").get("id").asText();
        String oldHigh = cases.referral("QUEU", "2026-01-02").get("id").asText();
        String medium = cases.referral("QUEU", "2026-01-03").get("id").asText();
        String waitingNew = cases.referral("QUEU", "2026-01-20").get("id").asText();
        String waitingOld = cases.referral("QUEU", "2026-01-10").get("id").asText();
        cases.review(oldStandard, "standard", "consultation_only");
        cases.review(newHigh, "high", "accept_for_intervention");
        cases.review(oldHigh, "high", "accept_for_intervention");
        cases.review(medium, "medium", "community_referral_only");

        assertThat(ids(api, "/referrals?siteCode=QUEU&status=awaiting_review")).containsExactly(waitingOld, waitingNew);
        assertThat(ids(api, "/referrals?siteCode=QUEU&status=reviewed"))
                .containsExactly(oldHigh, newHigh, medium, oldStandard);
        assertThat(ids(api, "/referrals?siteCode=QUEU"))
                .containsExactly(waitingOld, waitingNew, oldHigh, newHigh, medium, oldStandard);
    }

    private static List<String> ids(Api api, String path) {
        List<String> ids = new ArrayList<>();
        JsonNode page = Cases.ok(api.get(path));
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
