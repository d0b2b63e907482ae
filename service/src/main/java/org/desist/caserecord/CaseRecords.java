package org.desist.caserecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.desist.audit.AuditLog;
import org.desist.json.MergePatch;
import org.desist.participant.ParticipantService;
import org.jdbi.v3.core.Jdbi;

/** Makes a {@link RecordKeeper} for each kind of case record, all sharing the same collaborators. */
public class CaseRecords {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;
    private final MergePatch patches;
    private final ObjectMapper json;

    public CaseRecords(
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            ParticipantService participants,
            MergePatch patches,
            ObjectMapper json) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
        this.patches = patches;
        this.json = json;
    }

    public <V extends CaseRecord, N> RecordKeeper<V, N> keeper(RecordTable<V, N> table) {
        return keeper(table, RecordWatch.none());
    }

    /** A keeper whose writes also tell {@code watch}, in their transaction (the attention rules). */
    public <V extends CaseRecord, N> RecordKeeper<V, N> keeper(RecordTable<V, N> table, RecordWatch<V> watch) {
        return new RecordKeeper<>(jdbi, clock, audit, participants, patches, json, table, watch);
    }
}
