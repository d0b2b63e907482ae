package org.desist.refusal;

/** One reason a request was refused, tied to the field (JSON path or parameter name) that caused it. */
public record FieldReason(String field, String reason) {}
