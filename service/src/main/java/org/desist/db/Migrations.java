package org.desist.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Liquibase changelogs shipped in the jar, on a data source of its own that it closes. Instances that
 * start together take turns ({@link MigrationLock}); an instance that does not migrate waits for the one that
 * does, and will not serve a schema older than its code.
 */
public final class Migrations {
    public static final String CHANGELOG = "migrations/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private Migrations() {}

    public static void apply(DataSourceFactory factory) throws Exception {
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        Dialect dialect = Dialect.of(factory);
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "migrations");
        Optional<Set<String>> listed = ShippedChangeSets.listed(dialect);
        boolean current;
        try (Connection connection = dataSource.getConnection()) {
            current = listed.isPresent() && applied(connection).containsAll(listed.get());
        }
        if (current) {
            LOG.info(
                    "The schema has all {} change sets this version ships: nothing to migrate",
                    listed.get().size());
            dataSource.stop();
            return;
        }
        // the lock on a connection of its own: Liquibase closes the one it is given
        try (Connection locked = dataSource.getConnection();
                MigrationLock lock = MigrationLock.take(dialect, factory.getUrl(), locked);
                Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                // to the log, not standard output: commands such as add-user print only their own result
                Scope.child(
                        Scope.Attr.ui,
                        new LoggerUIService(),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
        } finally {
            dataSource.stop();
        }
    }

    /**
     * For an instance started with migrateOnStart off: returns once every change set this code ships is applied,
     * waiting up to {@code patience} for another instance or {@code db migrate} to apply them; then refuses.
     * Reads only (it never creates Liquibase's tables), so the application's database role can run it.
     */
    public static void awaitApplied(DataSourceFactory factory, Duration patience) throws Exception {
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "migration-check");
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(factory);
            Optional<Set<String>> listed = ShippedChangeSets.listed(dialect);
            Set<String> expected = listed.isPresent() ? listed.get() : ShippedChangeSets.parsed(dialect);
            Instant deadline = Instant.now().plus(patience);
            Instant nextReport = Instant.now();
            while (true) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(applied(connection));
                if (missing.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Refusing to start: " + missing.size() + " database migrations are"
                            + " not applied (migrateOnStart is off): run `java -jar desist.jar db migrate <config>`");
                }
                if (!Instant.now().isBefore(nextReport)) {
                    LOG.info(
                            "Waiting for {} database migrations to be applied by another instance or db migrate",
                            missing.size());
                    nextReport = Instant.now().plus(REPORT_EVERY);
                }
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            dataSource.stop();
        }
    }

    private static Set<String> applied(Connection connection) throws SQLException {
        Set<String> applied = new HashSet<>();
        if (!hasChangelogTable(connection)) {
            return applied;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT author, id FROM databasechangelog")) {
            while (rows.next()) {
                applied.add(rows.getString(1) + ":" + rows.getString(2));
            }
        }
        return applied;
    }

    private static boolean hasChangelogTable(Connection connection) throws SQLException {
        for (String name : new String[] {"databasechangelog", "DATABASECHANGELOG"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
