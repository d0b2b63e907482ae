package org.desist.user.pages;

import org.desist.user.Account;
import org.desist.user.TemporaryPassword;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** One account with its state and the forms that change it; after a create or reset, its temporary password once. */
public final class AccountPage extends Page {
    private final AccountView account;
    private final boolean secondFactorEnrolled;
    private final TemporaryPassword temporaryPassword;
    private boolean secondFactorReset;

    AccountPage(Viewer viewer, Account account, boolean secondFactorEnrolled, TemporaryPassword temporaryPassword) {
        super("admin/account.ftlh", viewer, "Account " + account.username());
        this.account = AccountView.of(account);
        this.secondFactorEnrolled = secondFactorEnrolled;
        this.temporaryPassword = temporaryPassword;
    }

    /** On the answer to the reset: says it was done. */
    AccountPage secondFactorReset() {
        this.secondFactorReset = true;
        return this;
    }

    /** Whether the account has set up an authenticator app. */
    public boolean isSecondFactorEnrolled() {
        return secondFactorEnrolled;
    }

    public boolean isSecondFactorReset() {
        return secondFactorReset;
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
