package org.desist.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.desist.audit.AuditDao;
import org.desist.audit.AuditRecord;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosureRequest;
import org.desist.disclosure.Disclosures;
import org.desist.disclosure.DocumentKind;
import org.desist.enrolment.EnrolmentService;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.referral.ReferralDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Assembles a subject access report: identity, referrals, enrolments, the clinical record
 * ({@link ClinicalRecords}) and the access log of the case. Later records of the case join it here.
 */
public class SubjectAccess {
    static final String WITHHELD = "Staff names are replaced by their roles; victim references, referrers' names"
            + " and the names of assessors, session facilitators and plan action owners are withheld as third-party"
            + " data.";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ParticipantService participants;
    private final EnrolmentService enrolments;
    private final ClinicalRecords clinicalRecords;
    private final ObjectMapper json;
    private final Disclosures disclosures;

    public SubjectAccess(
            Jdbi jdbi,
            Clock clock,
            ParticipantService participants,
            EnrolmentService enrolments,
            ObjectMapper json,
            Disclosures disclosures) {
        this.json = json;
        this.disclosures = disclosures;
        this.jdbi = jdbi;
        this.clock = clock;
        this.participants = participants;
        this.enrolments = enrolments;
        this.clinicalRecords = new ClinicalRecords(jdbi, json);
    }

    /**
     * The report as the JSON bytes sent (written by the service's own object mapper, as any answer is), disclosed
     * to {@code request}'s recipient (the data subject, or whoever acts for them): written to the ledger of
     * disclosures with the bytes' SHA-256 and audited as a disclosure before it leaves.
     */
    public byte[] export(Caller caller, String participantId, DisclosureRequest request) {
        SubjectAccessReport report = assemble(caller, participantId);
        byte[] content;
        try {
            content = json.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the subject access report", e);
        }
        // the bytes sent are these and the newline every JSON answer ends with (the HTTP layer's TrailingNewline)
        byte[] sent = java.util.Arrays.copyOf(content, content.length + 1);
        sent[content.length] = '\n';
        disclosures.record(
                caller,
                request,
                Disclosures.About.caseDocument(DocumentKind.subject_access, participant(report)),
                sent);
        return content;
    }

    private static String participant(SubjectAccessReport report) {
        return report.participant().id();
    }

    SubjectAccessReport assemble(Caller caller, String participantId) {
        Participant participant = participants.visible(caller, participantId);
        StaffRoles roleOf = new StaffRoles(jdbi);

        // the identities of participants merged into this one are this person's too, and so is their access log
        List<String> identities = new java.util.ArrayList<>(List.of(participantId));
        identities.addAll(participants.mergedInto(participantId));
        var versions = identities.stream()
                .flatMap(id -> participants.versions(id).stream())
                .map(v -> new SubjectAccessReport.IdentityVersionHeld(
                        v.version(),
                        v.givenName(),
                        v.familyName(),
                        v.dateOfBirth(),
                        v.pncId(),
                        v.nhsNumber(),
                        v.recordedAt(),
                        roleOf.of(v.recordedBy())))
                .toList();
        var decisions = participants.identityDecisions(participantId).stream()
                .map(d -> new SubjectAccessReport.IdentityDecisionHeld(
                        d.decision(), d.decidedAt(), roleOf.of(d.decidedBy()), d.reason()))
                .toList();
        var referrals = jdbi.withExtension(ReferralDao.class, dao -> dao.ofParticipant(participantId)).stream()
                .map(r -> new SubjectAccessReport.ReferralHeld(
                        r.id(),
                        r.receivedOn(),
                        r.source(),
                        r.behaviour(),
                        r.legalStatus(),
                        r.status(),
                        r.priority(),
                        r.decision(),
                        r.reviewedOn(),
                        r.reviewReason(),
                        roleOf.of(r.reviewedBy()),
                        roleOf.of(r.createdBy()),
                        r.screening()))
                .toList();
        var enrolmentsHeld = enrolments.ofParticipant(participantId).stream()
                .map(e -> new SubjectAccessReport.EnrolmentHeld(
                        e.id(),
                        e.cohortId(),
                        e.state(),
                        e.stateOn(),
                        e.history().stream()
                                .map(step -> new SubjectAccessReport.StepHeld(
                                        step.state(),
                                        step.on(),
                                        step.reason(),
                                        step.reasonCode(),
                                        roleOf.of(step.by())))
                                .toList()))
                .toList();
        Map<ClinicalPart, List<SubjectAccessReport.RecordHeld>> clinical = clinicalRecords.of(participantId, roleOf);
        var accessLog = identities.stream()
                .flatMap(id -> jdbi.withExtension(AuditDao.class, dao -> dao.ofParticipant(id)).stream())
                .sorted(java.util.Comparator.comparingLong(AuditRecord::seq))
                .map(row -> new SubjectAccessReport.AccessHeld(
                        row.at(), row.role(), row.action().name(), row.resourceType(), row.status(), row.purpose()))
                .toList();

        return new SubjectAccessReport(
                clock.instant(),
                WITHHELD,
                participant,
                versions,
                decisions,
                referrals,
                enrolmentsHeld,
                clinical.get(ClinicalPart.assessments),
                clinical.get(ClinicalPart.sessions),
                clinical.get(ClinicalPart.serviceReferrals),
                clinical.get(ClinicalPart.planActions),
                clinical.get(ClinicalPart.legalMeasures),
                clinical.get(ClinicalPart.victimSafetyConcerns),
                clinical.get(ClinicalPart.desistanceReviews),
                clinical.get(ClinicalPart.incidents),
                accessLog);
    }
}
