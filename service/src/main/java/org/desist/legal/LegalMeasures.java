package org.desist.legal;

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
 * Legal measures as case records. Unlike most records their dates are not held to the referral: an
 * order may have been made before the case reached the programme, and may run on into the future.
 * Nothing in them is clinical, so every reader sees them whole.
 */
public class LegalMeasures implements RecordTable<LegalMeasure, NewLegalMeasure> {

    @Override
    public String type() {
        return "legal_measure";
    }

    @Override
    public String table() {
        return "legal_measure";
    }

    @Override
    public Class<LegalMeasure> recordType() {
        return LegalMeasure.class;
    }

    @Override
    public Class<NewLegalMeasure> bodyType() {
        return NewLegalMeasure.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of("kind", "from", "until", "conditions");
    }

    @Override
    public NewLegalMeasure body(LegalMeasure record) {
        return record.body();
    }

    @Override
    public void check(NewLegalMeasure body, CaseContext context) {
        if (body.until() != null && body.until().isBefore(body.from())) {
            throw new Refusal.Invalid("until", "must not be before from (" + body.from() + ")");
        }
    }

    @Override
    public void insert(Handle handle, String id, String participantId, NewLegalMeasure body, Instant at, String by) {
        handle.attach(LegalMeasureDao.class).insert(id, participantId, body, at, by);
    }

    @Override
    public int update(Handle handle, String id, int version, NewLegalMeasure body, Instant at, String by) {
        return handle.attach(LegalMeasureDao.class).update(id, version, body, at, by);
    }

    @Override
    public Optional<LegalMeasure> find(Handle handle, String participantId, String id) {
        return handle.attach(LegalMeasureDao.class).find(participantId, id);
    }

    @Override
    public List<LegalMeasure> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        return handle.attach(LegalMeasureDao.class).list(participantId, from, to, limit, offset);
    }
}
