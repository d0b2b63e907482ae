package org.desist.db;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import liquibase.Liquibase;
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
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "migrations");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update("");
            }
        } finally {
            dataSource.stop();
        }
    }
}
