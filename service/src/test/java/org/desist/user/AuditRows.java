package org.desist.user;

import java.util.List;
import java.util.Map;
import org.desist.support.TestDatabase;

/** The audit rows about one account, read straight from the database (not through the scoped API). */
final class AuditRows {
    private AuditRows() {}

    static List<Map<String, Object>> about(TestDatabase database, String username) {
        return database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT username, role, action, resource_type,"
                        + " resource_id, status, request_id, client_address FROM audit_event"
                        + " WHERE resource_type = 'account' AND resource_id = :username ORDER BY seq")
                .bind("username", username)
                .mapToMap()
                .list()
                .stream()
                .map(row -> {
                    Map<String, Object> copy = new java.util.HashMap<>(row);
                    // the status column comes back as Integer on SQLite and PostgreSQL alike, but be sure
                    copy.put("status", ((Number) row.get("status")).intValue());
                    return (Map<String, Object>) copy;
                })
                .toList());
    }
}
