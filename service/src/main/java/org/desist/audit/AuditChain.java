package org.desist.audit;

import java.util.ArrayList;
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
        List<AuditDao.Sealed> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            seq++;
            String next = AuditHash.of(seq, event, hash);
            rows.add(new AuditDao.Sealed(seq, event, hash, next));
            hash = next;
        }
        audit.insert(rows);
        audit.moveHead(seq, hash);
    }
}
