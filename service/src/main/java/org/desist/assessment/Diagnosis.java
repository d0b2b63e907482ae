package org.desist.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A diagnosis as coded in ICD-10 or ICD-11; the code must have the shape of its system. */
public record Diagnosis(
        @NotNull DiagnosisSystem system,
        @Schema(example = "F60.3") @NotBlank @Size(max = 10) String code,

        @Schema(example = "Emotionally unstable personality disorder", nullable = true) @Size(max = 200)
        String label) {}
