package org.desist.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.desist.refusal.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit key of a SQLite deployment that sets none: {@code <database file>.audit-key}, readable by its owner
 * only, made on the first start so the README's commands work with nothing set. It is a convenience, not the
 * recommended place: a key beside the data is stolen, copied and restored with it.
 */
final class AuditKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(AuditKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    private AuditKeyFile(Path path) {
        this.path = path;
    }

    static AuditKeyFile beside(Path databaseFile) {
        Path absolute = databaseFile.toAbsolutePath();
        return new AuditKeyFile(absolute.resolveSibling(absolute.getFileName() + ".audit-key"));
    }

    record Loaded(AuditKey key, boolean created) {}

    Loaded load(boolean create) {
        try {
            if (Files.exists(path)) {
                return new Loaded(read(), false);
            }
            if (!create) {
                throw new StartRefused("no audit key: DESIST_AUDIT_KEY (auditKey) is not set and there is no key file "
                        + path + " (the service makes one on its first start)");
            }
            if (!write()) {
                return new Loaded(read(), false); // made by another process a moment ago
            }
            LOG.warn(
                    "Created the audit key file {} (readable by its owner only): it seals the audit log, and whoever"
                            + " holds it and the database can rewrite the log undetected. Back it up separately from the"
                            + " database and keep it off the database's backups; better, move its content into"
                            + " DESIST_AUDIT_KEY from a secret store and delete the file (see docs/operations.md).",
                    path);
            return new Loaded(read(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key file " + path, e);
        }
    }

    private AuditKey read() throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(path))) {
            LOG.warn("The audit key file {} is readable by others than its owner: chmod 600 it", path);
        }
        String key = Files.readString(path, StandardCharsets.UTF_8);
        try {
            return AuditKey.of(key, "the audit key file " + path);
        } catch (IllegalArgumentException e) {
            throw new StartRefused(e.getMessage());
        }
    }

    /** Writes a new random key beside the database; false when the file appeared meanwhile. */
    private boolean write() throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random) + "\n";
        Files.createDirectories(path.getParent());
        boolean posix = Files.getFileAttributeView(path.getParent(), PosixFileAttributeView.class) != null;
        Path draft = posix
                ? Files.createTempFile(
                        path.getParent(), ".audit-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(path.getParent(), ".audit-key", ".tmp");
        try {
            Files.writeString(draft, key, StandardCharsets.UTF_8);
            try {
                Files.createLink(path, draft); // fails rather than replace a key another process just made
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                Files.move(draft, path);
                return true;
            }
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
