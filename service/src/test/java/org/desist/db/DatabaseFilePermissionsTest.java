package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
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

        started(file, () -> {
            assertThat(mode(folder)).isEqualTo("rwx------");
            // -wal and -shm exist while connections are open (a clean stop checkpoints and removes them)
            for (String name : List.of("desist.db", "desist.db-wal", "desist.db-shm", "desist.db.audit-key")) {
                assertThat(folder.resolve(name)).as(name).exists();
                assertThat(mode(folder.resolve(name))).as(name).isEqualTo("rw-------");
            }
        });
    }

    @Test
    void a_database_file_others_can_read_is_narrowed_with_a_warning_naming_it() throws Exception {
        Path file = TestDatabase.newSqliteFile();
        started(file, () -> {}); // made and migrated, with its audit key
        Path wal = file.resolveSibling("desist.db-wal");
        Files.deleteIfExists(wal);
        Files.createFile(wal); // an empty -wal, as a crash of an older install might leave it
        for (Path made : List.of(file, wal, file.resolveSibling("desist.db.audit-key"))) {
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-r--r--"));
        }

        List<String> warnings = started(file, () -> {
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(wal)).isEqualTo("rw-------");
            assertThat(mode(file.resolveSibling("desist.db.audit-key"))).isEqualTo("rw-------");
        });

        assertThat(warnings).anySatisfy(warning -> assertThat(warning)
                .contains("The database file " + file.toAbsolutePath() + " was open to others")
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

    private interface WhileRunning {
        void check() throws Exception;
    }

    /** Starts the service on that file, checks, stops it; the lines it logged at WARN or above. */
    private static List<String> started(Path file, WhileRunning check) throws Exception {
        Path log = Files.createTempFile("desist-modes", ".log");
        DropwizardTestSupport<DesistConfiguration> service = new DropwizardTestSupport<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                TestDatabase.sqlite(file)
                        .overrides(
                                ConfigOverride.config("auditKey", ""), // the key file beside the database
                                ConfigOverride.config("logging.appenders[0].type", "file"),
                                ConfigOverride.config("logging.appenders[0].archive", "false"),
                                ConfigOverride.config("logging.appenders[0].currentLogFilename", log.toString())));
        try {
            service.before();
            check.check();
        } finally {
            service.after();
        }
        return Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR"))
                .toList();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
