package org.desist.support;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A database of a test's own: a SQLite file by default, or, when {@code DESIST_TEST_POSTGRES_URL} names a
 * PostgreSQL server (for example {@code jdbc:postgresql://127.0.0.1:5432/postgres}), a new database created on
 * it, so the same tests run on both. User and password come from {@code DESIST_TEST_POSTGRES_USER} and
 * {@code DESIST_TEST_POSTGRES_PASSWORD}.
 */
public record TestDatabase(String url, String driverClass, String user, String password, Optional<Path> file) {
    private static final String POSTGRES_URL = System.getenv("DESIST_TEST_POSTGRES_URL");
    private static final String POSTGRES_USER = envOr("DESIST_TEST_POSTGRES_USER", "postgres");
    private static final String POSTGRES_PASSWORD = envOr("DESIST_TEST_POSTGRES_PASSWORD", "");

    /** True when this run's databases are PostgreSQL. */
    public static boolean onPostgres() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    /** A new, empty database of the run's kind. */
    public static TestDatabase fresh() {
        return onPostgres() ? newPostgres() : sqlite(newSqliteFile());
    }

    public static TestDatabase sqlite(Path file) {
        return new TestDatabase("jdbc:sqlite:" + file, "org.sqlite.JDBC", null, null, Optional.of(file));
    }

    public static Path newSqliteFile() {
        try {
            return Files.createTempDirectory("desist-test").resolve("desist.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase newPostgres() {
        String name =
                "desist_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + POSTGRES_URL, e);
        }
        // the run's URL with the new database's name, keeping its parameters (sslmode, sslrootcert: .ci/run)
        int query = POSTGRES_URL.indexOf('?');
        String path = query < 0 ? POSTGRES_URL : POSTGRES_URL.substring(0, query);
        String parameters = query < 0 ? "" : POSTGRES_URL.substring(query);
        return new TestDatabase(
                path.substring(0, path.lastIndexOf('/') + 1) + name + parameters,
                "org.postgresql.Driver",
                POSTGRES_USER,
                POSTGRES_PASSWORD,
                Optional.empty());
    }

    public boolean isSqlite() {
        return file.isPresent();
    }

    /** The settings that point an app at this database. */
    public ConfigOverride[] overrides() {
        return new ConfigOverride[] {
            ConfigOverride.config("database.url", url),
            ConfigOverride.config("database.driverClass", driverClass),
            ConfigOverride.config("database.user", user == null ? "" : user),
            ConfigOverride.config("database.password", password == null ? "" : password),
        };
    }

    /** These settings and some more of a test's own. */
    public ConfigOverride[] overrides(ConfigOverride... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(overrides()), java.util.Arrays.stream(more))
                .toArray(ConfigOverride[]::new);
    }

    /** A data source factory of its own, for commands and direct access. */
    public DataSourceFactory factory() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(driverClass);
        factory.setUrl(url);
        factory.setUser(user);
        factory.setPassword(password);
        return factory;
    }

    public Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    public Jdbi jdbi() {
        return user == null ? Jdbi.create(url) : Jdbi.create(url, user, password);
    }

    /** The lines a command's YAML configuration needs under {@code database:}. */
    public String yaml() {
        StringBuilder yaml = new StringBuilder()
                .append("  driverClass: ")
                .append(driverClass)
                .append('\n')
                .append("  url: \"")
                .append(url)
                .append("\"\n");
        if (user != null) {
            yaml.append("  user: \"")
                    .append(user)
                    .append("\"\n")
                    .append("  password: \"")
                    .append(password)
                    .append("\"\n");
        }
        return yaml.toString();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
