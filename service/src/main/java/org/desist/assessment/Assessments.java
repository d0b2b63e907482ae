package org.desist.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.access.AccessPolicy;
import org.desist.auth.User;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordTable;
import org.desist.refusal.Refusal;
import org.desist.risk.RiskRatings;
import org.jdbi.v3.core.Handle;

/**
 * Assessments as case records. Health detail (stalker type, diagnoses, substance misuse) is for
 * clinicians and probation; the formulation for clinicians only; the risk ratings for every reader.
 */
public class Assessments implements RecordTable<Assessment, NewAssessment> {
    private static final TypeReference<List<Diagnosis>> DIAGNOSES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final ObjectMapper json;

    public Assessments(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String type() {
        return "assessment";
    }

    @Override
    public String table() {
        return "assessment";
    }

    @Override
    public Class<Assessment> recordType() {
        return Assessment.class;
    }

    @Override
    public Class<NewAssessment> bodyType() {
        return NewAssessment.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of(
                "kind",
                "assessedOn",
                "assessor",
                "instrument",
                "riskRatings",
                "overallRisk",
                "stalkerType",
                "relationship",
                "diagnoses",
                "substanceMisuse",
                "formulation");
    }

    @Override
    public NewAssessment body(Assessment record) {
        return record.body();
    }

    @Override
    public void check(NewAssessment body, CaseContext context) {
        body.riskRatings().requireAll("riskRatings");
        context.happened("assessedOn", body.assessedOn());
        for (int i = 0; i < body.diagnoses().size(); i++) {
            Diagnosis diagnosis = body.diagnoses().get(i);
            if (!diagnosis.system().fits(diagnosis.code())) {
                throw new Refusal.Invalid(
                        "diagnoses[" + i + "].code", diagnosis.system().expectation());
            }
        }
    }

    @Override
    public void insert(Handle handle, String id, String participantId, NewAssessment body, Instant at, String by) {
        handle.attach(AssessmentDao.class)
                .insert(
                        id,
                        participantId,
                        body,
                        body.riskRatings(),
                        write(body.diagnoses()),
                        write(body.substanceMisuse()),
                        at,
                        by);
    }

    @Override
    public int update(Handle handle, String id, int version, NewAssessment body, Instant at, String by) {
        return handle.attach(AssessmentDao.class)
                .update(
                        id,
                        version,
                        body,
                        body.riskRatings(),
                        write(body.diagnoses()),
                        write(body.substanceMisuse()),
                        at,
                        by);
    }

    @Override
    public Optional<Assessment> find(Handle handle, String participantId, String id) {
        return handle.attach(AssessmentDao.class).find(participantId, id).map(this::toRecord);
    }

    @Override
    public List<Assessment> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        return handle.attach(AssessmentDao.class).list(participantId, from, to, limit, offset).stream()
                .map(this::toRecord)
                .toList();
    }

    @Override
    public Assessment redact(Assessment record, User reader) {
        Assessment seen = record;
        if (!AccessPolicy.seesHealthDetail(reader)) {
            seen = seen.withoutHealthDetail();
        }
        if (!AccessPolicy.seesClinicalText(reader)) {
            seen = seen.withoutClinicalText();
        }
        return seen;
    }

    private Assessment toRecord(AssessmentRow row) {
        return new Assessment(
                row.id(),
                row.participantId(),
                row.kind(),
                row.assessedOn(),
                row.assessor(),
                row.instrument(),
                new RiskRatings(
                        row.riskViolence(), row.riskPersistence(), row.riskRecurrence(), row.riskPsychosocialDamage()),
                row.overallRisk(),
                row.stalkerType(),
                row.relationship(),
                read(row.diagnoses(), DIAGNOSES),
                read(row.substanceMisuse(), STRINGS),
                row.formulation(),
                row.status(),
                row.errorReason(),
                row.version(),
                row.recordedAt(),
                row.recordedBy(),
                row.amendedAt(),
                row.amendedBy());
    }

    private String write(List<?> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an assessment's list as JSON", e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable list in an assessment row", e);
        }
    }
}
