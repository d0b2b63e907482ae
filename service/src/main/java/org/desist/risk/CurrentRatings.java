package org.desist.risk;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which ratings are a case's current risk, defined once for the case summaries and the case page: the latest
 * desistance review's, or the latest assessment's if that is later (or there is no review). A review and an
 * assessment on the same day: the review, made for the purpose.
 */
public final class CurrentRatings {
    /** The kind of record the current ratings come from. */
    public enum From {
        ASSESSMENT,
        DESISTANCE_REVIEW
    }

    private CurrentRatings() {}

    /** Empty when the case has neither (before its first assessment). */
    public static Optional<From> from(Optional<LocalDate> latestAssessedOn, Optional<LocalDate> latestReviewedOn) {
        if (latestAssessedOn.isPresent()
                && (latestReviewedOn.isEmpty() || latestAssessedOn.get().isAfter(latestReviewedOn.get()))) {
            return Optional.of(From.ASSESSMENT);
        }
        return latestReviewedOn.map(reviewed -> From.DESISTANCE_REVIEW);
    }
}
