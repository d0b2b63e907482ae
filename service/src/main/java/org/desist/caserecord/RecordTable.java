package org.desist.caserecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.auth.User;
import org.jdbi.v3.core.Handle;

/**
 * What {@link RecordKeeper} needs to know about one kind of case record: its table and columns (the
 * SQL stays with the kind), its editable body, its rules and what each reader may see of it.
 *
 * @param <V> the record as read
 * @param <N> its editable body, as created and as amended
 */
public interface RecordTable<V extends CaseRecord, N> {

    /** Singular name, used in audit rows and record_version: "incident". */
    String type();

    /** The table; common columns: id, participant_id, status, error_reason, version, recorded_*, amended_*. */
    String table();

    Class<V> recordType();

    Class<N> bodyType();

    /** Body fields a PATCH may change. */
    Set<String> changeable();

    N body(V record);

    /** Refuses a body that breaks the kind's rules (dates against the case, coherence of fields). */
    void check(N body, CaseContext context);

    void insert(Handle handle, String id, String participantId, N body, Instant at, String by);

    /** Writes the body if the version is still {@code version}, bumping it; returns rows changed. */
    int update(Handle handle, String id, int version, N body, Instant at, String by);

    Optional<V> find(Handle handle, String participantId, String id);

    /** Newest first, optionally within dates of the record's own date (inclusive). */
    List<V> list(Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset);

    /**
     * Called on the marking's handle once a record is marked entered in error, with the record as it
     * stood before: a kind that keeps figures derived from its records takes this one out of them.
     */
    default void markedEnteredInError(Handle handle, V before) {}

    /** The record as this reader may see it; clinical free text is for clinicians only. */
    default V redact(V record, User reader) {
        return record;
    }
}
