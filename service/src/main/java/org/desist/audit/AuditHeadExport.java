package org.desist.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the audit chain's head out of the database on a schedule, so a rewrite of the chain (which someone with
 * the key and write access could make verify again) still disagrees with copies nobody in the database can reach.
 * One line each time, appended to a file and written to the logger {@value #LOGGER}: the time, the row count, the
 * last row's seal (what {@code audit-verify} prints as the chain head), the head's own seal and the id of the key
 * that made it; never a key. Reading the head is one row, not a walk. Every instance exports: the same head may
 * appear once per instance, which is harmless, since each line only has to agree with the chain.
 */
public class AuditHeadExport implements Runnable {
    public static final String LOGGER = "org.desist.audit.head";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Logger PROBLEMS = LoggerFactory.getLogger(AuditHeadExport.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Path file;

    /** {@code file}: null to write the logger alone. */
    public AuditHeadExport(Jdbi jdbi, Clock clock, Path file) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.file = file;
    }

    @Override
    public void run() {
        try {
            String line = line();
            LOG.info(line);
            if (file != null) {
                Files.writeString(
                        file,
                        line + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            }
        } catch (IOException | RuntimeException e) {
            // a scheduled task that throws is never run again: say so, and try at the next turn
            PROBLEMS.error("Could not export the audit chain's head: {}", e.toString());
        }
    }

    /** The line as exported, e.g. {@code 2026-12-03T19:00:00Z audit head: 42 rows, chain head …, head seal … (key …)}. */
    String line() {
        AuditDao.Head head = jdbi.withExtension(AuditDao.class, AuditDao::head);
        return clock.instant().truncatedTo(ChronoUnit.MILLIS) + " audit head: " + head.lastSeq()
                + " rows, chain head " + head.lastHash() + ", head seal " + orDash(head.mac()) + " (key "
                + orDash(head.keyId()) + ")";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
