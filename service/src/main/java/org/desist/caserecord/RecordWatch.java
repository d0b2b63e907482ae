package org.desist.caserecord;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What else must happen, in the same transaction, when a record of one kind is written: the attention rules
 * that raise or clear an alert at once (attention/). Defined here so the keeper knows nothing of alerts.
 */
public interface RecordWatch<V extends CaseRecord> {

    /** A record was created; {@code now} is the time of the write. */
    default void created(Handle handle, V record, Instant now) {}

    /** A live record was amended or moved on (an outcome recorded, a state moved). */
    default void changed(Handle handle, V before, V after, Instant now) {}

    /** A record was marked entered in error. */
    default void enteredInError(Handle handle, V before, Instant now) {}

    /** Watches nothing. */
    static <V extends CaseRecord> RecordWatch<V> none() {
        return new RecordWatch<>() {};
    }
}
