package org.desist.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.ConfigFiles;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, item 8 (ASVS 16.4.2, 16.4.3): the audit chain's head is copied on a schedule to a file outside the
 * database, one line each time: its row count, the last row's seal and the head's own seal, as audit-verify and the
 * database hold them. More audited actions move the next line on; no line holds the audit key.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AuditHeadExportTest {
    static final Path EXPORT = exportFile();
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived(
                    "test-config.yml",
                    Map.of("auditHeadExport", "auditHeadExport:\n  file: " + EXPORT + "\n  every: 500ms")),
            DATABASE.overrides());
    static final Pattern LINE = Pattern.compile(
            "^(\\S+Z) audit head: (\\d+) rows, chain head ([0-9a-f]{64}|genesis), head seal ([0-9a-f]{64}|-) \\(key ([0-9a-f]+|-)\\)$");

    @Test
    void the_file_gains_the_current_head_and_moves_on_with_the_chain() throws Exception {
        Matcher first = awaitLine(row -> true);
        assertHeadOf(first);

        long before = Long.parseLong(first.group(2));
        for (int i = 0; i < 3; i++) {
            assertThat(TestApp.anonymous(APP)
                            .withBasic("nobody.here", "a wrong password, audited")
                            .get("/sites")
                            .status())
                    .isEqualTo(401);
        }
        Matcher later = awaitLine(rows -> rows >= before + 3);
        assertHeadOf(later);
        assertThat(Instant.parse(later.group(1))).isAfter(Instant.parse(first.group(1)));

        String key = APP.getConfiguration().getAuditKey();
        assertThat(Files.readAllLines(EXPORT))
                .allSatisfy(line -> assertThat(line).matches(LINE).doesNotContain(key.strip()));
    }

    /** The line says what the database says: its row's seal, and the head's MAC, under the key's id. */
    private static void assertHeadOf(Matcher line) {
        long rows = Long.parseLong(line.group(2));
        Map<String, Object> row = DATABASE.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT hash FROM audit_event WHERE seq = :seq")
                        .bind("seq", rows)
                        .mapToMap()
                        .findOne()
                        .orElse(Map.of("hash", rows == 0 ? "" : "(no row " + rows + ")")));
        if (rows > 0) {
            assertThat(line.group(3)).isEqualTo(row.get("hash"));
            assertThat(line.group(5))
                    .isEqualTo(APP.getConfiguration().auditKeys(false).current().id());
        }
    }

    private static Matcher awaitLine(java.util.function.LongPredicate rows) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (Files.exists(EXPORT)) {
                List<String> lines = Files.readAllLines(EXPORT);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    Matcher matcher = LINE.matcher(lines.get(i));
                    if (matcher.matches() && rows.test(Long.parseLong(matcher.group(2)))) {
                        return matcher;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "no such line in " + EXPORT + ": " + (Files.exists(EXPORT) ? Files.readAllLines(EXPORT) : "(no file)"));
    }

    private static Path exportFile() {
        try {
            return Files.createTempDirectory("desist-audit-head").resolve("audit-head.log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
