package org.desist.audit;

import java.util.List;
import java.util.function.Supplier;
import org.desist.db.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Walks the audit chain from the first row: numbering, links, seals, and the head's agreement and seal. The head
 * is read first and the rows after it, all in one snapshot, so a walk during appends sees the chain exactly as one
 * moment left it (a head read last would be ahead of rows read earlier, and look like a cut).
 */
public final class AuditVerification {
    private static final int PAGE = 5_000;

    private AuditVerification() {}

    /** What a walk found; {@code unkeyedRows} of the rows were sealed before the key, with SHA-256 only. */
    public record Result(boolean intact, long rows, String headHash, String problem, long unkeyedRows) {}

    public static class Broken extends RuntimeException {
        public Broken(String message) {
            super(message);
        }
    }

    /** Walks the chain with the keys given to this Jdbi ({@link AuditKeys#installOn}). */
    public static Result walk(Jdbi jdbi) {
        return walk(jdbi, false);
    }

    /** As {@link #walk(Jdbi)}; an unsealed head passes only when adopting a chain written before the key. */
    static Result walk(Jdbi jdbi, boolean unsealedHeadAllowed) {
        AuditKeys keys = AuditKeys.on(jdbi);
        return jdbi.withHandle(
                handle -> inSnapshot(handle, () -> walk(handle.attach(AuditDao.class), keys, unsealedHeadAllowed)));
    }

    private static Result walk(AuditDao audit, AuditKeys keys, boolean unsealedHeadAllowed) {
        AuditDao.Head head = audit.head();
        long expectedSeq = 1;
        long unkeyed = 0;
        String prevHash = AuditHash.GENESIS;
        while (true) {
            List<AuditRecord> page = audit.after(expectedSeq - 1, PAGE);
            for (AuditRecord row : page) {
                long seq = row.seq();
                if (seq != expectedSeq) {
                    return broken(
                            expectedSeq - 1,
                            prevHash,
                            unkeyed,
                            "row " + expectedSeq + " is missing (next row is " + seq + ")");
                }
                if (!row.prevHash().equals(prevHash)) {
                    return broken(
                            expectedSeq - 1,
                            prevHash,
                            unkeyed,
                            "row " + seq + " does not follow row " + (seq - 1) + ": the chain was cut or reordered");
                }
                String expected;
                if (row.keyId() == null) {
                    if (unkeyed != seq - 1) {
                        return broken(
                                expectedSeq - 1,
                                prevHash,
                                unkeyed,
                                "row " + seq + " has no key's seal but"
                                        + " follows keyed rows: it was rewritten by someone without the key");
                    }
                    unkeyed++;
                    expected = AuditHash.of(seq, row.event(), row.prevHash());
                } else {
                    AuditKey key = keys.byId(row.keyId()).orElse(null);
                    if (key == null) {
                        return broken(
                                expectedSeq - 1,
                                prevHash,
                                unkeyed,
                                "row " + seq + " was sealed with audit key "
                                        + row.keyId() + ", which is not configured (configured: "
                                        + String.join(", ", keys.ids())
                                        + "; add it to DESIST_AUDIT_PREVIOUS_KEYS after a rotation), so it cannot be checked");
                    }
                    expected = AuditHash.sealed(key, seq, row.event(), row.prevHash());
                }
                if (!AuditHash.same(expected, row.hash())) {
                    return broken(
                            expectedSeq - 1,
                            prevHash,
                            unkeyed,
                            "row " + seq + " was altered: its content no" + " longer matches its "
                                    + (row.keyId() == null ? "hash" : "seal"));
                }
                prevHash = row.hash();
                expectedSeq++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long rows = expectedSeq - 1;
        if (head.lastSeq() != rows || !head.lastHash().equals(prevHash)) {
            return broken(
                    rows,
                    prevHash,
                    unkeyed,
                    "the log ends at row " + rows + " but its head records row "
                            + head.lastSeq()
                            + (head.lastSeq() > rows
                                    ? ": rows were removed from the end"
                                    : ": rows were added without moving the head"));
        }
        String headProblem = AuditChain.problemWith(head, keys);
        if (headProblem != null && !(unsealedHeadAllowed && !head.sealed())) {
            return broken(rows, prevHash, unkeyed, headProblem);
        }
        return new Result(true, rows, prevHash, null, unkeyed);
    }

    /**
     * Runs the walk in one snapshot: a read-only REPEATABLE READ transaction on PostgreSQL; on SQLite a deferred
     * read transaction, which in WAL mode sees the database as of its first read and blocks no writer.
     */
    private static Result inSnapshot(Handle handle, Supplier<Result> walk) {
        if (Dialect.of(handle) == Dialect.SQLITE) {
            handle.execute("BEGIN DEFERRED");
            try {
                return walk.get();
            } finally {
                handle.execute("ROLLBACK");
            }
        }
        handle.setReadOnly(true);
        try {
            return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, transaction -> walk.get());
        } finally {
            handle.setReadOnly(false);
        }
    }

    private static Result broken(long rows, String hash, long unkeyed, String problem) {
        return new Result(false, rows, hash, "audit chain broken: " + problem, unkeyed);
    }
}
