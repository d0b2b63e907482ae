package org.desist.user.pages;

import java.util.List;
import org.desist.auth.Role;
import org.desist.user.Account;

/** An account as the pages show it: roles in words, "every site" for none. */
public record AccountView(
        String username, String roles, String sites, boolean disabled, boolean mustChangePassword, String email) {

    static AccountView of(Account account) {
        return new AccountView(
                account.username(),
                String.join(
                        ", ", account.roles().stream().map(AccountView::role).toList()),
                account.sites().isEmpty() ? "Every site" : String.join(", ", account.sites()),
                account.disabled(),
                account.mustChangePassword(),
                account.email());
    }

    static String role(Role role) {
        return switch (role) {
            case clinician -> "Clinician";
            case probation -> "Probation officer";
            case cps -> "CPS lawyer";
            case programme_lead -> "Programme lead";
            case advocate -> "Advocate";
            case police -> "Police officer";
            case admin -> "Administrator";
            case dpo -> "Data protection officer";
        };
    }

    static List<AccountView> of(List<Account> accounts) {
        return accounts.stream().map(AccountView::of).toList();
    }
}
