package org.desist.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.desist.participant.Identity;

/**
 * A referral coming in: for a new participant ({@code participant}) or a known one ({@code participantId}). A new
 * participant matching a known one by name and date of birth needs {@code confirmedNewPerson} and its reason.
 */
public record NewReferral(
        @Schema(example = "STAC") @NotBlank String siteCode,

        @Schema(example = "2026-02-01") @NotNull @PastOrPresent
        LocalDate receivedOn,

        @NotNull ReferralSource source,

        @Schema(example = "DC 4521 Patel, Met Police stalking unit") @NotBlank @Size(max = 200)
        String referrer,

        @Schema(example = "Repeated unwanted messages and following the victim to work over six months")
        @NotBlank
        @Size(max = 4000)
        String behaviour,

        @Schema(
                example = "VA-2026-0147",
                description =
                        "The advocacy service's reference for the victim. Never a name or address: letters, digits, '/', '_' and '-' only.")
        @NotNull
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9/_-]{1,39}",
                message =
                        "must be an opaque reference (2-40 letters, digits, '/', '_' or '-'), never the victim's identity")
        String victimRef,

        @Schema(example = "Released under investigation; non-molestation order in force") @NotBlank @Size(max = 500)
        String legalStatus,

        @Schema(
                description = "A person new to the programme; send either this or `participantId`. An NHS number or"
                        + " PNC id another live participant holds is 409 naming the field (with that participant in `matches`"
                        + " when the caller may see its site); the same name (case, spacing and accents ignored, either way"
                        + " round) and date of birth as a live participant is 409 listing the candidates the caller may see,"
                        + " unless `confirmedNewPerson` is true.",
                nullable = true)
        @Valid
        Identity participant,

        @Schema(
                description = "A participant already known, instead of `participant`: of a site the caller covers"
                        + " (the referral is taken at `siteCode`, which the caller must also cover)",
                nullable = true,
                example = "0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90")
        String participantId,

        @Schema(
                description = "With `participant` only: true when the referrer has checked that the person is not the"
                        + " participant already known by the same name and date of birth. Audited, with the reason.",
                nullable = true,
                example = "false")
        Boolean confirmedNewPerson,

        @Schema(
                description = "Why the person is not the one already known (required with `confirmedNewPerson`)",
                nullable = true,
                maxLength = 500,
                example = "Different address history; police confirm a different PNC record")
        @Size(max = 500)
        String confirmedNewPersonReason) {

    public boolean confirmsNewPerson() {
        return Boolean.TRUE.equals(confirmedNewPerson);
    }
}
