package org.desist.support;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Instant;
import java.util.Set;
import org.desist.DesistConfiguration;
import org.desist.auth.Passwords;
import org.desist.auth.Role;
import org.desist.db.Databases;
import org.desist.user.AccountDao;

/**
 * Accounts for tests, written straight into the app's database. Unlike add-user this may give any
 * role every site, so one "tester" can walk a whole case; access tests create realistic accounts.
 */
public final class Staff {
    public static final String PASSWORD = "correct horse battery staple";
    private static final String HASH = Passwords.hash(PASSWORD);

    private Staff() {
    }

    public static void ensure(DropwizardAppExtension<DesistConfiguration> app, String username, Set<Role> roles,
                              Set<String> sites) {
        DataSourceFactory running = app.getConfiguration().getDatabase();
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(running.getDriverClass());
        factory.setUrl(running.getUrl());
        factory.setUser(running.getUser());
        factory.setPassword(running.getPassword());
        ensure(factory, username, roles, sites);
    }

    public static void ensure(TestDatabase database, String username, Set<Role> roles, Set<String> sites) {
        ensure(database.factory(), username, roles, sites);
    }

    public static void ensure(String sqliteUrl, String username, Set<Role> roles, Set<String> sites) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.sqlite.JDBC");
        factory.setUrl(sqliteUrl);
        ensure(factory, username, roles, sites);
    }

    public static synchronized void ensure(DataSourceFactory factory, String username, Set<Role> roles,
                                           Set<String> sites) {
        try (Databases.Opened database = Databases.open(factory, false, "test-staff")) {
            database.jdbi().useTransaction(handle -> {
                AccountDao accounts = handle.attach(AccountDao.class);
                if (accounts.find(username).isPresent()) {
                    return;
                }
                accounts.insert(username, HASH, Instant.now());
                roles.forEach(role -> accounts.grant(username, role));
                sites.forEach(site -> accounts.bind(username, site));
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not create test account " + username, e);
        }
    }
}
