package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.desist.config.DesistConfiguration;
import org.desist.support.Commands;
import org.desist.support.Keytool;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL over TLS with the server's certificate verified (V12.3.1-4), as .ci/run's PostgreSQL pass runs it:
 * its cluster takes TCP connections over TLS only, and DESIST_TEST_POSTGRES_URL carries {@code sslmode=verify-full}
 * and {@code sslrootcert} naming the run's throwaway CA.
 */
@Tag("slow")
@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIfEnvironmentVariable(
        named = "DESIST_TEST_POSTGRES_TLS",
        matches = "required",
        disabledReason = "needs a PostgreSQL server that requires TLS: DESIST_TEST_POSTGRES_TLS=required and"
                + " DESIST_TEST_POSTGRES_URL with sslmode=verify-full&sslrootcert=<CA file> (set by .ci/run)")
@EnabledIfEnvironmentVariable(
        named = "DESIST_TEST_POSTGRES_URL",
        matches = "jdbc:postgresql:.*",
        disabledReason = "needs DESIST_TEST_POSTGRES_URL (set by .ci/run)")
class PostgresTlsTest {
    static final String PASSWORD = "not-to-be-logged-7f3a";
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void the_services_own_connections_are_encrypted() throws Exception {
        assertThat(System.getenv("DESIST_TEST_POSTGRES_URL")).contains("sslmode=verify-full");
        ManagedDataSource pool = APP.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(JettyManaged.class::isInstance)
                .map(managed -> ((JettyManaged) managed).getManaged())
                .filter(ManagedDataSource.class::isInstance)
                .map(ManagedDataSource.class::cast)
                .findFirst()
                .orElseThrow();
        try (Connection connection = pool.getConnection();
                Statement sql = connection.createStatement();
                ResultSet mine =
                        sql.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(mine.next()).isTrue();
            assertThat(mine.getBoolean("ssl"))
                    .as("this connection is encrypted")
                    .isTrue();
            assertThat(mine.getString("version")).isIn("TLSv1.2", "TLSv1.3");
        }
        try (Connection connection = pool.getConnection();
                Statement sql = connection.createStatement();
                ResultSet all = sql.executeQuery("SELECT count(*) AS connections, count(*) FILTER (WHERE ssl) AS"
                        + " encrypted FROM pg_stat_ssl JOIN pg_stat_activity USING (pid)"
                        + " WHERE datname = current_database() AND application_name = 'desist'")) {
            all.next();
            assertThat(all.getInt("connections")).isPositive();
            assertThat(all.getInt("encrypted"))
                    .as("every connection of the service's")
                    .isEqualTo(all.getInt("connections"));
        }
    }

    @Test
    void a_root_certificate_that_did_not_sign_the_servers_refuses_the_start_in_one_line() throws Exception {
        Path wrongCa = Keytool.unrelatedCaCertificate(Keytool.folder());
        TestDatabase database = TestDatabase.fresh();
        TestDatabase mistrusting = new TestDatabase(
                database.url().replaceFirst("sslrootcert=[^&]*", "sslrootcert=" + wrongCa),
                database.driverClass(),
                database.user(),
                PASSWORD,
                Optional.empty());
        assertThat(mistrusting.url()).contains("sslrootcert=" + wrongCa);
        Path config = Commands.configFor(mistrusting);

        Commands.Outcome refused = Commands.expectingRefusal("server", config.toString());

        assertThat(refused.succeeded()).as(refused.toString()).isFalse();
        assertThat(refused.stderr().strip())
                .as(refused.toString())
                .startsWith("desist: refusing to start: the database server's TLS certificate could not be verified"
                        + " (sslmode=verify-full): ")
                .contains("sslrootcert")
                .doesNotContain("\n")
                .doesNotContain(PASSWORD);
        assertThat(refused.stdout())
                .doesNotContain(PASSWORD)
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(Files.readString(config)).contains(PASSWORD); // it was there to leak
    }
}
