package org.desist.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;

/**
 * JSON merge patch (RFC 7396) onto a record: fields present replace (an object merges into the object it
 * meets, member by member), {@code null} clears, absent fields stay. Only the named fields may change; the
 * merged record is validated as a whole, as a new one is. A patch that breaks a rule is refused as invalid
 * (422), every field at fault named.
 */
public final class MergePatch {
    private final ObjectMapper json;
    private final Validator validator;

    public MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T apply(T current, ObjectNode patch, Class<T> type, Set<String> changeable) {
        List<FieldReason> errors = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!changeable.contains(name)) {
                errors.add(new FieldReason(name, "cannot be changed here"));
            }
        });
        refuseIfAny(errors);
        ObjectNode merged = json.valueToTree(current);
        merge(merged, patch);
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            throw refusal(List.of(UnreadableField.of(e)));
        } catch (JsonProcessingException e) {
            throw refusal(List.of(new FieldReason("body", "is not valid")));
        }
        for (ConstraintViolation<T> violation : validator.validate(result)) {
            errors.add(new FieldReason(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        refuseIfAny(errors);
        return result;
    }

    /** RFC 7396: an object in the patch merges into the object it meets, member by member; anything else replaces. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            JsonNode existing = target.get(member.getKey());
            if (member.getValue() instanceof ObjectNode inner && existing instanceof ObjectNode into) {
                merge(into, inner);
            } else {
                target.set(member.getKey(), member.getValue());
            }
        }
    }

    private static void refuseIfAny(List<FieldReason> errors) {
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
    }

    private static Refusal.Invalid refusal(List<FieldReason> errors) {
        List<FieldReason> sorted =
                errors.stream().sorted(Comparator.comparing(FieldReason::field)).toList();
        String detail = sorted.size() == 1
                ? sorted.get(0).field() + " " + sorted.get(0).reason()
                : sorted.size() + " fields are invalid";
        return new Refusal.Invalid(detail, sorted);
    }
}
