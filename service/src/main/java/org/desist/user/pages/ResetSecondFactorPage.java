package org.desist.user.pages;

import org.desist.web.Page;
import org.desist.web.Viewer;

/** "Reset the second factor of this account?": the question, and the form that does it. */
public final class ResetSecondFactorPage extends Page {
    private final AccountView account;

    ResetSecondFactorPage(Viewer viewer, AccountView account) {
        super("secondfactor/reset.ftlh", viewer, "Reset the second factor of " + account.username());
        this.account = account;
    }

    public AccountView getAccount() {
        return account;
    }
}
