package org.desist.user;

import java.util.ArrayList;
import java.util.List;
import org.desist.signin.PasswordScreen;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The words of this deployment that a new password must not be built from (ASVS 6.2.11): the account's username
 * and every site's code and name, read afresh; {@link PasswordScreen} adds the service's own words and the roles.
 */
final class PasswordContext {
    private static final int SITES_READ = 10_000;

    private PasswordContext() {}

    static List<String> of(Jdbi jdbi, String username) {
        List<String> words = new ArrayList<>();
        words.add(username);
        jdbi.useExtension(SiteDao.class, sites -> sites.list(SITES_READ, 0).forEach(site -> {
            words.add(site.code());
            words.add(site.name());
        }));
        return words;
    }

    /** Why this new password of this account is refused, or null: the one rule, with this deployment's words. */
    static String weakness(Jdbi jdbi, String username, String password) {
        return PasswordScreen.weakness(password, of(jdbi, username));
    }
}
