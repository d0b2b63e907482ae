package org.desist.attention.atonce;

import org.desist.caserecord.RecordWatch;
import org.desist.desistance.DesistanceReview;
import org.desist.incident.Incident;
import org.desist.session.Session;
import org.desist.victimsafety.VictimSafetyConcern;

/**
 * The rules evaluated at once, in the transaction of the write that raises or clears them (docs/attention.md), one
 * watch per kind of record. Off ({@code attention.evaluateOnWrite: false}) every watch watches nothing: only to
 * measure what the rules cost a write.
 */
public final class AtOnceRules {
    private final boolean on;

    public AtOnceRules(boolean evaluateOnWrite) {
        this.on = evaluateOnWrite;
    }

    public RecordWatch<Incident> incidents() {
        return on ? new IncidentRecorded() : RecordWatch.none();
    }

    public RecordWatch<Session> sessions() {
        return on ? new SessionOutcomes() : RecordWatch.none();
    }

    public RecordWatch<DesistanceReview> desistanceReviews() {
        return on ? new RiskRaised() : RecordWatch.none();
    }

    public RecordWatch<VictimSafetyConcern> victimSafety() {
        return on ? new VictimSafetyRaised() : RecordWatch.none();
    }
}
