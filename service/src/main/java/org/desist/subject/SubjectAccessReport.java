package org.desist.subject;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.desist.enrolment.EnrolmentState;
import org.desist.participant.Participant;
import org.desist.referral.Priority;
import org.desist.referral.ReferralSource;
import org.desist.referral.ReferralStatus;
import org.desist.referral.TriageDecision;

/**
 * Everything held about one participant, for a subject access request (UK GDPR article 15). Staff
 * appear by role only, and victim references are withheld: they are other people's data.
 */
@Schema(description = "Everything held about a participant. Staff are named by role; victim references are withheld.")
public record SubjectAccessReport(
        Instant generatedAt,
        String withheld,
        Participant participant,
        List<IdentityVersionHeld> identityVersions,
        List<ReferralHeld> referrals,
        List<EnrolmentHeld> enrolments,
        List<AccessHeld> accessLog) {

    public record IdentityVersionHeld(int version, String givenName, String familyName, LocalDate dateOfBirth,
                                      String pncId, String nhsNumber, Instant recordedAt, String recordedByRole) {
    }

    public record ReferralHeld(String id, LocalDate receivedOn, ReferralSource source, String behaviour,
                               String legalStatus, ReferralStatus status, Priority priority, TriageDecision decision,
                               LocalDate reviewedOn, String reviewReason, String reviewedByRole, String createdByRole) {
    }

    public record EnrolmentHeld(String id, String cohortId, EnrolmentState state, LocalDate stateOn,
                                List<StepHeld> history) {
    }

    public record StepHeld(EnrolmentState state, LocalDate on, String reason, String reasonCode, String byRole) {
    }

    public record AccessHeld(Instant at, String role, String action, String resourceType, int status, String purpose) {
    }
}
