package org.desist.identityprovider;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The subject to link: the value the provider puts in its configured claim ({@code sub} by default). */
public record NewIdentityLink(
        @NotBlank
        @Size(max = 255)
        @Pattern(regexp = "\\S(.*\\S)?", message = "must not begin or end with a space")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters")
        @Schema(description = "The subject the provider names this person by", example = "555042309181")
        String subject) {}
