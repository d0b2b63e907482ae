package org.desist.retention;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The data protection officer's review queue as a page: each closed case due for review, with its dates and why it
 * is due, the last decision and any legal hold, and the forms to retain it, place or lift a hold, and the way to the
 * disposal's confirmation. A refused form is shown again in its row, its problem in the error summary.
 */
public final class RetentionReviewPage extends Page {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneOffset.UTC);

    /** A hold that is on, to be lifted by its id. */
    public record Hold(String id, String reason, String placed) {}

    /** One due case, in words. */
    public record Row(
            String participantId,
            String caseReference,
            String site,
            String recordClass,
            String clockFrom,
            String closedOn,
            String reviewDueOn,
            String dueBecause,
            String lastDecision,
            boolean legalHold,
            List<Hold> holds) {}

    private final String today;
    private final List<Row> rows;
    private final String refusedId;
    private final String refusedForm;

    /**
     * @param refusedId the case whose form was refused, or null
     * @param refusedForm which of its forms: {@code retain}, {@code dispose}, {@code hold} or {@code lift}
     */
    RetentionReviewPage(
            Viewer viewer,
            ReviewQueue queue,
            Map<String, List<LegalHold>> holds,
            String refusedId,
            String refusedForm) {
        super("retention/review.ftlh", viewer, "Retention review");
        this.today = queue.today().toString();
        this.rows = queue.cases().stream()
                .map(item -> row(item, holds.getOrDefault(item.participantId(), List.of())))
                .toList();
        this.refusedId = refusedId;
        this.refusedForm = refusedForm;
    }

    static Row row(ReviewItem item, List<LegalHold> holds) {
        return new Row(
                item.participantId(),
                item.caseReference(),
                item.site(),
                item.recordClass() == RecordClass.enrolled ? "Enrolled" : "Never enrolled",
                item.clockFrom(),
                item.closedOn().toString(),
                item.reviewDueOn().toString(),
                "retained_until".equals(item.dueBecause())
                        ? "the day an earlier decision retained it until"
                        : "the policy: " + period(item.policy()) + " after it closed",
                lastDecision(item.lastDecision()),
                item.legalHold(),
                holds.stream()
                        .map(hold -> new Hold(
                                hold.id(), hold.reason(), TIME.format(hold.placedAt()) + " by " + hold.placedBy()))
                        .toList());
    }

    /** P6Y as "6 years"; any other period as ISO-8601 gives it. */
    static String period(String iso) {
        if (iso != null && iso.matches("P\\d+Y")) {
            int years = Integer.parseInt(iso.substring(1, iso.length() - 1));
            return years + (years == 1 ? " year" : " years");
        }
        return iso;
    }

    static String lastDecision(RetentionDecision decision) {
        if (decision == null) {
            return "None";
        }
        String when = " (" + TIME.format(decision.decidedAt()) + ", " + decision.decidedBy() + ")";
        if ("retain".equals(decision.decision())) {
            return "Retained until " + decision.until() + when
                    + (decision.reason() == null ? "" : ": " + decision.reason());
        }
        return "Disposed of" + when;
    }

    public String getToday() {
        return today;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getRefusedId() {
        return refusedId;
    }

    public String getRefusedForm() {
        return refusedForm;
    }
}
