package org.desist.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordTable;
import org.jdbi.v3.core.Handle;

/** Incidents as case records: breaches, new allegations, contact with the victim, arrests, charges, convictions. */
public class Incidents implements RecordTable<Incident, NewIncident> {

    @Override
    public String type() {
        return "incident";
    }

    @Override
    public String table() {
        return "incident";
    }

    @Override
    public Class<Incident> recordType() {
        return Incident.class;
    }

    @Override
    public Class<NewIncident> bodyType() {
        return NewIncident.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of("kind", "occurredOn", "source", "details");
    }

    @Override
    public NewIncident body(Incident record) {
        return record.body();
    }

    @Override
    public void check(NewIncident body, CaseContext context) {
        context.happened("occurredOn", body.occurredOn());
    }

    @Override
    public void insert(Handle handle, String id, String participantId, NewIncident body, Instant at, String by) {
        handle.attach(IncidentDao.class).insert(id, participantId, body, at, by);
    }

    @Override
    public int update(Handle handle, String id, int version, NewIncident body, Instant at, String by) {
        return handle.attach(IncidentDao.class).update(id, version, body, at, by);
    }

    @Override
    public Optional<Incident> find(Handle handle, String participantId, String id) {
        return handle.attach(IncidentDao.class).find(participantId, id);
    }

    @Override
    public List<Incident> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        return handle.attach(IncidentDao.class).list(participantId, from, to, limit, offset);
    }
}
