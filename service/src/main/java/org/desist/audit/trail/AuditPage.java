package org.desist.audit.trail;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditRecord;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The audit log's filters and one page of its rows, newest first, with the address of the next page. */
public final class AuditPage extends Page {
    /** A row as the table shows it. */
    public record Row(
            String at,
            String username,
            String role,
            String action,
            String resource,
            String participantId,
            int status,
            String clientAddress) {}

    /** The log keeps microseconds; a reader needs the second. */
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final MultivaluedMap<String, String> filters;
    private List<Row> rows = List.of();
    private boolean searched;
    private String next;

    AuditPage(Viewer viewer, MultivaluedMap<String, String> filters) {
        super("admin/audit.ftlh", viewer, "Audit log");
        this.filters = filters;
        withValues(filters);
    }

    /** {@code found} as the service gives it: one row more than a page says another page follows. */
    AuditPage showing(List<AuditRecord> found, int pageSize) {
        searched = true;
        List<AuditRecord> page = found.size() > pageSize ? found.subList(0, pageSize) : found;
        rows = page.stream().map(AuditPage::row).toList();
        if (found.size() > pageSize) {
            StringBuilder link = new StringBuilder("/admin/audit?");
            filters.forEach((name, values) -> values.forEach(value -> link.append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('&')));
            next = link.append("before=")
                    .append(page.get(page.size() - 1).seq())
                    .toString();
        }
        return this;
    }

    private static Row row(AuditRecord record) {
        String resource = record.resourceType() + (record.resourceId() == null ? "" : " " + record.resourceId());
        return new Row(
                SECONDS.format(record.at()),
                record.username(),
                record.role(),
                record.action().name().replace('_', ' '),
                resource,
                record.participantId() == null ? "" : record.participantId(),
                record.status(),
                record.clientAddress() == null ? "" : record.clientAddress());
    }

    /** For the action select: every action the log records, in words. */
    public List<Map<String, String>> getActions() {
        return Arrays.stream(AuditAction.values())
                .map(action ->
                        Map.of("value", action.name(), "label", action.name().replace('_', ' ')))
                .toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isSearched() {
        return searched;
    }

    /** The next page's address, or null on the last. */
    public String getNext() {
        return next;
    }
}
