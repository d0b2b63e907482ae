package org.desist.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;

/**
 * An assessment as recorded, and as amended. The structured part (ratings, type, relationship) is
 * what figures and summaries use; the formulation is the clinician's free text. Absent lists are
 * taken as empty.
 */
public record NewAssessment(
        @NotNull AssessmentKind kind,
        @Schema(example = "2026-02-20") @NotNull LocalDate assessedOn,

        @Schema(example = "Dr A. Mensah, consultant forensic psychiatrist") @NotBlank @Size(max = 200)
        String assessor,

        @NotNull Instrument instrument,
        @NotNull RiskRatings riskRatings,
        @NotNull RiskRating overallRisk,
        @Schema(nullable = true) StalkerType stalkerType,
        @Schema(nullable = true) Relationship relationship,
        @Size(max = 20) List<@NotNull @Valid Diagnosis> diagnoses,

        @Schema(example = "[\"alcohol\", \"cannabis\"]") @Size(max = 20)
        List<@NotBlank @Size(max = 50) String> substanceMisuse,

        @Schema(nullable = true, example = "Rejected ex-partner; fixation sustained by rumination and alcohol use")
        @Size(max = 20000)
        String formulation) {

    public NewAssessment {
        diagnoses = diagnoses == null ? List.of() : diagnoses;
        substanceMisuse = substanceMisuse == null ? List.of() : substanceMisuse;
    }
}
