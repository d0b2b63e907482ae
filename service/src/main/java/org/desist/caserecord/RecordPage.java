package org.desist.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.desist.auth.User;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** One case record as its reader may read it through the API: its fields, then who recorded it and when. */
public final class RecordPage extends Page {
    /** Shown under "About this record" rather than among the record's own fields. */
    static final Set<String> ABOUT = Set.of(
            "id",
            "participantId",
            "status",
            "errorReason",
            "version",
            "recordedAt",
            "recordedBy",
            "amendedAt",
            "amendedBy");

    private final String caseId;
    private final RecordPageKind kind;
    private final JsonNode record;
    private final List<RecordField> fields;

    RecordPage(Viewer viewer, String caseId, RecordPageKind kind, JsonNode record, List<RecordField> fields) {
        super("records/record.ftlh", viewer, kind.one);
        this.caseId = caseId;
        this.kind = kind;
        this.record = record;
        this.fields = fields;
    }

    /** The record's fields in the API's order; a field the service withholds from this reader says so. */
    static RecordPage of(
            Viewer viewer, User reader, String caseId, RecordPageKind kind, CaseRecord seen, ObjectMapper json) {
        JsonNode record = json.valueToTree(seen);
        List<RecordField> fields = new ArrayList<>();
        record.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (ABOUT.contains(name)) {
                return;
            }
            if (field.getValue().isNull() && kind.withholds(name, reader)) {
                fields.add(RecordField.withheld(name));
            } else {
                fields.add(RecordField.of(name, field.getValue()));
            }
        });
        return new RecordPage(viewer, caseId, kind, record, fields);
    }

    public String getCaseId() {
        return caseId;
    }

    public String getKindName() {
        return kind.one;
    }

    public String getKindPath() {
        return kind.path;
    }

    public String getKindPlural() {
        return kind.many;
    }

    public List<RecordField> getFields() {
        return fields;
    }

    public boolean isEnteredInError() {
        return "entered_in_error".equals(record.path("status").asText());
    }

    public String getErrorReason() {
        return record.path("errorReason").asText("");
    }

    public int getVersion() {
        return record.path("version").asInt();
    }

    public String getRecordedBy() {
        return record.path("recordedBy").asText("");
    }

    public String getRecordedAt() {
        return RecordField.text(record.path("recordedAt"));
    }

    /** Empty when the record was never amended. */
    public String getAmendedBy() {
        return record.path("amendedBy").asText("");
    }

    public String getAmendedAt() {
        return RecordField.text(record.path("amendedAt"));
    }
}
