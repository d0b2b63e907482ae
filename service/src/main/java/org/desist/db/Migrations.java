package org.desist.db;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import com.codahale.metrics.MetricRegistry;

/** Applies the Liquibase changelogs shipped in the jar, on a data source of its own that it closes. */
public final class Migrations {
    public static final String CHANGELOG = "migrations/changelog.xml";

    private Migrations() {
    }

    public static void apply(DataSourceFactory factory) throws Exception {
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "migrations");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                // to the log, not standard output: commands such as add-user print only their own result
                Scope.child(Scope.Attr.ui, new LoggerUIService(), () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
        } finally {
            dataSource.stop();
        }
    }
}
