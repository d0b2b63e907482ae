package org.desist.attention.atonce;

import java.time.Instant;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.caserecord.RecordStatus;
import org.desist.caserecord.RecordWatch;
import org.desist.victimsafety.VictimSafetyConcern;
import org.jdbi.v3.core.Handle;

/** victim_safety_concern: any concern recorded, at once; its alert goes when the concern is entered in error. */
final class VictimSafetyRaised implements RecordWatch<VictimSafetyConcern> {
    static final String TYPE = "victim_safety";

    @Override
    public void created(Handle handle, VictimSafetyConcern concern, Instant now) {
        if (concern.status() == RecordStatus.active) {
            Alerts.raise(
                    handle,
                    concern.participantId(),
                    Rule.victim_safety_concern,
                    new Alerts.Cause(TYPE, concern.id(), concern.raisedOn()),
                    now);
        }
    }

    @Override
    public void enteredInError(Handle handle, VictimSafetyConcern concern, Instant now) {
        Alerts.clearIfAbout(
                handle,
                concern.participantId(),
                Rule.victim_safety_concern,
                concern.id(),
                Cleared.ENTERED_IN_ERROR,
                now);
    }
}
