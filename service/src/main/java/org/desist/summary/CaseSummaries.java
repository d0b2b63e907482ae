package org.desist.summary;

import java.time.Clock;
import java.time.LocalDate;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.db.Snapshot;
import org.desist.disclosure.DisclosureRequest;
import org.desist.disclosure.Disclosures;
import org.desist.disclosure.DocumentKind;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.readmodel.SummaryQueries;
import org.jdbi.v3.core.Jdbi;

/**
 * The case summaries, as JSON records and as PDF documents. The caller's role was checked against the
 * audience's action before this is reached; here the case must be one of the caller's sites (404
 * otherwise). The JSON summary is audited as an export; a PDF is disclosed to a named recipient for a purpose,
 * written to the ledger of disclosures with its audit row ({@link Disclosures}) before it leaves.
 */
public class CaseSummaries {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;
    private final SummaryPdf pdf;
    private final Disclosures disclosures;

    public CaseSummaries(
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            ParticipantService participants,
            SummaryPdf pdf,
            Disclosures disclosures) {
        this.disclosures = disclosures;
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
        this.pdf = pdf;
    }

    /** A document ready to download. */
    public record Download(String fileName, byte[] content) {}

    /** The summary for the audience: a {@link ProbationSummary} or a {@link CpsSummary}. */
    public CaseSummary summary(Caller caller, String participantId, Audience audience) {
        CaseSummary summary = assemble(caller, participantId, audience);
        audit.export(caller, audience.resourceType(), null, participantId);
        return summary;
    }

    /** The summary as a PDF for {@code request}'s recipient, rendered in full before it is recorded and sent. */
    public Download pdf(Caller caller, String participantId, Audience audience, DisclosureRequest request) {
        SummaryDocument document = assemble(caller, participantId, audience).document();
        byte[] content = pdf.render(document.cover(), document.lines(), disclosures.line(request));
        DocumentKind kind =
                switch (audience) {
                    case probation -> DocumentKind.probation_summary;
                    case cps -> DocumentKind.cps_summary;
                };
        disclosures.record(caller, request, Disclosures.About.caseDocument(kind, participantId), content);
        return new Download(audience.fileName(document.caseRef(), document.asOf()), content);
    }

    private CaseSummary assemble(Caller caller, String participantId, Audience audience) {
        Participant participant = participants.visible(caller, participantId);
        Generated generated = new Generated(
                clock.instant(),
                LocalDate.now(clock),
                caller.username(),
                caller.user().roleLabel());
        // one read-only snapshot: every figure of a summary comes from the same state of the case
        return Snapshot.read(jdbi, handle -> {
            SummaryQueries queries = handle.attach(SummaryQueries.class);
            return switch (audience) {
                case probation -> SummaryAssembly.probation(queries, participant, generated);
                case cps -> SummaryAssembly.cps(queries, participant, generated);
            };
        });
    }
}
