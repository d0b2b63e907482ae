package org.desist.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Who the participant is. The NHS number is kept without spaces, the PNC id in capitals without spaces. */
public record Identity(
        @Schema(example = "Daniel") @NotBlank @Size(max = 100)
        String givenName,

        @Schema(example = "Hale") @NotBlank @Size(max = 100) String familyName,
        @Schema(example = "1987-03-14") @NotNull @Past LocalDate dateOfBirth,

        @Schema(example = "2019/0012345A", description = "Police National Computer id", nullable = true)
        @Pattern(regexp = "([0-9]{2}|[0-9]{4})/[0-9]{1,7}[A-Z]", message = "must be a PNC id such as 2019/0012345A")
        String pncId,

        @Schema(example = "9434765919", description = "NHS number (modulus-11 checked)", nullable = true)
        @ValidNhsNumber
        String nhsNumber) {

    public Identity {
        nhsNumber = NhsNumber.normalise(nhsNumber);
        pncId = MatchKey.pnc(pncId);
    }
}
