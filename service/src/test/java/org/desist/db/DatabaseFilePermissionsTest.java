package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.Commands;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database, its -wal and -shm, the audit key file beside it and their folder are the service user's
 * alone (V14.1.2): made 0600 and 0700; a file others could read is narrowed at start with a warning naming it;
 * a folder others could read or write (not the service's to change) refuses the start.
 */
@Tag("slow")
class DatabaseFilePermissionsTest {

    @Test
    void a_fresh_start_makes_the_files_0600_and_their_folder_0700() throws Exception {
        Path folder = Files.createTempDirectory("desist-modes").resolve("new-folder");
        Path file = folder.resolve("desist.db");

        started(file);

        assertThat(mode(folder)).isEqualTo("rwx------");
        for (String name : List.of("desist.db", "desist.db-wal", "desist.db-shm", "desist.db.audit-key")) {
            assertThat(folder.resolve(name)).as(name).exists();
            assertThat(mode(folder.resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void a_database_file_others_can_read_is_narrowed_with_a_warning_naming_it() throws Exception {
        Path file = TestDatabase.newSqliteFile();
        started(file); // made, migrated, with its -wal, -shm and audit key
        for (String name : List.of("desist.db", "desist.db-wal", "desist.db-shm", "desist.db.audit-key")) {
            Path made = file.resolveSibling(name);
            if (Files.exists(made)) {
                Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        List<String> warnings = started(file);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.resolveSibling("desist.db.audit-key"))).isEqualTo("rw-------");
        if (Files.exists(file.resolveSibling("desist.db-wal"))) {
            assertThat(mode(file.resolveSibling("desist.db-wal"))).isEqualTo("rw-------");
        }
        assertThat(warnings).anySatisfy(warning -> assertThat(warning)
                .contains(file.toAbsolutePath().toString())
                .contains("rw-r--r--")
                .contains("rw-------"));
    }

    @Test
    void a_database_folder_others_can_read_refuses_the_start_naming_it() throws Exception {
        Path file = TestDatabase.newSqliteFile();
        Path folder = file.toAbsolutePath().getParent();
        Path config = Commands.configFor(file);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        Commands.Outcome refused = Commands.expectingRefusal("server", config.toString());

        assertThat(refused.succeeded()).as(refused.toString()).isFalse();
        assertThat(refused.stderr().strip())
                .as(refused.toString())
                .isEqualTo("desist: refusing to start: the database folder " + folder
                        + " is open to others (rwxr-xr-x): it must be the service user's alone, chmod 700 it"
                        + " (docs/security.md, \"Data at rest\")");
        assertThat(mode(folder)).as("left as it was").isEqualTo("rwxr-xr-x");
    }

    /** Starts and stops the service on that file; what it logged at WARN from org.desist.db. */
    private static List<String> started(Path file) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("org.desist.db");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        DropwizardTestSupport<DesistConfiguration> service = new DropwizardTestSupport<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                TestDatabase.sqlite(file).overrides(io.dropwizard.testing.ConfigOverride.config("auditKey", "")));
        try {
            service.before();
        } finally {
            service.after();
            logger.detachAppender(log);
        }
        return log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
