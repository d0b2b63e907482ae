package org.desist.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.desist.DesistApplication;
import org.desist.DesistConfiguration;

/** The whole service on random ports over a SQLite file of its own. */
public final class TestApp {
    private TestApp() {
    }

    public static Path newDatabaseFile() {
        try {
            Path folder = Files.createTempDirectory("desist-test");
            return folder.resolve("desist.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DropwizardAppExtension<DesistConfiguration> on(Path databaseFile) {
        return new DropwizardAppExtension<>(DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", "jdbc:sqlite:" + databaseFile));
    }

    public static DropwizardAppExtension<DesistConfiguration> fresh() {
        return on(newDatabaseFile());
    }

    public static Api api(DropwizardAppExtension<DesistConfiguration> app) {
        return new Api("http://localhost:" + app.getLocalPort() + "/api");
    }
}
