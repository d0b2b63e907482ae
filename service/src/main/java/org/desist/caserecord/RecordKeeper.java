package org.desist.caserecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.json.MergePatch;
import org.desist.listing.PageRequest;
import org.desist.participant.ParticipantService;
import org.desist.referral.ReferralDao;
import org.desist.refusal.ExpectedVersion;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The life of a case record of any kind: created, listed, read, amended (never silently: If-Match, a
 * reason, and the earlier version kept), marked entered in error, its history read. Each step checks
 * the caller may see the case, and is audited in the step's own transaction (writes) or before the
 * answer (reads).
 */
public class RecordKeeper<V extends CaseRecord, N> {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;
    private final MergePatch patches;
    private final ObjectMapper json;
    private final RecordTable<V, N> table;
    private final RecordWatch<V> watch;

    public RecordKeeper(
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            ParticipantService participants,
            MergePatch patches,
            ObjectMapper json,
            RecordTable<V, N> table,
            RecordWatch<V> watch) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
        this.patches = patches;
        this.json = json;
        this.table = table;
        this.watch = watch;
    }

    /** A kind-specific change to an existing record (an outcome, a state move), made inside the keeper's transaction. */
    @FunctionalInterface
    public interface Step<V> {
        /** Must write the change and bump the version, or throw; {@code now} is the time of the change. */
        void apply(Handle handle, V current, CaseContext context, Instant now);
    }

    public V create(Caller caller, String participantId, N body) {
        participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            ParticipantService.holdLive(handle, caller, participantId);
            table.check(body, context(handle, participantId));
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            table.insert(handle, id, participantId, body, now, caller.username());
            V created = table.find(handle, participantId, id).orElseThrow();
            snapshot(handle, created, now, caller, null);
            watch.created(handle, created, now);
            audit.change(handle, caller, AuditAction.create, table.type(), id, participantId, Outcome.CREATED);
            return table.redact(created, caller.user());
        });
    }

    public List<V> list(Caller caller, String participantId, LocalDate from, LocalDate to, PageRequest paging) {
        participants.visible(caller, participantId);
        if (from != null && to != null && to.isBefore(from)) {
            throw new Refusal.BadParameter("to", "must not be before from");
        }
        List<V> found =
                jdbi.withHandle(handle -> table.list(handle, participantId, from, to, paging.fetch(), paging.offset()));
        audit.read(caller, table.type(), null, participantId);
        return found.stream().map(record -> table.redact(record, caller.user())).toList();
    }

    public V read(Caller caller, String participantId, String id) {
        participants.visible(caller, participantId);
        V record = jdbi.withHandle(handle -> table.find(handle, participantId, id))
                .orElseThrow(() -> new Refusal.NotFound(table.type(), id));
        audit.read(caller, table.type(), id, participantId);
        return table.redact(record, caller.user());
    }

    public V amend(
            Caller caller, String participantId, String id, ExpectedVersion expected, String reason, ObjectNode patch) {
        return change(caller, participantId, id, expected, reason, (handle, current, context, now) -> {
            N amended = patches.apply(table.body(current), patch, table.bodyType(), table.changeable());
            table.check(amended, context);
            if (table.update(handle, id, current.version(), amended, now, caller.username()) != 1) {
                throw new Refusal.StaleVersion();
            }
        });
    }

    public V markEnteredInError(
            Caller caller, String participantId, String id, ExpectedVersion expected, String reason) {
        return change(caller, participantId, id, expected, reason, (handle, current, context, now) -> {
            int changed = handle.createUpdate("UPDATE " + table.table() + " SET status = 'entered_in_error',"
                            + " error_reason = :reason, version = version + 1, amended_at = :at, amended_by = :by"
                            + " WHERE id = :id AND version = :version")
                    .bind("reason", reason)
                    .bind("at", now)
                    .bind("by", caller.username())
                    .bind("id", id)
                    .bind("version", current.version())
                    .execute();
            if (changed != 1) {
                throw new Refusal.StaleVersion();
            }
            table.markedEnteredInError(handle, current);
        });
    }

    /**
     * Runs a change on a live record: refused when it is not this case's, when it was entered in error, when the
     * change names no version or a stale one, and without a reason; then snapshots and audits it.
     */
    public V change(
            Caller caller, String participantId, String id, ExpectedVersion expected, String reason, Step<V> step) {
        participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            ParticipantService.holdLive(handle, caller, participantId);
            V current = table.find(handle, participantId, id).orElseThrow(() -> new Refusal.NotFound(table.type(), id));
            expected.requireCurrent(current.version());
            if (current.status() == RecordStatus.entered_in_error) {
                throw new Refusal.Conflict("This " + table.type() + " was entered in error and cannot change");
            }
            requireReason(reason);
            Instant now = clock.instant();
            step.apply(handle, current, context(handle, participantId), now);
            V changed = table.find(handle, participantId, id).orElseThrow();
            snapshot(handle, changed, now, caller, reason);
            if (changed.status() == RecordStatus.entered_in_error) {
                watch.enteredInError(handle, current, now);
            } else {
                watch.changed(handle, current, changed, now);
            }
            audit.change(handle, caller, AuditAction.update, table.type(), id, participantId, Outcome.CHANGED);
            return table.redact(changed, caller.user());
        });
    }

    /** A change that is part of the record's ordinary course (an outcome, a state move): no If-Match needed. */
    public V progress(Caller caller, String participantId, String id, Step<V> step) {
        participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            ParticipantService.holdLive(handle, caller, participantId);
            V current = table.find(handle, participantId, id).orElseThrow(() -> new Refusal.NotFound(table.type(), id));
            if (current.status() == RecordStatus.entered_in_error) {
                throw new Refusal.Conflict("This " + table.type() + " was entered in error and cannot change");
            }
            Instant now = clock.instant();
            step.apply(handle, current, context(handle, participantId), now);
            V changed = table.find(handle, participantId, id).orElseThrow();
            snapshot(handle, changed, now, caller, null);
            watch.changed(handle, current, changed, now);
            audit.change(handle, caller, AuditAction.update, table.type(), id, participantId, Outcome.CHANGED);
            return table.redact(changed, caller.user());
        });
    }

    public List<RecordVersion<V>> history(Caller caller, String participantId, String id) {
        participants.visible(caller, participantId);
        List<RecordVersionDao.Row> rows = jdbi.withHandle(handle -> {
            table.find(handle, participantId, id).orElseThrow(() -> new Refusal.NotFound(table.type(), id));
            return handle.attach(RecordVersionDao.class).versions(table.type(), id);
        });
        audit.read(caller, table.type() + "_history", id, participantId);
        return rows.stream()
                .map(row -> new RecordVersion<>(
                        row.version(),
                        table.redact(fromSnapshot(row.snapshot()), caller.user()),
                        row.recordedAt(),
                        row.recordedBy(),
                        row.reason()))
                .toList();
    }

    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid(
                    "reason is required: say why the record changes",
                    List.of(new FieldReason("reason", "must not be blank")));
        }
        if (reason.length() > 2000) {
            throw new Refusal.Invalid("reason", "must be at most 2000 characters");
        }
    }

    private CaseContext context(Handle handle, String participantId) {
        LocalDate referredOn =
                handle.attach(ReferralDao.class).firstReceivedOn(participantId).orElseThrow();
        return new CaseContext(referredOn, LocalDate.now(clock));
    }

    private void snapshot(Handle handle, V record, Instant at, Caller caller, String reason) {
        try {
            handle.attach(RecordVersionDao.class)
                    .insert(
                            table.type(),
                            record.id(),
                            record.version(),
                            json.writeValueAsString(record),
                            at,
                            caller.username(),
                            reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not snapshot a " + table.type(), e);
        }
    }

    private V fromSnapshot(String snapshot) {
        try {
            // old snapshots may hold fields a later version dropped
            return json.readerFor(table.recordType())
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable snapshot of a " + table.type(), e);
        }
    }
}
