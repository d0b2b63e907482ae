package org.desist.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The daily review queue: awaiting review first, oldest first; then reviewed, high > medium > standard, oldest first. */
class ReviewQueueOrderTest {

    private static final Instant MORNING = Instant.parse("2026-02-02T09:00:00Z");

    @Test
    void awaitingReviewComesFirstOldestFirst() {
        Referral older = awaiting("a-older", "2026-01-10");
        Referral newer = awaiting("a-newer", "2026-01-20");
        Referral reviewedHighOldest = reviewed("r-high", Priority.high, "2026-01-01");

        assertThat(sorted(newer, reviewedHighOldest, older)).containsExactly(older, newer, reviewedHighOldest);
    }

    @Test
    void reviewedComeHighThenMediumThenStandard() {
        Referral standard = reviewed("standard", Priority.standard, "2026-01-01");
        Referral medium = reviewed("medium", Priority.medium, "2026-01-02");
        Referral high = reviewed("high", Priority.high, "2026-01-03");

        assertThat(sorted(standard, medium, high)).containsExactly(high, medium, standard);
    }

    @Test
    void withinAPriorityOldestComesFirst() {
        Referral older = reviewed("older", Priority.medium, "2026-01-05");
        Referral newer = reviewed("newer", Priority.medium, "2026-01-25");

        assertThat(sorted(newer, older)).containsExactly(older, newer);
    }

    @Test
    void onTheSameDayTheOneTakenInFirstComesFirst() {
        Referral first = referral("z-first", "2026-01-05", ReferralStatus.awaiting_review, null, MORNING);
        Referral second =
                referral("a-second", "2026-01-05", ReferralStatus.awaiting_review, null, MORNING.plusSeconds(60));

        assertThat(sorted(second, first)).containsExactly(first, second);
    }

    @RepeatedTest(5)
    void aMixedQueueSortsTheSameWhateverOrderItArrivesIn() {
        List<Referral> expected = List.of(
                awaiting("a1", "2026-01-03"),
                awaiting("a2", "2026-01-09"),
                awaiting("a3", "2026-01-30"),
                reviewed("h1", Priority.high, "2026-01-02"),
                reviewed("h2", Priority.high, "2026-01-20"),
                reviewed("m1", Priority.medium, "2026-01-01"),
                reviewed("m2", Priority.medium, "2026-01-15"),
                reviewed("s1", Priority.standard, "2025-12-01"),
                reviewed("s2", Priority.standard, "2026-01-31"));
        List<Referral> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random());

        shuffled.sort(ReviewQueueOrder.ORDER);

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void ranksPutHighAboveMediumAboveStandard() {
        assertThat(ReviewQueueOrder.rank(Priority.high)).isGreaterThan(ReviewQueueOrder.rank(Priority.medium));
        assertThat(ReviewQueueOrder.rank(Priority.medium)).isGreaterThan(ReviewQueueOrder.rank(Priority.standard));
        assertThat(ReviewQueueOrder.rank(Priority.standard)).isGreaterThan(ReviewQueueOrder.rank(null));
    }

    // --- helpers ---

    private static List<Referral> sorted(Referral... referrals) {
        List<Referral> queue = new ArrayList<>(List.of(referrals));
        queue.sort(ReviewQueueOrder.ORDER);
        return queue;
    }

    private static Referral awaiting(String id, String receivedOn) {
        return referral(id, receivedOn, ReferralStatus.awaiting_review, null, MORNING);
    }

    private static Referral reviewed(String id, Priority priority, String receivedOn) {
        return referral(id, receivedOn, ReferralStatus.reviewed, priority, MORNING);
    }

    private static Referral referral(
            String id, String receivedOn, ReferralStatus status, Priority priority, Instant createdAt) {
        boolean isReviewed = status == ReferralStatus.reviewed;
        return new Referral(
                id,
                "participant-" + id,
                "STAC-2026-0001",
                "STAC",
                LocalDate.parse(receivedOn),
                ReferralSource.police,
                "DC 4521 Patel",
                "Following the victim",
                "VA-2026-0147",
                "Under investigation",
                status,
                priority,
                isReviewed ? TriageDecision.accept_for_intervention : null,
                isReviewed ? LocalDate.parse(receivedOn).plusDays(1) : null,
                isReviewed ? "Daily review" : null,
                isReviewed ? "lead" : null,
                null,
                createdAt,
                "officer");
    }
}
