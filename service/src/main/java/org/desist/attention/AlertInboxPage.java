package org.desist.attention;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The inbox: the viewer's alerts in one state, each with what to show and, while open, its acknowledgement form. */
public final class AlertInboxPage extends Page {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneOffset.UTC);

    /** What each rule says happened, in words: no more than the alert holds. */
    static final Map<Rule, String> SAID = Map.of(
            Rule.incident_recorded, "An incident was recorded",
            Rule.session_concern, "A session raised a concern",
            Rule.consecutive_did_not_attend, "Two sessions in a row were missed",
            Rule.no_attended_session, "No session attended for 21 days",
            Rule.risk_raised, "A desistance review raised the risk",
            Rule.plan_action_overdue, "A risk plan action is overdue",
            Rule.legal_measure_ending, "A legal measure ends within 14 days",
            Rule.victim_safety_concern, "A victim-safety concern was recorded",
            Rule.referral_awaiting_review, "A referral is waiting for the daily review",
            Rule.onward_referral_stalled, "An onward referral has not moved for 28 days");

    /** One alert as a row: the words, the case, the dates, and the link to the record where the viewer may read it. */
    public record Row(
            String id,
            String said,
            String caseRef,
            String caseHref,
            String on,
            String raised,
            String recordHref,
            String state,
            String acknowledged,
            String note,
            String cleared,
            boolean open) {}

    private final AlertState state;
    private final List<Row> rows;
    private final String next;
    private final String previous;
    private final String refusedId;

    AlertInboxPage(
            Viewer viewer, AlertState state, List<Alert> alerts, String previous, String next, String refusedId) {
        super("alerts/inbox.ftlh", viewer, "Your alerts");
        this.state = state;
        this.rows = alerts.stream().map(AlertInboxPage::row).toList();
        this.previous = previous;
        this.next = next;
        this.refusedId = refusedId;
    }

    public static Row row(Alert alert) {
        return new Row(
                alert.id(),
                SAID.get(alert.rule()),
                alert.caseRef(),
                "/cases/" + alert.participantId(),
                alert.occurredOn() == null ? "" : DAY.format(alert.occurredOn()),
                TIME.format(alert.raisedAt()),
                recordHref(alert),
                alert.state().name(),
                alert.acknowledgedAt() == null ? null : TIME.format(alert.acknowledgedAt()),
                alert.acknowledgement(),
                alert.clearedAt() == null ? null : TIME.format(alert.clearedAt()),
                alert.state() == AlertState.open);
    }

    /** The record's page on the case, when the alert carries its id (the viewer may read that kind). */
    static String recordHref(Alert alert) {
        if (alert.recordId() == null || alert.recordType() == null) {
            return null;
        }
        String kind =
                switch (alert.recordType()) {
                    case "incident" -> "incidents";
                    case "session" -> "sessions";
                    case "desistance_review" -> "desistance-reviews";
                    case "victim_safety" -> "victim-safety";
                    case "plan_action" -> "risk-plan-actions";
                    case "legal_measure" -> "legal-measures";
                    case "service_referral" -> "service-referrals";
                    default -> null;
                };
        return kind == null ? null : "/cases/" + alert.participantId() + "/records/" + kind + "/" + alert.recordId();
    }

    public String getState() {
        return state.name();
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getNext() {
        return next;
    }

    public String getPrevious() {
        return previous;
    }

    public String getRefusedId() {
        return refusedId;
    }
}
