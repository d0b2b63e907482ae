package org.desist.victimsafety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordTable;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;

/**
 * Victim-safety concerns as case records. The only link to the victim is the opaque reference a
 * referral of the same case carries: a concern names one of those, or the case's only one by default.
 */
public class VictimSafetyConcerns implements RecordTable<VictimSafetyConcern, NewVictimSafetyConcern> {

    @Override
    public String type() {
        return "victim_safety";
    }

    @Override
    public String table() {
        return "victim_safety_concern";
    }

    @Override
    public Class<VictimSafetyConcern> recordType() {
        return VictimSafetyConcern.class;
    }

    @Override
    public Class<NewVictimSafetyConcern> bodyType() {
        return NewVictimSafetyConcern.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of("raisedOn", "concern", "actionTaken", "victimRef");
    }

    @Override
    public NewVictimSafetyConcern body(VictimSafetyConcern record) {
        return record.body();
    }

    @Override
    public void check(NewVictimSafetyConcern body, CaseContext context) {
        context.happened("raisedOn", body.raisedOn());
    }

    @Override
    public void insert(
            Handle handle, String id, String participantId, NewVictimSafetyConcern body, Instant at, String by) {
        VictimSafetyConcernDao dao = handle.attach(VictimSafetyConcernDao.class);
        dao.insert(id, participantId, body.about(victimOf(dao, participantId, body.victimRef())), at, by);
    }

    @Override
    public int update(Handle handle, String id, int version, NewVictimSafetyConcern body, Instant at, String by) {
        VictimSafetyConcernDao dao = handle.attach(VictimSafetyConcernDao.class);
        String victimRef = victimOf(dao, dao.participantOf(id), body.victimRef());
        return dao.update(id, version, body.about(victimRef), at, by);
    }

    @Override
    public Optional<VictimSafetyConcern> find(Handle handle, String participantId, String id) {
        return handle.attach(VictimSafetyConcernDao.class).find(participantId, id);
    }

    @Override
    public List<VictimSafetyConcern> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        return handle.attach(VictimSafetyConcernDao.class).list(participantId, from, to, limit, offset);
    }

    /** The victim reference the concern is about: the one named, if the case's; else the case's only one. */
    private static String victimOf(VictimSafetyConcernDao dao, String participantId, String named) {
        List<String> known = dao.victimRefs(participantId);
        if (named == null) {
            if (known.size() != 1) {
                throw new Refusal.Invalid(
                        "victimRef",
                        "is required: the case has referrals about " + known.size() + " victims ("
                                + String.join(", ", known) + ")");
            }
            return known.get(0);
        }
        if (!known.contains(named)) {
            throw new Refusal.Invalid("victimRef", "is not the victim reference of any referral of this case");
        }
        return named;
    }
}
