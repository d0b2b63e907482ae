package org.desist.http;

import io.swagger.v3.oas.annotations.media.Schema;

/** One reason a request was refused, tied to the field (JSON path or parameter name) that caused it. */
public record FieldError(
        @Schema(
                description = "The JSON path of the body field, or the name of the parameter or header",
                example = "screening.answers.q3")
        String field,

        @Schema(description = "Why it was refused; for an enum, the allowed values", example = "must not be null")
        String reason) {}
