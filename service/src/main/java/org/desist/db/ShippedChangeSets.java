package org.desist.db;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.core.SQLiteDatabase;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.LoggerFactory;

/**
 * The change sets this jar ships for each kind of database, as "author:id". The build lists them (this class's
 * {@code main}, at process-classes), so that a start on a schema that already has them all need not have
 * Liquibase parse every changelog: measured, that took half of the start. Liquibase still applies any that are
 * missing, and a test holds the list to what Liquibase reads from the same changelogs.
 */
public final class ShippedChangeSets {
    private static final String LIST = "migrations/shipped-%s.txt";

    private ShippedChangeSets() {}

    /** Writes the list of each dialect into the class output folder given as the only argument. */
    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        // a build step: Liquibase's parse, logged at DEBUG by default, is not news
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        for (Dialect dialect : Dialect.values()) {
            Path list = classes.resolve(String.format(LIST, name(dialect)));
            Files.createDirectories(list.getParent());
            Files.writeString(list, String.join("\n", parsed(dialect)) + "\n");
        }
    }

    /** What Liquibase reads from the changelogs for this dialect (seconds of work). */
    public static Set<String> parsed(Dialect dialect) throws Exception {
        Database database = offline(dialect);
        Set<String> shipped = new TreeSet<>();
        try (Liquibase liquibase = new Liquibase(Migrations.CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
            DbmsChangeSetFilter forThisDatabase = new DbmsChangeSetFilter(database);
            for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
                if (forThisDatabase.accepts(changeSet).isAccepted()) {
                    shipped.add(changeSet.getAuthor() + ":" + changeSet.getId());
                }
            }
        }
        return shipped;
    }

    /** The list the build wrote, or empty when this is not a built jar (Liquibase then does all the work). */
    public static Optional<Set<String>> listed(Dialect dialect) throws IOException {
        try (InputStream list =
                ShippedChangeSets.class.getClassLoader().getResourceAsStream(String.format(LIST, name(dialect)))) {
            if (list == null) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    private static String name(Dialect dialect) {
        return dialect.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Database offline(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new SQLiteDatabase();
            case POSTGRESQL -> new PostgresDatabase();
        };
    }
}
