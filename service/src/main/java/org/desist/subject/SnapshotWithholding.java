package org.desist.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Makes a saved version of a record (its JSON snapshot) fit for the person it is about: the usernames
 * of staff who recorded, amended, closed or moved it become their roles ({@code recordedBy} becomes
 * {@code recordedByRole}, at any depth, so the moves of an onward referral too), and other people's
 * details are left out: the victim's reference, and the names of assessors, facilitators and action
 * owners, which are free text naming people rather than roles.
 */
final class SnapshotWithholding {
    static final Set<String> STAFF = Set.of("recordedBy", "amendedBy", "outcomeRecordedBy", "closedBy", "by");
    static final Set<String> THIRD_PARTY = Set.of("victimRef", "assessor", "facilitator", "owner");

    private final StaffRoles roles;

    SnapshotWithholding(StaffRoles roles) {
        this.roles = roles;
    }

    JsonNode apply(JsonNode snapshot) {
        if (snapshot.isObject()) {
            ObjectNode fit = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = snapshot.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (THIRD_PARTY.contains(name)) {
                    continue;
                }
                if (STAFF.contains(name)) {
                    fit.put(name + "Role", value.isTextual() ? roles.of(value.asText()) : null);
                } else {
                    fit.set(name, apply(value));
                }
            }
            return fit;
        }
        if (snapshot.isArray()) {
            ArrayNode fit = JsonNodeFactory.instance.arrayNode();
            snapshot.forEach(item -> fit.add(apply(item)));
            return fit;
        }
        return snapshot;
    }
}
