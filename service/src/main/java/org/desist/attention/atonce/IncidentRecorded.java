package org.desist.attention.atonce;

import java.time.Instant;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.caserecord.RecordStatus;
import org.desist.caserecord.RecordWatch;
import org.desist.incident.Incident;
import org.jdbi.v3.core.Handle;

/** incident_recorded: any incident, at once; its alert goes when the incident is entered in error. */
final class IncidentRecorded implements RecordWatch<Incident> {
    static final String TYPE = "incident";

    @Override
    public void created(Handle handle, Incident incident, Instant now) {
        if (incident.status() == RecordStatus.active) {
            Alerts.raise(
                    handle,
                    incident.participantId(),
                    Rule.incident_recorded,
                    new Alerts.Cause(TYPE, incident.id(), incident.occurredOn()),
                    now);
        }
    }

    @Override
    public void enteredInError(Handle handle, Incident incident, Instant now) {
        Alerts.clearIfAbout(
                handle, incident.participantId(), Rule.incident_recorded, incident.id(), Cleared.ENTERED_IN_ERROR, now);
    }
}
