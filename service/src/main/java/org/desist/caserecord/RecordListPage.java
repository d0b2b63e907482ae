package org.desist.caserecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.desist.auth.User;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** A case's records of one kind that the reader may read, latest first as the API lists them, each openable. */
public final class RecordListPage extends Page {
    private final String caseId;
    private final RecordPageKind kind;
    private final List<Row> rows;
    private final boolean more;

    /** One record in the table: when, what, and whether it was entered in error. */
    public record Row(String id, String date, String what, boolean enteredInError) {}

    RecordListPage(Viewer viewer, String caseId, RecordPageKind kind, List<Row> rows, boolean more) {
        super("records/list.ftlh", viewer, kind.many);
        this.caseId = caseId;
        this.kind = kind;
        this.rows = rows;
        this.more = more;
    }

    static RecordListPage of(
            Viewer viewer,
            User reader,
            String caseId,
            RecordPageKind kind,
            List<? extends CaseRecord> seen,
            int limit,
            ObjectMapper json) {
        List<Row> rows = seen.stream()
                .limit(limit)
                .map(record -> {
                    JsonNode tree = json.valueToTree(record);
                    JsonNode what = tree.path(kind.whatField);
                    return new Row(
                            record.id(),
                            RecordField.text(tree.path(kind.dateField)),
                            what.isNull() && kind.withholds(kind.whatField, reader)
                                    ? "Not shown to your role"
                                    : RecordField.text(what),
                            record.status() == RecordStatus.entered_in_error);
                })
                .toList();
        return new RecordListPage(viewer, caseId, kind, rows, seen.size() > limit);
    }

    public String getCaseId() {
        return caseId;
    }

    public String getKindPath() {
        return kind.path;
    }

    public String getKindName() {
        return kind.one;
    }

    public String getKindPlural() {
        return kind.many;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** True when the case holds more records of the kind than the page lists. */
    public boolean isMore() {
        return more;
    }
}
