package org.desist.subject;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.desist.enrolment.EnrolmentState;
import org.desist.participant.Participant;
import org.desist.referral.Priority;
import org.desist.referral.ReferralSource;
import org.desist.referral.ReferralStatus;
import org.desist.referral.Screening;
import org.desist.referral.TriageDecision;

/**
 * Everything held about one participant, for a subject access request (UK GDPR article 15). Staff
 * appear by role only, and victim references are withheld: they are other people's data. Every
 * clinical record comes with every version saved of it, records entered in error included.
 */
@Schema(description = "Everything held about a participant. Staff are named by role; victim references are withheld.")
public record SubjectAccessReport(
        Instant generatedAt,
        String withheld,
        Participant participant,

        @Schema(
                description = "Every version of the identity, then those of any participant merged into this one"
                        + " (the same person entered twice), each list oldest first")
        List<IdentityVersionHeld> identityVersions,

        @Schema(
                description = "Decisions about who the person is, oldest first: taken in as a new person despite a"
                        + " namesake (confirmed_new_person), another record of them merged into this one (merged); each with"
                        + " the reason given")
        List<IdentityDecisionHeld> identityDecisions,

        List<ReferralHeld> referrals,
        List<EnrolmentHeld> enrolments,
        List<RecordHeld> assessments,
        List<RecordHeld> sessions,

        @Schema(description = "Onward referrals; each version carries the moves made so far")
        List<RecordHeld> serviceReferrals,

        @Schema(description = "Actions of the risk management plan")
        List<RecordHeld> planActions,

        List<RecordHeld> legalMeasures,

        @Schema(description = "Without the victim's reference")
        List<RecordHeld> victimSafetyConcerns,

        List<RecordHeld> desistanceReviews,
        List<RecordHeld> incidents,
        List<AccessHeld> accessLog) {

    public record IdentityVersionHeld(
            int version,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String pncId,
            String nhsNumber,
            Instant recordedAt,
            String recordedByRole) {}

    public record IdentityDecisionHeld(String decision, Instant at, String byRole, String reason) {}

    public record ReferralHeld(
            String id,
            LocalDate receivedOn,
            ReferralSource source,
            String behaviour,
            String legalStatus,
            ReferralStatus status,
            Priority priority,
            TriageDecision decision,
            LocalDate reviewedOn,
            String reviewReason,
            String reviewedByRole,
            String createdByRole,

            @Schema(nullable = true, description = "The screening answered at the review, if any")
            Screening screening) {}

    public record EnrolmentHeld(
            String id, String cohortId, EnrolmentState state, LocalDate stateOn, List<StepHeld> history) {}

    public record StepHeld(EnrolmentState state, LocalDate on, String reason, String reasonCode, String byRole) {}

    /** One clinical record: its id, its status now (active or entered_in_error), and every version, oldest first. */
    public record RecordHeld(String id, String status, List<VersionHeld> versions) {}

    /**
     * One saved version of a record: the record as it then stood, with staff named by role
     * ({@code recordedByRole}, {@code amendedByRole}, ...) and third parties' details left out.
     */
    public record VersionHeld(
            int version,
            Instant recordedAt,
            String recordedByRole,

            @Schema(nullable = true, description = "Why the record was amended")
            String reason,

            @Schema(type = "object") JsonNode record) {}

    public record AccessHeld(Instant at, String role, String action, String resourceType, int status, String purpose) {}
}
