package org.desist.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.http.Problems;
import org.desist.http.RequestProblemMapper;
import org.desist.json.UnreadableField;
import org.desist.refusal.FieldReason;

/**
 * A submitted form read as the API reads a JSON body: the same request types, the same bean validation, the
 * same field names in the errors (a form's inputs are named by the body's JSON paths: {@code participant.nhsNumber}).
 * Text is text, so "3" may be read as a number and "true" as a boolean; an empty input is an absent field; an
 * input sent several times (checkboxes) is a list.
 */
public class FormBinding {
    /** Inputs every form carries that are not part of the request: the CSRF token. */
    private static final Set<String> NOT_FIELDS = Set.of(FormTokenFilter.FIELD);

    private final ObjectMapper forms;
    private final Validator validator;

    public FormBinding(ObjectMapper json, Validator validator) {
        this.forms = json.copy()
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        this.validator = validator;
    }

    /** The form as the request type, valid; otherwise a {@link FormRejected} with the API's 422 field errors. */
    public <T> T read(MultivaluedMap<String, String> form, Class<T> type) {
        T value;
        try {
            value = forms.treeToValue(tree(form), type);
        } catch (JsonMappingException e) {
            FieldReason field = UnreadableField.of(e);
            throw new FormRejected(List.of(new FieldError(field.field(), field.reason())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FormRejected(List.of(new FieldError("form", "could not be read")));
        }
        List<FieldError> violations = violations(value);
        if (!violations.isEmpty()) {
            throw new FormRejected(violations);
        }
        return value;
    }

    /** What bean validation finds wrong with a value, each field named as the API names it; empty when valid. */
    public <T> List<FieldError> violations(T value) {
        Set<ConstraintViolation<T>> found = validator.validate(value);
        return found.stream()
                .map(v -> new FieldError(RequestProblemMapper.bodyField(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
                .toList();
    }

    /** The inputs as the JSON body they stand for: dotted names nest, blanks are left out. */
    ObjectNode tree(MultivaluedMap<String, String> form) {
        ObjectNode root = forms.createObjectNode();
        for (Map.Entry<String, List<String>> input : form.entrySet()) {
            if (NOT_FIELDS.contains(input.getKey())) {
                continue;
            }
            List<String> values = input.getValue().stream()
                    .filter(value -> value != null && !value.isBlank())
                    .toList();
            if (values.isEmpty()) {
                continue;
            }
            String[] path = input.getKey().split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            String name = path[path.length - 1];
            if (values.size() == 1) {
                parent.put(name, values.get(0).strip());
            } else {
                ArrayNode list = parent.putArray(name);
                values.forEach(value -> list.add(value.strip()));
            }
        }
        return root;
    }

    /** A form the API would have answered 422: its field errors, for the error summary and beside each input. */
    public static final class FormRejected extends RuntimeException {
        private final transient List<FieldError> errors;

        public FormRejected(List<FieldError> errors) {
            super(
                    errors.size() == 1
                            ? errors.get(0).field() + " " + errors.get(0).reason()
                            : "fields are invalid");
            this.errors = List.copyOf(errors);
        }

        public Problem problem() {
            return new Problem("about:blank", Problems.title(422), 422, getMessage(), errors, null);
        }
    }
}
