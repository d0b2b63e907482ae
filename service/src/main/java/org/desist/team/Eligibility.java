package org.desist.team;

import java.util.List;
import org.desist.refusal.Refusal;

/**
 * Whether an account may take a part on a case of a site: it exists, is enabled, holds the Desist role the part
 * needs (a key worker is a clinician, ...) and works at the site (bound to it, or to no site: every site). Each
 * failure is 422 on the request's field naming the account.
 */
final class Eligibility {
    private Eligibility() {}

    /** {@code role} null: any part (the account is checked, not its fit). */
    static void check(AllocationDao allocations, String username, TeamRole role, String siteCode, String field) {
        AllocationDao.Account account =
                allocations.account(username).orElseThrow(() -> new Refusal.Invalid(field, "is not a known account"));
        if (account.disabled()) {
            throw new Refusal.Invalid(field, "is a disabled account");
        }
        if (role != null && !allocations.roles(username).contains(role.heldBy().name())) {
            throw new Refusal.Invalid(
                    field, "cannot be " + words(role) + ": the part is held by an account of role " + role.heldBy());
        }
        List<String> sites = allocations.sites(username);
        if (!sites.isEmpty() && !sites.contains(siteCode)) {
            throw new Refusal.Invalid(field, "does not work at site " + siteCode);
        }
    }

    static String words(TeamRole role) {
        return switch (role) {
            case key_worker -> "key worker";
            case responsible_officer -> "responsible officer";
            case advocate -> "advocate";
            case police_contact -> "police contact";
            case cps_lawyer -> "CPS lawyer";
        };
    }
}
