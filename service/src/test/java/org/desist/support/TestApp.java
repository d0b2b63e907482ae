package org.desist.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;

/** The whole service on random ports over a database of its own. */
public final class TestApp {
    public static final String BEHIND_LOCAL_PROXY = "test-config-behind-proxy.yml";

    private TestApp() {}

    public static Path newDatabaseFile() {
        return TestDatabase.newSqliteFile();
    }

    /** On a SQLite file, whatever database the run uses: for what is about SQLite files themselves. */
    public static DropwizardAppExtension<DesistConfiguration> on(Path databaseFile) {
        return on(TestDatabase.sqlite(databaseFile));
    }

    public static DropwizardAppExtension<DesistConfiguration> on(TestDatabase database) {
        return new DropwizardAppExtension<>(
                DesistApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), database.overrides());
    }

    /**
     * On that database, behind a trusted proxy at 127.0.0.1 (so X-Forwarded-For names the client) and with the
     * service's own sign-in throttle (test-config.yml relaxes it for tests that probe with wrong passwords).
     */
    public static DropwizardAppExtension<DesistConfiguration> behindLocalProxy(TestDatabase database) {
        return new DropwizardAppExtension<>(
                DesistApplication.class, ResourceHelpers.resourceFilePath(BEHIND_LOCAL_PROXY), database.overrides());
    }

    /**
     * On that database with a second factor required of every account, as deployed (the test configurations
     * turn it off, because most tests sign in with HTTP Basic alone).
     */
    public static DropwizardAppExtension<DesistConfiguration> secondFactorRequired(TestDatabase database) {
        return new DropwizardAppExtension<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                database.overrides(ConfigOverride.config("secondFactor.required", "true")));
    }

    /** On a new database of the run's kind (SQLite, or PostgreSQL when the run says so). */
    public static DropwizardAppExtension<DesistConfiguration> fresh() {
        return on(TestDatabase.fresh());
    }

    /** Unauthenticated: every call answers 401. */
    public static Api anonymous(DropwizardAppExtension<DesistConfiguration> app) {
        return new Api("http://localhost:" + app.getLocalPort() + "/api");
    }

    /** A tester who may walk a whole case at every site (lead, clinician and police at once). */
    public static Api api(DropwizardAppExtension<DesistConfiguration> app) {
        Staff.ensure(app, "tester", Set.of(Role.programme_lead, Role.clinician, Role.police), Set.of());
        return as(app, "tester");
    }

    public static Api as(DropwizardAppExtension<DesistConfiguration> app, String username) {
        return anonymous(app).withBasic(username, Staff.PASSWORD);
    }
}
