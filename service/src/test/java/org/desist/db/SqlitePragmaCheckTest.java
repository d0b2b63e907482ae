package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import org.desist.support.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The start-up check refuses a pool whose connections lack the durability pragmas. */
class SqlitePragmaCheckTest {

    @Test
    void a_plain_connection_fails_the_check_and_start_up_would_refuse() {
        Path file = TestApp.newDatabaseFile();
        SqlitePragmaCheck check = new SqlitePragmaCheck(Jdbi.create("jdbc:sqlite:" + file));
        // SQLite's own defaults: rollback journal, foreign keys off (synchronous already defaults to FULL)
        assertThat(check.failures())
                .anySatisfy(f -> assertThat(f).startsWith("journal_mode"))
                .anySatisfy(f -> assertThat(f).startsWith("foreign_keys"));
        assertThatThrownBy(check::requireAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start");
    }

    @Test
    void a_prepared_data_source_passes_and_creates_the_missing_folder() throws Exception {
        Path file = TestApp.newDatabaseFile().getParent().resolve("nested/folder/desist.db");
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.sqlite.JDBC");
        factory.setUrl("jdbc:sqlite:" + file);
        Dialect.prepare(factory);
        ManagedDataSource dataSource = factory.build(new MetricRegistry(), "test");
        try {
            SqlitePragmaCheck check = new SqlitePragmaCheck(Jdbi.create(dataSource));
            assertThat(check.failures()).isEmpty();
            assertThat(file.getParent()).isDirectory();
        } finally {
            dataSource.stop();
        }
    }
}
