package org.desist.disclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Jdbi;

/**
 * The ledger of disclosures. Every document that leaves Desist is written here, with the recipient, the
 * purpose and the SHA-256 of the exact bytes sent, in the same transaction as its audit row, once the document
 * is rendered in full and before it is sent; so a correction or an erasure can be passed on to every recipient.
 */
public class Disclosures {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;

    public Disclosures(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
    }

    /** What a document is about: its kind, and the case, cohort or site where one of them is its subject. */
    public record About(DocumentKind kind, String participantId, String cohortId, String siteCode) {
        public static About caseDocument(DocumentKind kind, String participantId) {
            return new About(kind, participantId, null, null);
        }
    }

    /** Today in the programme's zone: the day a disclosed PDF's pages name. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ProgrammeClock.ZONE));
    }

    /** The line every page of a PDF disclosed now carries. */
    public String line(DisclosureRequest request) {
        return request.line(today());
    }

    /** Records one document handed out; returns its ledger row. */
    public Disclosure record(Caller caller, DisclosureRequest request, About about, byte[] content) {
        return recordAll(caller, request, List.of(about), content).get(0);
    }

    /**
     * Records one document handed out that is about several cases (a site's review agenda), one ledger row and
     * one audit row per case, so that each case's ledger shows it; all in one transaction.
     */
    public List<Disclosure> recordAll(Caller caller, DisclosureRequest request, List<About> abouts, byte[] content) {
        String sha256 = sha256(content);
        return jdbi.inTransaction(handle -> {
            DisclosureDao ledger = handle.attach(DisclosureDao.class);
            List<Disclosure> written = abouts.stream()
                    .map(about -> new Disclosure(
                            UUID.randomUUID().toString(),
                            about.participantId(),
                            about.kind(),
                            about.cohortId(),
                            about.siteCode(),
                            request.recipient().name(),
                            request.recipient().organisation(),
                            request.purpose(),
                            sha256,
                            content.length,
                            clock.instant(),
                            caller.username()))
                    .toList();
            for (Disclosure disclosure : written) {
                ledger.insert(disclosure);
                audit.disclosed(
                        handle,
                        caller,
                        disclosure.kind().name(),
                        disclosure.id(),
                        disclosure.participantId(),
                        disclosure.purpose(),
                        request.recipient().toString(),
                        sha256);
            }
            return written;
        });
    }

    /** A case's ledger, newest first: the case must be one the caller may read (404 otherwise); audited as a read. */
    public List<Disclosure> ofCase(Caller caller, String participantId) {
        Participant participant = participants.visible(caller, participantId);
        // documents sent about a record later merged into this one are this person's too
        List<String> ids = new java.util.ArrayList<>(List.of(participant.id()));
        ids.addAll(participants.mergedInto(participant.id()));
        List<Disclosure> ledger = jdbi.withExtension(DisclosureDao.class, dao -> dao.ofCase(ids));
        audit.read(caller, "disclosure", null, participant.id());
        return ledger;
    }

    /** The caller's last recipient and purpose, to start a download form from; empty before their first. */
    public Optional<Disclosure> latestBy(Caller caller) {
        return jdbi.withExtension(DisclosureDao.class, dao -> dao.latestBy(caller.username()));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
