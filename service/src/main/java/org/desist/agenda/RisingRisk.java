package org.desist.agenda;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.agenda.AgendaQueries.ReviewRow;

/**
 * Which desistance reviews raised risk, as the risk_raised alert judges it (docs/attention.md): any SRP domain
 * rated higher than at the case's previous review, or fixation/obsession of 8 or more. A case's first review raises
 * nothing against nothing, but can still rate fixation 8.
 */
final class RisingRisk {
    static final int FIXATION_CONCERN = 8;
    private static final List<String> LEVELS = List.of("low", "moderate", "high");

    private RisingRisk() {}

    /** {@code reviews} in order per case; only those dated on or after {@code since} are judged. */
    static List<ReviewAgenda.RiskRaised> among(List<ReviewRow> reviews, LocalDate since) {
        List<ReviewAgenda.RiskRaised> raised = new ArrayList<>();
        Map<String, ReviewRow> previous = new LinkedHashMap<>();
        for (ReviewRow review : reviews) {
            ReviewRow before = previous.put(review.participantId(), review);
            if (review.reviewedOn().isBefore(since)) {
                continue;
            }
            List<String> domains = before == null ? List.of() : raisedDomains(before, review);
            if (!domains.isEmpty() || review.fixation() >= FIXATION_CONCERN) {
                raised.add(new ReviewAgenda.RiskRaised(
                        review.id(),
                        review.participantId(),
                        review.caseRef(),
                        review.reviewedOn(),
                        domains,
                        review.fixation()));
            }
        }
        raised.sort((a, b) -> a.reviewedOn().equals(b.reviewedOn())
                ? a.caseRef().compareTo(b.caseRef())
                : a.reviewedOn().compareTo(b.reviewedOn()));
        return raised;
    }

    private static List<String> raisedDomains(ReviewRow before, ReviewRow now) {
        List<String> domains = new ArrayList<>();
        if (higher(now.violence(), before.violence())) {
            domains.add("violence");
        }
        if (higher(now.persistence(), before.persistence())) {
            domains.add("persistence");
        }
        if (higher(now.recurrence(), before.recurrence())) {
            domains.add("recurrence");
        }
        if (higher(now.psychosocialDamage(), before.psychosocialDamage())) {
            domains.add("psychosocial_damage");
        }
        return domains;
    }

    private static boolean higher(String now, String before) {
        return LEVELS.indexOf(now) > LEVELS.indexOf(before);
    }
}
