package org.desist.errors;

/** One reason a request was refused, tied to the field (JSON path or parameter name) that caused it. */
public record FieldError(String field, String reason) {
}
