package org.desist.referral;

import java.util.Comparator;

/**
 * The order of the daily review queue: referrals awaiting review first, oldest first; then reviewed
 * ones, high priority first and oldest first within a priority. The database sorts by the same keys
 * (status, priority rank, received date, creation time); a test holds the two together.
 */
public final class ReviewQueueOrder {
    public static final Comparator<Referral> ORDER = Comparator.comparing(
                    (Referral r) -> r.status() == ReferralStatus.awaiting_review ? 0 : 1)
            .thenComparing(r -> r.priority() == null ? 0 : -r.priority().rank())
            .thenComparing(Referral::receivedOn)
            .thenComparing(Referral::createdAt)
            .thenComparing(Referral::id);

    private ReviewQueueOrder() {}

    public static int rank(Priority priority) {
        return priority == null ? 0 : priority.rank();
    }
}
