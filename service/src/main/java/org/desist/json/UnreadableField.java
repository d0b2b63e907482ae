package org.desist.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.desist.refusal.FieldReason;

/** The field a JSON document could not be read into, and in words what it should have held. */
public final class UnreadableField {
    private UnreadableField() {}

    public static FieldReason of(JsonMappingException exception) {
        String field = JsonPaths.of(exception.getPath());
        if (exception instanceof UnrecognizedPropertyException) {
            // Jackson's path already ends at the unknown field
            return new FieldReason(orBody(field), "is not a known field");
        }
        if (exception instanceof InvalidFormatException format && format.getTargetType() != null) {
            return new FieldReason(orBody(field), ExpectedValue.describe(format.getTargetType()));
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldReason(orBody(field), ExpectedValue.describe(mismatch.getTargetType()));
        }
        return new FieldReason(orBody(field), "is not valid");
    }

    private static String orBody(String field) {
        return field.isEmpty() ? "body" : field;
    }
}
