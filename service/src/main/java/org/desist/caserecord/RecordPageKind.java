package org.desist.caserecord;

import java.util.Map;
import java.util.Optional;
import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.auth.User;

/**
 * The kinds of case record as the pages name them: the path segment under {@code /cases/{id}/records}, the
 * words a page uses, the API action that reads them, the fields a list shows, and which fields the service
 * withholds from some readers (so that a withheld field reads "Not shown to your role", never as empty).
 */
public enum RecordPageKind {
    SESSIONS(
            "sessions",
            "Session",
            "Sessions",
            Action.SESSION_READ,
            "scheduledAt",
            "kind",
            Map.of("notes", Sight.CLINICAL)),
    ASSESSMENTS(
            "assessments",
            "Assessment",
            "Assessments",
            Action.ASSESSMENT_READ,
            "assessedOn",
            "kind",
            Map.of(
                    "formulation", Sight.CLINICAL,
                    "stalkerType", Sight.HEALTH,
                    "diagnoses", Sight.HEALTH,
                    "substanceMisuse", Sight.HEALTH)),
    SERVICE_REFERRALS(
            "service-referrals",
            "Onward referral",
            "Onward referrals",
            Action.SERVICE_REFERRAL_READ,
            "madeOn",
            "state",
            Map.of(
                    "service", Sight.HEALTH,
                    "kind", Sight.HEALTH,
                    "provider", Sight.HEALTH,
                    "reason", Sight.HEALTH)),
    PLAN_ACTIONS(
            "risk-plan-actions",
            "Risk plan action",
            "Risk plan actions",
            Action.PLAN_ACTION_READ,
            "dueOn",
            "action",
            Map.of()),
    LEGAL_MEASURES(
            "legal-measures", "Legal measure", "Legal measures", Action.LEGAL_MEASURE_READ, "from", "kind", Map.of()),
    VICTIM_SAFETY(
            "victim-safety",
            "Victim-safety concern",
            "Victim-safety concerns",
            Action.VICTIM_SAFETY_READ,
            "raisedOn",
            "concern",
            Map.of()),
    DESISTANCE_REVIEWS(
            "desistance-reviews",
            "Desistance review",
            "Desistance reviews",
            Action.DESISTANCE_REVIEW_READ,
            "reviewedOn",
            "fixation",
            Map.of("narrative", Sight.CLINICAL)),
    INCIDENTS("incidents", "Incident", "Incidents", Action.INCIDENT_READ, "occurredOn", "kind", Map.of());

    /** What a reader must be allowed to see for the service to return a field. */
    enum Sight {
        CLINICAL,
        HEALTH;

        boolean seenBy(User user) {
            return this == CLINICAL ? AccessPolicy.seesClinicalText(user) : AccessPolicy.seesHealthDetail(user);
        }
    }

    public final String path;
    public final String one;
    public final String many;
    public final Action read;
    final String dateField;
    final String whatField;
    private final Map<String, Sight> withheld;

    RecordPageKind(
            String path,
            String one,
            String many,
            Action read,
            String dateField,
            String whatField,
            Map<String, Sight> withheld) {
        this.path = path;
        this.one = one;
        this.many = many;
        this.read = read;
        this.dateField = dateField;
        this.whatField = whatField;
        this.withheld = withheld;
    }

    /** True when the service returns this field as null to this reader whatever was written. */
    boolean withholds(String field, User reader) {
        Sight sight = withheld.get(field);
        return sight != null && !sight.seenBy(reader);
    }

    public static Optional<RecordPageKind> of(String path) {
        for (RecordPageKind kind : values()) {
            if (kind.path.equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
