package org.desist.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem details body, with the fields at fault listed in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @Schema(description = "The fields at fault, each with the reason") List<FieldError> errors,
        @Schema(description = "For server errors only: the id under which the incident was logged") String incidentId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
