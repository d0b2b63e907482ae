package org.desist.subject;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.desist.access.Caller;
import org.desist.audit.AuditDao;
import org.desist.audit.AuditLog;
import org.desist.auth.Credentials;
import org.desist.auth.User;
import org.desist.enrolment.EnrolmentService;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.referral.ReferralDao;
import org.jdbi.v3.core.Jdbi;

/** Assembles a subject access report; later records of the case join it here. */
public class SubjectAccess {
    static final String WITHHELD = "Staff names are replaced by their roles; victim references and referrers'"
            + " names are withheld as third-party data.";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;
    private final EnrolmentService enrolments;

    public SubjectAccess(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants,
                         EnrolmentService enrolments) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
        this.enrolments = enrolments;
    }

    public SubjectAccessReport assemble(Caller caller, String participantId) {
        Participant participant = participants.visible(caller, participantId);
        Map<String, String> roles = new HashMap<>();
        StaffRole roleOf = username -> roles.computeIfAbsent(username, this::roleLabel);

        var versions = participants.versions(participantId).stream()
                .map(v -> new SubjectAccessReport.IdentityVersionHeld(v.version(), v.givenName(), v.familyName(),
                        v.dateOfBirth(), v.pncId(), v.nhsNumber(), v.recordedAt(), roleOf.of(v.recordedBy())))
                .toList();
        var referrals = jdbi.withExtension(ReferralDao.class, dao -> dao.ofParticipant(participantId)).stream()
                .map(r -> new SubjectAccessReport.ReferralHeld(r.id(), r.receivedOn(), r.source(), r.behaviour(),
                        r.legalStatus(), r.status(), r.priority(), r.decision(), r.reviewedOn(), r.reviewReason(),
                        r.reviewedBy() == null ? null : roleOf.of(r.reviewedBy()), roleOf.of(r.createdBy())))
                .toList();
        var enrolmentsHeld = enrolments.ofParticipant(participantId).stream()
                .map(e -> new SubjectAccessReport.EnrolmentHeld(e.id(), e.cohortId(), e.state(), e.stateOn(),
                        e.history().stream().map(step -> new SubjectAccessReport.StepHeld(step.state(), step.on(),
                                step.reason(), step.reasonCode(), roleOf.of(step.by()))).toList()))
                .toList();
        var accessLog = jdbi.withExtension(AuditDao.class, dao -> dao.ofParticipant(participantId)).stream()
                .map(row -> new SubjectAccessReport.AccessHeld(row.at(), row.role(), row.action().name(),
                        row.resourceType(), row.status(), row.purpose()))
                .toList();

        audit.export(caller, "subject_access", participantId, participantId);
        return new SubjectAccessReport(clock.instant(), WITHHELD, participant, versions, referrals, enrolmentsHeld,
                accessLog);
    }

    private String roleLabel(String username) {
        User user = jdbi.withExtension(Credentials.class, credentials -> credentials.user(username));
        return user.roles().isEmpty() ? "staff" : user.roleLabel();
    }

    @FunctionalInterface
    private interface StaffRole {
        String of(String username);
    }
}
