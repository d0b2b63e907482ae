package org.desist.attention.atonce;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.caserecord.RecordStatus;
import org.desist.caserecord.RecordWatch;
import org.desist.desistance.DesistanceReview;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;
import org.jdbi.v3.core.Handle;

/**
 * risk_raised: a desistance review that rates any SRP domain higher than the review before it (by review date, among
 * live reviews), or rates fixation/obsession 8 or more. The first review has nothing to be compared with: only its
 * fixation counts. The latest review raising nothing, with fixation below 8, clears the alert.
 */
final class RiskRaised implements RecordWatch<DesistanceReview> {
    static final String TYPE = "desistance_review";
    static final int FIXATION_THRESHOLD = 8;
    private static final List<Function<RiskRatings, RiskRating>> DOMAINS = List.of(
            RiskRatings::violence, RiskRatings::persistence, RiskRatings::recurrence, RiskRatings::psychosocialDamage);

    @Override
    public void created(Handle handle, DesistanceReview review, Instant now) {
        evaluate(handle, review, now);
    }

    @Override
    public void changed(Handle handle, DesistanceReview before, DesistanceReview after, Instant now) {
        evaluate(handle, after, now);
    }

    private static void evaluate(Handle handle, DesistanceReview review, Instant now) {
        if (review.status() != RecordStatus.active) {
            return;
        }
        Optional<RiskRatings> previous = previousRatings(handle, review);
        if (raises(previous, review)) {
            Alerts.raise(
                    handle,
                    review.participantId(),
                    Rule.risk_raised,
                    new Alerts.Cause(TYPE, review.id(), review.reviewedOn()),
                    now);
        } else if (isLatest(handle, review)) {
            Alerts.clear(handle, review.participantId(), Rule.risk_raised, Cleared.RISK_SETTLED, now);
        }
    }

    static boolean raises(Optional<RiskRatings> previous, DesistanceReview review) {
        if (review.fixation() >= FIXATION_THRESHOLD) {
            return true;
        }
        return previous.isPresent()
                && DOMAINS.stream()
                        .anyMatch(domain ->
                                domain.apply(review.riskRatings()).compareTo(domain.apply(previous.get())) > 0);
    }

    private static Optional<RiskRatings> previousRatings(Handle handle, DesistanceReview review) {
        return handle.createQuery("SELECT risk_violence, risk_persistence, risk_recurrence, risk_psychosocial_damage"
                        + " FROM desistance_review WHERE participant_id = :participantId AND status = 'active'"
                        + " AND id <> :id AND (reviewed_on < :on OR (reviewed_on = :on AND recorded_at < :at))"
                        + " ORDER BY reviewed_on DESC, recorded_at DESC LIMIT 1")
                .bind("participantId", review.participantId())
                .bind("id", review.id())
                .bind("on", review.reviewedOn())
                .bind("at", review.recordedAt())
                .map((rs, ctx) -> new RiskRatings(
                        RiskRating.valueOf(rs.getString(1)),
                        RiskRating.valueOf(rs.getString(2)),
                        RiskRating.valueOf(rs.getString(3)),
                        RiskRating.valueOf(rs.getString(4))))
                .findOne();
    }

    /** Whether no live review of the case comes after this one: an older review cannot settle a newer one's risk. */
    private static boolean isLatest(Handle handle, DesistanceReview review) {
        return handle.createQuery("SELECT COUNT(*) FROM desistance_review WHERE participant_id = :participantId"
                                + " AND status = 'active' AND id <> :id"
                                + " AND (reviewed_on > :on OR (reviewed_on = :on AND recorded_at > :at))")
                        .bind("participantId", review.participantId())
                        .bind("id", review.id())
                        .bind("on", review.reviewedOn())
                        .bind("at", review.recordedAt())
                        .mapTo(Integer.class)
                        .one()
                == 0;
    }
}
