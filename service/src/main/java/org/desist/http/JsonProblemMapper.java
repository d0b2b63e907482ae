package org.desist.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.desist.json.UnreadableField;
import org.desist.refusal.FieldReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bodies Jackson could not read. Malformed JSON is 400; well-formed JSON with a field of the wrong
 * type, an unknown enum value or an unknown field is 422 naming that field. Jackson's own messages
 * are never echoed: they can quote the input.
 */
public class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonProblemMapper.class);

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof StreamConstraintsException) {
            // a body beyond the parser's bounds (DesistApplication.configureJson): hostile or broken, never a 500
            return Problems.response(
                    400,
                    "The request body is nested too deeply or holds a number or field name" + " too long to read",
                    List.of());
        }
        if (exception instanceof StreamReadException) {
            return Problems.response(400, "The request body is not well-formed JSON", List.of());
        }
        if (exception instanceof JsonMappingException mapping) {
            FieldError error = describe(mapping);
            return Problems.response(422, error.field() + " " + error.reason(), List.of(error));
        }
        LOG.warn("Unreadable request body: {}", exception.getClass().getName());
        return Problems.response(400, "The request body could not be read", List.of());
    }

    private static FieldError describe(JsonMappingException exception) {
        FieldReason field = UnreadableField.of(exception);
        return new FieldError(field.field(), field.reason());
    }
}
