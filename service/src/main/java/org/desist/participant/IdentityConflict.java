package org.desist.participant;

import java.util.List;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.refusal.FieldReason;
import org.desist.refusal.MatchedParticipant;
import org.desist.refusal.Refusal;

/**
 * A conflict: the identity sent belongs to a participant already known. Lists the matches the caller may see;
 * of the others only their sites are named, and their ids are kept here for the audit of the refusal, never sent.
 */
public class IdentityConflict extends Refusal.Conflict {
    private final List<String> hiddenParticipants;
    private final boolean possible;

    IdentityConflict(
            String field,
            String reason,
            String detail,
            List<MatchedParticipant> visible,
            List<String> hiddenParticipants,
            boolean possible) {
        super(detail, List.of(new FieldReason(field, reason)), visible);
        this.hiddenParticipants = List.copyOf(hiddenParticipants);
        this.possible = possible;
    }

    /** A match by name and date of birth only, which a referrer who has checked may overrule. */
    public boolean possible() {
        return possible;
    }

    /** Records the refusal as a denied look at each participant it did not name; returns it to be thrown. */
    public IdentityConflict audited(AuditLog audit, Caller caller) {
        hiddenParticipants.forEach(hidden -> audit.denied(caller, "participant", hidden, hidden, Outcome.HIDDEN_MATCH));
        return this;
    }
}
