package org.desist.participant;

import java.util.List;
import org.desist.auth.Caller;
import org.desist.audit.AuditLog;
import org.desist.http.FieldError;
import org.desist.http.MatchedParticipant;
import org.desist.http.ProblemException;

/**
 * 409: the identity sent belongs to a participant already known. Lists the matches the caller may see; of the
 * others only their sites are named, and their ids are kept here for the audit of the refusal, never sent.
 */
public class IdentityConflict extends ProblemException {
    private final List<String> hiddenParticipants;
    private final boolean possible;

    IdentityConflict(String field, String reason, String detail, List<MatchedParticipant> visible,
                     List<String> hiddenParticipants, boolean possible) {
        super(409, "Conflict", detail, List.of(new FieldError(field, reason)), visible);
        this.hiddenParticipants = List.copyOf(hiddenParticipants);
        this.possible = possible;
    }

    /** A match by name and date of birth only, which a referrer who has checked may overrule. */
    public boolean possible() {
        return possible;
    }

    /** Records the refusal as a denied look at each participant it did not name; returns it to be thrown. */
    public IdentityConflict audited(AuditLog audit, Caller caller) {
        hiddenParticipants.forEach(hidden -> audit.denied(caller, "participant", hidden, hidden, 409));
        return this;
    }
}
