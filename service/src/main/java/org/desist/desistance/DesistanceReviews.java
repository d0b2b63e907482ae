package org.desist.desistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.access.AccessPolicy;
import org.desist.auth.User;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordTable;
import org.jdbi.v3.core.Handle;

/** Desistance reviews as case records; the narrative is clinical free text, for clinicians only. */
public class DesistanceReviews implements RecordTable<DesistanceReview, NewDesistanceReview> {

    @Override
    public String type() {
        return "desistance_review";
    }

    @Override
    public String table() {
        return "desistance_review";
    }

    @Override
    public Class<DesistanceReview> recordType() {
        return DesistanceReview.class;
    }

    @Override
    public Class<NewDesistanceReview> bodyType() {
        return NewDesistanceReview.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of(
                "reviewedOn", "riskRatings", "fixation", "victimContactSinceLastReview", "engagement", "narrative");
    }

    @Override
    public NewDesistanceReview body(DesistanceReview record) {
        return record.body();
    }

    @Override
    public void check(NewDesistanceReview body, CaseContext context) {
        context.happened("reviewedOn", body.reviewedOn());
    }

    @Override
    public void insert(
            Handle handle, String id, String participantId, NewDesistanceReview body, Instant at, String by) {
        handle.attach(DesistanceReviewDao.class).insert(id, participantId, body, at, by);
    }

    @Override
    public int update(Handle handle, String id, int version, NewDesistanceReview body, Instant at, String by) {
        return handle.attach(DesistanceReviewDao.class).update(id, version, body, at, by);
    }

    @Override
    public Optional<DesistanceReview> find(Handle handle, String participantId, String id) {
        return handle.attach(DesistanceReviewDao.class).find(participantId, id);
    }

    @Override
    public List<DesistanceReview> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        return handle.attach(DesistanceReviewDao.class).list(participantId, from, to, limit, offset);
    }

    @Override
    public DesistanceReview redact(DesistanceReview record, User reader) {
        return AccessPolicy.seesClinicalText(reader) ? record : record.withoutNarrative();
    }
}
