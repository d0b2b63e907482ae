package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.db.DataSourceFactory;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** The URL alone chooses the database; anything else is refused without echoing credentials. */
class DialectTest {

    @Test
    void the_url_picks_the_dialect_and_its_driver() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.sqlite.JDBC"); // config.yml's default, left as it was
        factory.setUrl("jdbc:postgresql://db.example:5432/desist");
        assertThat(Dialect.prepare(factory)).isEqualTo(Dialect.POSTGRESQL);
        assertThat(factory.getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(factory.isAutoCommentsEnabled()).isFalse();

        DataSourceFactory sqlite = new DataSourceFactory();
        sqlite.setDriverClass("org.postgresql.Driver");
        sqlite.setUrl("jdbc:sqlite:" + TestDatabase.newSqliteFile());
        assertThat(Dialect.prepare(sqlite)).isEqualTo(Dialect.SQLITE);
        assertThat(sqlite.getDriverClass()).isEqualTo("org.sqlite.JDBC");
        assertThat(sqlite.getProperties()).containsEntry("journal_mode", "WAL").containsEntry("synchronous", "FULL");
    }

    @Test
    void another_database_is_refused_naming_only_the_scheme() {
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://admin:s3cret@db.example/desist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:<file> or jdbc:postgresql://")
                .hasMessageEndingWith("not jdbc:mysql")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Dialect.of((String) null)).hasMessageEndingWith("not nothing");
    }
}
