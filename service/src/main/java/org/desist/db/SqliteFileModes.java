package org.desist.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.desist.refusal.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database is its user's alone (V14.1.2): its folder {@code rwx------}, the file, its {@code -wal} and
 * {@code -shm} and the audit key file beside it {@code rw-------}. New ones are made so, before SQLite opens them
 * (SQLite gives the -wal and -shm the database file's mode). At start, a file others could read or write is
 * narrowed, with a warning: the service made it, and an install from before this rule has its files {@code 0644}
 * under the usual umask, which a refusal would take down for one chmod. A folder open to others refuses the start:
 * it may be shared ({@code /tmp}, a home), so it is the operator's to change, not the service's.
 */
public final class SqliteFileModes {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFileModes.class);
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);
    /** What lives beside the database file and holds its data or its audit key. */
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal", ".audit-key");

    private SqliteFileModes() {}

    /** Makes the folder ({@code 0700}) and an empty database file ({@code 0600}) where they are missing. */
    static void create(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!posix(absolute.getParent())) {
                Files.createDirectories(absolute.getParent());
                return;
            }
            Files.createDirectories(absolute.getParent(), PosixFilePermissions.asFileAttribute(FOLDER));
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException alreadyThere) {
            // checked at start (requireOwnerOnly)
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database file " + absolute, e);
        }
    }

    /** Refuses a folder others may read or write; narrows the database's files that others may, warning. */
    public static void requireOwnerOnly(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!posix(folder) || !Files.isDirectory(folder)) {
            return;
        }
        Set<PosixFilePermission> folderMode = mode(folder);
        if (openToOthers(folderMode)) {
            throw new StartRefused("the database folder " + folder + " is open to others ("
                    + PosixFilePermissions.toString(folderMode) + "): it must be the service user's alone, chmod 700"
                    + " it (docs/security.md, \"Data at rest\")");
        }
        narrow(absolute);
        for (String companion : COMPANIONS) {
            narrow(absolute.resolveSibling(absolute.getFileName() + companion));
        }
    }

    private static void narrow(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Set<PosixFilePermission> was = mode(file);
        if (!openToOthers(was)) {
            return;
        }
        Set<PosixFilePermission> narrowed = EnumSet.copyOf(was);
        narrowed.retainAll(FILE);
        try {
            Files.setPosixFilePermissions(file, narrowed);
        } catch (IOException e) {
            throw new StartRefused(
                    "the database file " + file + " is open to others (" + PosixFilePermissions.toString(was)
                            + ") and the service cannot narrow it: chmod 600 it (docs/security.md, \"Data at rest\")");
        }
        LOG.warn(
                "The database file {} was open to others ({}): narrowed to {}. Anyone who could read it may have"
                        + " copied it; see docs/security.md, \"Data at rest\"",
                file,
                PosixFilePermissions.toString(was),
                PosixFilePermissions.toString(narrowed));
    }

    private static boolean openToOthers(Set<PosixFilePermission> mode) {
        return mode.stream().anyMatch(OPEN_TO_OTHERS::contains);
    }

    private static Set<PosixFilePermission> mode(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the permissions of " + path, e);
        }
    }

    private static boolean posix(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
