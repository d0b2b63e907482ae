package org.desist.user.pages;

import java.util.List;
import org.desist.user.Account;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** One page of the accounts the administrator may administer, as GET /api/users lists them. */
public final class AccountListPage extends Page {
    private final List<AccountView> accounts;
    private final String previous;
    private final String next;

    /** {@code found}: one more than a page when another page follows. */
    AccountListPage(Viewer viewer, List<Account> found, int pageSize, int offset) {
        super("admin/accounts.ftlh", viewer, "Accounts");
        this.accounts = AccountView.of(found.size() > pageSize ? found.subList(0, pageSize) : found);
        this.next = found.size() > pageSize ? "/admin/accounts?offset=" + (offset + pageSize) : null;
        this.previous = offset > 0 ? "/admin/accounts?offset=" + Math.max(0, offset - pageSize) : null;
    }

    public List<AccountView> getAccounts() {
        return accounts;
    }

    public String getPrevious() {
        return previous;
    }

    public String getNext() {
        return next;
    }
}
