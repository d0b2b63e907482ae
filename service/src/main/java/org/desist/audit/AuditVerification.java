package org.desist.audit;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Walks the audit chain from the first row: numbering, links, seals, and the head's agreement. */
public final class AuditVerification {
    private static final int PAGE = 5_000;

    private AuditVerification() {
    }

    public record Result(boolean intact, long rows, String headHash, String problem) {
    }

    public static class Broken extends RuntimeException {
        public Broken(String message) {
            super(message);
        }
    }

    public static Result walk(Jdbi jdbi) {
        return jdbi.withExtension(AuditDao.class, audit -> {
            long expectedSeq = 1;
            String prevHash = AuditHash.GENESIS;
            while (true) {
                List<AuditRecord> page = audit.after(expectedSeq - 1, PAGE);
                for (AuditRecord row : page) {
                    if (row.seq() != expectedSeq) {
                        return broken(expectedSeq - 1, prevHash, "row " + expectedSeq + " is missing (next row is "
                                + row.seq() + ")");
                    }
                    if (!row.prevHash().equals(prevHash)) {
                        return broken(expectedSeq - 1, prevHash, "row " + row.seq()
                                + " does not follow row " + (row.seq() - 1) + ": the chain was cut or reordered");
                    }
                    if (!AuditHash.of(row.seq(), row.event(), row.prevHash()).equals(row.hash())) {
                        return broken(expectedSeq - 1, prevHash, "row " + row.seq() + " was altered: its content"
                                + " no longer matches its hash");
                    }
                    prevHash = row.hash();
                    expectedSeq++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            long rows = expectedSeq - 1;
            AuditDao.Head head = audit.head();
            if (head.lastSeq() != rows || !head.lastHash().equals(prevHash)) {
                return broken(rows, prevHash, "the log ends at row " + rows + " but its head records row "
                        + head.lastSeq() + ": rows were removed from the end");
            }
            return new Result(true, rows, prevHash, null);
        });
    }

    private static Result broken(long rows, String hash, String problem) {
        return new Result(false, rows, hash, "audit chain broken: " + problem);
    }
}
