package org.desist.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Jdbi set up the same way for the server and for the command-line tools. */
public final class Databases {
    private Databases() {}

    /** Settings every Jdbi here shares, whoever built it. */
    public static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        dialect.configure(jdbi);
        IsoTimeColumns.register(jdbi);
        FlagColumns.register(jdbi);
        // Exceptions must never carry bound values into logs: they can be clinical free text.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    /** A data source and Jdbi for a command: migrated first when the configuration says so. */
    public static Opened open(DataSourceFactory factory, boolean migrate, String name) throws Exception {
        Dialect dialect = Dialect.prepare(factory);
        if (migrate) {
            Migrations.apply(factory);
        }
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), name);
        Jdbi jdbi = configure(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()), dialect);
        return new Opened(jdbi, dataSource);
    }

    public record Opened(Jdbi jdbi, ManagedDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dataSource.stop();
        }
    }
}
