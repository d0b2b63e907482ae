package org.desist.user.pages;

import org.desist.user.Account;
import org.desist.user.TemporaryPassword;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** One account with its state and the forms that change it; after a create or reset, its temporary password once. */
public final class AccountPage extends Page {
    private final AccountView account;
    private final TemporaryPassword temporaryPassword;

    AccountPage(Viewer viewer, Account account, TemporaryPassword temporaryPassword) {
        super("admin/account.ftlh", viewer, "Account " + account.username());
        this.account = AccountView.of(account);
        this.temporaryPassword = temporaryPassword;
    }

    public AccountView getAccount() {
        return account;
    }

    /** The password the service just made, or null: never on a page read again. */
    public String getTemporaryPassword() {
        return temporaryPassword == null ? null : temporaryPassword.password();
    }

    public String getExpiresAt() {
        return temporaryPassword == null ? null : temporaryPassword.expiresAt().toString();
    }
}
