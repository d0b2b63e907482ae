package org.desist.audit;

import java.util.ArrayList;
import java.util.List;
import org.desist.refusal.StartRefused;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to the keyed chain inside the caller's transaction, so they commit or vanish with it. The head's
 * seal is checked before each append: a chain whose head was moved without the key is not written to, so the
 * damage stays visible instead of being sealed over.
 */
public final class AuditChain {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

    private AuditChain() {}

    /** The head does not verify: every audited request fails until an operator has looked. */
    public static class Tampered extends IllegalStateException {
        Tampered(String message) {
            super(message);
        }
    }

    public static void append(Handle handle, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        AuditKeys keys = AuditKeys.on(handle);
        AuditKey key = keys.current();
        AuditDao audit = handle.attach(AuditDao.class);
        audit.lockHead();
        AuditDao.Head head = audit.head();
        String problem = problemWith(head, keys);
        if (problem != null) {
            throw new Tampered("Refusing to extend the audit chain: " + problem);
        }
        long seq = head.lastSeq();
        String hash = head.lastHash();
        List<AuditDao.Sealed> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            seq++;
            String next = AuditHash.sealed(key, seq, event, hash);
            rows.add(new AuditDao.Sealed(seq, event, hash, next, key.id()));
            hash = next;
        }
        audit.insert(rows);
        audit.moveHead(seq, hash, key.id(), AuditHash.head(key, seq, hash));
    }

    /**
     * What is wrong with a head, or null: unsealed with rows behind it (a chain written before the key that nobody
     * has adopted, or one stripped of its seals), sealed by a key this deployment lacks, or moved without the key.
     */
    static String problemWith(AuditDao.Head head, AuditKeys keys) {
        if (!head.sealed()) {
            return head.lastSeq() == 0
                    ? null
                    : "the head (row " + head.lastSeq() + ") is not sealed with the audit"
                            + " key: either the chain was written before the key and has not been adopted (audit-verify"
                            + " --seal-unkeyed-head), or it was rewritten by someone without the key";
        }
        AuditKey key = keys.byId(head.keyId()).orElse(null);
        if (key == null) {
            return "the head was sealed with audit key " + head.keyId() + ", which is not configured (configured: "
                    + String.join(", ", keys.ids()) + "; add it to DESIST_AUDIT_PREVIOUS_KEYS after a rotation)";
        }
        return AuditHash.same(AuditHash.head(key, head.lastSeq(), head.lastHash()), head.mac())
                ? null
                : "the head's seal does not match row " + head.lastSeq() + ": the head was moved without the key";
    }

    /**
     * Before the service takes requests: the head must verify. A chain written before the key is adopted here only
     * on the first start with a new key file (SQLite's default), after its unkeyed chain walks intact; anywhere else
     * adopting one is an operator's decision (audit-verify --seal-unkeyed-head), because an attacker who strips
     * every seal leaves a chain that looks exactly like one written before the key.
     */
    public static void requireSealedHead(Jdbi jdbi, AuditKeys keys) {
        AuditDao.Head head = jdbi.withExtension(AuditDao.class, AuditDao::head);
        if (!head.sealed() && head.lastSeq() > 0 && keys.keyFileCreated()) {
            AuditVerification.Result adopted = sealUnkeyedHead(jdbi);
            LOG.warn(
                    "Sealed the head of the existing unkeyed audit chain ({} rows, sealed with SHA-256 only) with the"
                            + " new audit key {}: rows from now on are keyed",
                    adopted.rows(),
                    keys.current().id());
            return;
        }
        String problem = problemWith(head, keys);
        if (problem != null) {
            throw new StartRefused("the audit log cannot be trusted: " + problem + "; run audit-verify");
        }
    }

    /**
     * Adopts a chain written before the audit key: walks it, and if it is intact, unkeyed throughout and its head
     * unsealed, seals the head with the current key, so keyed rows can follow and nobody can cut them off.
     */
    public static AuditVerification.Result sealUnkeyedHead(Jdbi jdbi) {
        AuditVerification.Result walked = AuditVerification.walk(jdbi, true);
        if (!walked.intact()) {
            throw new StartRefused(
                    "the unkeyed audit chain is not intact, so its head is not sealed: " + walked.problem());
        }
        if (walked.unkeyedRows() != walked.rows()) {
            throw new StartRefused("the audit chain is already keyed (" + (walked.rows() - walked.unkeyedRows())
                    + " keyed rows): its head is not for adopting");
        }
        AuditKey key = AuditKeys.on(jdbi).current();
        jdbi.useTransaction(handle -> {
            AuditDao audit = handle.attach(AuditDao.class);
            audit.lockHead();
            AuditDao.Head head = audit.head();
            if (head.sealed()
                    || head.lastSeq() != walked.rows()
                    || !head.lastHash().equals(walked.headHash())) {
                throw new StartRefused("the audit head changed while it was being sealed: run the command again");
            }
            audit.moveHead(
                    head.lastSeq(), head.lastHash(), key.id(), AuditHash.head(key, head.lastSeq(), head.lastHash()));
        });
        return walked;
    }
}
