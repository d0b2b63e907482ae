package org.desist.support;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Instant;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.signin.Passwords;
import org.desist.user.AccountDao;

/**
 * Accounts for tests, written straight into the app's database. Unlike add-user this may give any
 * role every site, so one "tester" can walk a whole case; access tests create realistic accounts.
 */
public final class Staff {
    public static final String PASSWORD = "correct horse battery staple";
    private static final String HASH = Passwords.hash(PASSWORD);

    private Staff() {}

    public static void ensure(
            DropwizardAppExtension<DesistConfiguration> app, String username, Set<Role> roles, Set<String> sites) {
        ensure(factoryOf(app), username, roles, sites);
    }

    private static DataSourceFactory factoryOf(DropwizardAppExtension<DesistConfiguration> app) {
        DataSourceFactory running = app.getConfiguration().getDatabase();
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(running.getDriverClass());
        factory.setUrl(running.getUrl());
        factory.setUser(running.getUser());
        factory.setPassword(running.getPassword());
        return factory;
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

    /** Puts an account's password back (not temporary), as an administrator's reset would, but without the API. */
    public static void setPassword(DropwizardAppExtension<DesistConfiguration> app, String username, String password) {
        DataSourceFactory factory = factoryOf(app);
        String hash = password.equals(PASSWORD) ? HASH : Passwords.hash(password);
        try (Databases.Opened database = Databases.open(factory, false, "test-staff")) {
            database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE app_user SET password_hash = :hash,"
                            + " must_change_password = 0, password_expires_at = NULL,"
                            + " credential_version = credential_version + 1 WHERE username = :username")
                    .bind("hash", hash)
                    .bind("username", username)
                    .execute());
        } catch (Exception e) {
            throw new IllegalStateException("Could not set the password of " + username, e);
        }
    }

    /** Takes an account's second factor away, as an administrator's reset would, but without the API. */
    public static void forgetSecondFactor(DropwizardAppExtension<DesistConfiguration> app, String username) {
        try (Databases.Opened database = Databases.open(factoryOf(app), false, "test-staff")) {
            database.jdbi().useTransaction(handle -> {
                handle.createUpdate("DELETE FROM recovery_code WHERE username = :username")
                        .bind("username", username)
                        .execute();
                handle.createUpdate("DELETE FROM second_factor WHERE username = :username")
                        .bind("username", username)
                        .execute();
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not forget the second factor of " + username, e);
        }
    }

    public static synchronized void ensure(
            DataSourceFactory factory, String username, Set<Role> roles, Set<String> sites) {
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
