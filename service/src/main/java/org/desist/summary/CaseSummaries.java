package org.desist.summary;

import java.time.Clock;
import java.time.LocalDate;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.db.Snapshot;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.readmodel.SummaryQueries;
import org.jdbi.v3.core.Jdbi;

/**
 * The case summaries, as JSON records and as PDF documents. The caller's role was checked against the
 * audience's action before this is reached; here the case must be one of the caller's sites (404
 * otherwise), and every summary handed out is audited as an export before it leaves.
 */
public class CaseSummaries {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;
    private final SummaryPdf pdf;

    public CaseSummaries(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants, SummaryPdf pdf) {
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

    /** The summary as a PDF, rendered in full before it is audited and sent. */
    public Download pdf(Caller caller, String participantId, Audience audience) {
        SummaryDocument document = assemble(caller, participantId, audience).document();
        byte[] content = pdf.render(document.cover(), document.lines());
        audit.export(caller, audience.resourceType(), null, participantId);
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
