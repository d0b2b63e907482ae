package org.desist.team;

import org.desist.auth.Role;

/**
 * The parts people play on one case's team. Each is held by an account of one Desist role: a key worker is a
 * clinician, a responsible officer is in probation, and so on. Spelled as on the wire and in the database.
 */
public enum TeamRole {
    key_worker(Role.clinician),
    responsible_officer(Role.probation),
    advocate(Role.advocate),
    police_contact(Role.police),
    cps_lawyer(Role.cps);

    private final Role heldBy;

    TeamRole(Role heldBy) {
        this.heldBy = heldBy;
    }

    /** The Desist role an account must hold to take this part on a case. */
    public Role heldBy() {
        return heldBy;
    }
}
