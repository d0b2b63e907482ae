package org.desist.site;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewSite(
        @Schema(example = "STAC", description = "Short upper-case code; starts every case reference of the site")
        @NotNull
        @Pattern(
                regexp = "[A-Z][A-Z0-9]{1,9}",
                message = "must be 2-10 upper-case letters or digits, starting with a letter")
        String code,

        @Schema(example = "London Stalking Threat Assessment Centre") @NotBlank @Size(max = 200)
        String name,

        @NotNull Model model) {}
