package org.desist.audit;

import java.time.Clock;
import java.util.List;
import org.desist.auth.Caller;
import org.desist.auth.CaseAccess;
import org.desist.auth.LogSafe;
import org.jdbi.v3.core.Handle;

/**
 * How services record access to case data. A change is recorded on the change's own handle, so the
 * row commits with it; a read, export or denial is recorded durably before the answer goes out.
 */
public class AuditLog {
    /** Actor and role of a row nobody authenticated for; no username can be spelled so (Accounts.USERNAME_PATTERN). */
    public static final String ANONYMOUS = "(anonymous)";

    private final Clock clock;
    private final ReadAuditWriter writer;

    public AuditLog(Clock clock, ReadAuditWriter writer) {
        this.clock = clock;
        this.writer = writer;
    }

    /** Inside the transaction that makes the change. */
    public void change(
            Handle handle,
            Caller caller,
            AuditAction action,
            String resourceType,
            String resourceId,
            String participantId,
            Outcome outcome) {
        AuditChain.append(
                handle,
                List.of(AuditEvent.of(
                        caller, clock.instant(), action, resourceType, resourceId, participantId, outcome)));
    }

    /**
     * A document handed out, inside the transaction that writes its ledger row: the resource is the kind of
     * document and the ledger row's id, the purpose the one the recipient was given it for, and the row names
     * the recipient and seals the SHA-256 of the exact bytes sent.
     */
    public void disclosed(
            Handle handle,
            Caller caller,
            String kind,
            String disclosureId,
            String participantId,
            String purpose,
            String recipient,
            String contentSha256) {
        AuditChain.append(
                handle,
                List.of(new AuditEvent(
                        clock.instant(),
                        caller.username(),
                        caller.user().roleLabel(),
                        AuditAction.disclose,
                        kind,
                        disclosureId,
                        participantId,
                        Outcome.READ.stored(),
                        caller.requestId(),
                        purpose,
                        caller.clientAddress(),
                        recipient,
                        contentSha256)));
    }

    public void read(Caller caller, String resourceType, String resourceId, String participantId) {
        writer.recordDurably(asReached(
                caller,
                AuditEvent.of(
                        caller,
                        clock.instant(),
                        AuditAction.read,
                        resourceType,
                        resourceId,
                        participantId,
                        Outcome.READ)));
    }

    public void export(Caller caller, String resourceType, String resourceId, String participantId) {
        writer.recordDurably(asReached(
                caller,
                AuditEvent.of(
                        caller,
                        clock.instant(),
                        AuditAction.export,
                        resourceType,
                        resourceId,
                        participantId,
                        Outcome.READ)));
    }

    /**
     * A read of a case reached by a break-glass grant is recorded as {@code break_glass} with the grant's reason;
     * the DPO's read of a restricted case with the restriction's purpose (auth.CaseAccess).
     */
    private static AuditEvent asReached(Caller caller, AuditEvent event) {
        return caller.caseAccess()
                .howReached(event.participantId())
                .map(reached -> new AuditEvent(
                        event.at(),
                        event.username(),
                        event.role(),
                        reached.way() == CaseAccess.Way.break_glass ? AuditAction.break_glass : event.action(),
                        event.resourceType(),
                        event.resourceId(),
                        event.participantId(),
                        event.status(),
                        event.requestId(),
                        reached.purpose(),
                        event.clientAddress()))
                .orElse(event);
    }

    public void denied(Caller caller, String resourceType, String resourceId, String participantId, Outcome outcome) {
        writer.recordDurably(AuditEvent.of(
                caller, clock.instant(), AuditAction.denied, resourceType, resourceId, participantId, outcome));
    }

    /**
     * A refused sign-in. Nobody is authenticated, so the actor is {@link #ANONYMOUS}: the name tried is the
     * target (resource "account", id the name, made log-safe; none for a bearer token, whose text is never
     * kept), so a stranger's guesses are never attributed to the account holder.
     */
    public void signInFailed(String usernameTried, String clientAddress, String requestId, Outcome outcome) {
        writer.recordDurably(new AuditEvent(
                clock.instant(),
                ANONYMOUS,
                ANONYMOUS,
                AuditAction.sign_in_failed,
                "account",
                usernameTried == null ? null : LogSafe.text(usernameTried),
                null,
                outcome.stored(),
                requestId,
                null,
                clientAddress));
    }

    /**
     * An account read far more case data today than its usual (quota.UnusualReading), written once a day: the
     * target is the account; the request that tipped it over gives the id and address.
     */
    public void unusualReading(Caller caller) {
        writer.recordDurably(AuditEvent.of(
                caller,
                clock.instant(),
                AuditAction.unusual_reading,
                "account",
                caller.username(),
                null,
                Outcome.READ));
    }
}
