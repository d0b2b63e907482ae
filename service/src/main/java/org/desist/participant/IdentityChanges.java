package org.desist.participant;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.desist.errors.FieldError;
import org.desist.errors.JsonProblemMapper;
import org.desist.errors.ProblemException;

/**
 * A JSON merge patch (RFC 7396) of a participant's identity: fields present are replaced, {@code null}
 * clears an optional one, absent fields stay. The merged identity is validated as a whole.
 */
public final class IdentityChanges {
    private static final Set<String> CHANGEABLE = Set.of("givenName", "familyName", "dateOfBirth", "pncId", "nhsNumber");

    private final ObjectMapper json;
    private final Validator validator;

    public IdentityChanges(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Documents the body of PATCH /participants/{id}; every field optional. */
    @Schema(name = "IdentityPatch", description = "Merge patch: send only the fields to change; null clears pncId or nhsNumber")
    public record Shape(String givenName, String familyName, LocalDate dateOfBirth, String pncId, String nhsNumber) {
    }

    public Identity apply(Identity current, ObjectNode patch) {
        List<FieldError> errors = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!CHANGEABLE.contains(name)) {
                errors.add(new FieldError(name, "is not a changeable identity field"));
            }
        });
        refuseIfAny(errors);
        ObjectNode merged = json.valueToTree(current);
        merged.setAll(patch);
        Identity identity;
        try {
            identity = json.treeToValue(merged, Identity.class);
        } catch (JsonMappingException e) {
            throw refusal(List.of(JsonProblemMapper.describe(e)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw refusal(List.of(new FieldError("body", "is not valid")));
        }
        for (ConstraintViolation<Identity> violation : validator.validate(identity)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        refuseIfAny(errors);
        return identity;
    }

    private static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
    }

    private static ProblemException refusal(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = sorted.size() == 1 ? sorted.get(0).field() + " " + sorted.get(0).reason()
                : sorted.size() + " fields are invalid";
        return new ProblemException(422, "Unprocessable Content", detail, sorted);
    }
}
