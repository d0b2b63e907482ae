package org.desist.audit;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Appends events to the hash chain inside the caller's transaction, so they commit or vanish with it. */
public final class AuditChain {
    private AuditChain() {
    }

    public static void append(Handle handle, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        AuditDao audit = handle.attach(AuditDao.class);
        audit.lockHead();
        AuditDao.Head head = audit.head();
        long seq = head.lastSeq();
        String hash = head.lastHash();
        for (AuditEvent event : events) {
            seq++;
            String next = AuditHash.of(seq, event, hash);
            audit.insert(seq, event, hash, next);
            hash = next;
        }
        audit.moveHead(seq, hash);
    }
}
