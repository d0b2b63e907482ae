package org.desist.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.desist.caserecord.RecordVersionDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The clinical record of a participant for a subject access report: every record of every kind,
 * entered in error or not, each with every version that was saved of it, as withheld by
 * {@link SnapshotWithholding}.
 */
final class ClinicalRecords {
    private final Jdbi jdbi;
    private final ObjectMapper json;

    ClinicalRecords(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    Map<ClinicalPart, List<SubjectAccessReport.RecordHeld>> of(String participantId, StaffRoles roles) {
        SnapshotWithholding withholding = new SnapshotWithholding(roles);
        return jdbi.inTransaction(handle -> {
            Map<ClinicalPart, List<SubjectAccessReport.RecordHeld>> parts = new EnumMap<>(ClinicalPart.class);
            for (ClinicalPart part : ClinicalPart.values()) {
                parts.put(part, records(handle, part, participantId, roles, withholding));
            }
            return parts;
        });
    }

    private List<SubjectAccessReport.RecordHeld> records(
            Handle handle, ClinicalPart part, String participantId, StaffRoles roles, SnapshotWithholding withholding) {
        RecordVersionDao versions = handle.attach(RecordVersionDao.class);
        // the table name comes from the enum, never from a request
        return handle
                .createQuery("SELECT id, status FROM " + part.table()
                        + " WHERE participant_id = :p ORDER BY recorded_at, id")
                .bind("p", participantId)
                .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("status")})
                .list()
                .stream()
                .map(row -> new SubjectAccessReport.RecordHeld(
                        row[0],
                        row[1],
                        versions.versions(part.recordType(), row[0]).stream()
                                .map(version -> new SubjectAccessReport.VersionHeld(
                                        version.version(),
                                        version.recordedAt(),
                                        roles.of(version.recordedBy()),
                                        version.reason(),
                                        withholding.apply(parse(version.snapshot()))))
                                .toList()))
                .toList();
    }

    private JsonNode parse(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable record snapshot", e);
        }
    }
}
