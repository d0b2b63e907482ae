package org.desist.timeline;

import org.desist.access.Action;
import org.desist.json.ExpectedValue;
import org.desist.refusal.Refusal;

/** The kinds of dated event a case's timeline holds, each readable by the roles that may read its record. */
public enum EventType {
    referral(Action.REFERRAL_READ),
    review(Action.REFERRAL_READ),
    enrolment(Action.ENROLMENT_READ),
    assessment(Action.ASSESSMENT_READ),
    session(Action.SESSION_READ),
    service_referral(Action.SERVICE_REFERRAL_READ),
    plan_action(Action.PLAN_ACTION_READ),
    legal_measure(Action.LEGAL_MEASURE_READ),
    victim_safety(Action.VICTIM_SAFETY_READ),
    desistance_review(Action.DESISTANCE_REVIEW_READ),
    incident(Action.INCIDENT_READ);

    private final Action readAction;

    EventType(Action readAction) {
        this.readAction = readAction;
    }

    public Action readAction() {
        return readAction;
    }

    /**
     * The kind named by a {@code type} query parameter. Jersey does not turn a failed conversion inside a
     * repeatable parameter into a 400, so the resource takes strings and converts them here.
     */
    public static EventType parameter(String value) {
        for (EventType type : values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        throw new Refusal.BadParameter("type", ExpectedValue.describe(EventType.class));
    }
}
