package org.desist.cases;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.desist.assessment.Assessment;
import org.desist.caserecord.RecordStatus;
import org.desist.desistance.DesistanceReview;
import org.desist.risk.Movement;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;

/**
 * Risk per SRP domain now and its trajectory, from the assessments and desistance reviews the reader may read,
 * as the probation summary defines them (summary.SummaryAssembly): now is the latest desistance review's rating,
 * or the latest assessment's when that is later (a review and an assessment on one day: the review); the
 * trajectory runs from the first assessment to now. Records entered in error do not count.
 */
record CurrentRisk(LocalDate ratedOn, String source, List<Domain> domains, Assessment latestAssessment) {

    record Domain(String name, RiskRating now, RiskRating atFirstAssessment, Movement trajectory) {}

    private record Rated(LocalDate on, RiskRatings ratings, String source) {}

    /** Empty before the first assessment. Reviews are null for a reader who may not read them. */
    static Optional<CurrentRisk> of(List<Assessment> assessments, List<DesistanceReview> reviews) {
        List<Assessment> live = assessments.stream()
                .filter(a -> a.status() == RecordStatus.active)
                .sorted(Comparator.comparing(Assessment::assessedOn).thenComparing(Assessment::recordedAt))
                .toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Assessment first = live.get(0);
        Assessment latest = live.get(live.size() - 1);
        Rated now = new Rated(latest.assessedOn(), latest.riskRatings(), "Assessment");
        Optional<DesistanceReview> review = reviews == null
                ? Optional.empty()
                : reviews.stream()
                        .filter(r -> r.status() == RecordStatus.active)
                        .max(Comparator.comparing(DesistanceReview::reviewedOn)
                                .thenComparing(DesistanceReview::recordedAt));
        if (review.isPresent() && !latest.assessedOn().isAfter(review.get().reviewedOn())) {
            now = new Rated(review.get().reviewedOn(), review.get().riskRatings(), "Desistance review");
        }
        RiskRatings before = first.riskRatings();
        RiskRatings current = now.ratings();
        return Optional.of(new CurrentRisk(
                now.on(),
                now.source(),
                List.of(
                        domain("Violence", before, current, RiskRatings::violence),
                        domain("Persistence", before, current, RiskRatings::persistence),
                        domain("Recurrence", before, current, RiskRatings::recurrence),
                        domain("Psychosocial damage", before, current, RiskRatings::psychosocialDamage)),
                latest));
    }

    private static Domain domain(
            String name, RiskRatings first, RiskRatings now, Function<RiskRatings, RiskRating> rating) {
        RiskRating before = rating.apply(first);
        RiskRating current = rating.apply(now);
        return new Domain(name, current, before, Movement.between(before, current));
    }
}
