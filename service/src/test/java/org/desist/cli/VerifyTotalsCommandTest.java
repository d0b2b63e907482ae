package org.desist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.db.Dialect;
import org.desist.session.TotalsHealthCheck;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code verify-totals} and the attendance-totals health check: silent on true totals, naming each drift. */
@ExtendWith(DropwizardExtensionsSupport.class)
class VerifyTotalsCommandTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);

    @Test
    void passes_true_totals_then_names_every_row_that_drifted() {
        Api api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("VTOT");
        String cohort = cases.cohort("VTOT").get("id").asText();
        String participant =
                cases.enrolment("VTOT", cohort).get("participantId").asText();
        for (String day : new String[] {"2026-02-10", "2026-02-11"}) {
            String base = "/participants/" + participant + "/sessions";
            JsonNode session = Cases.created(api.post(
                    base,
                    Map.of(
                            "kind",
                            "individual_therapy",
                            "scheduledAt",
                            day + "T10:00:00Z",
                            "durationMinutes",
                            50,
                            "facilitator",
                            "Dr A. Okafor")));
            Cases.ok(api.post(
                    base + "/" + session.get("id").asText() + "/outcome",
                    Map.of("outcome", "attended", "engagement", 3, "shareable", false)));
        }
        Path config = Commands.configFor(DATABASE);
        Commands.Outcome clean = Commands.run(null, "verify-totals", config.toString());
        assertThat(clean.succeeded()).as(clean.toString()).isTrue();
        assertThat(clean.stdout()).contains("Attendance totals equal a recount of the sessions");
        Jdbi jdbi =
                Databases.configure(DATABASE.jdbi().installPlugin(new SqlObjectPlugin()), Dialect.of(DATABASE.url()));
        assertThat(new TotalsHealthCheck(jdbi).execute().isHealthy()).isTrue();

        jdbi.useHandle(handle -> {
            handle.createUpdate("UPDATE cohort_attendance_totals SET sessions = sessions - 1 WHERE cohort_id = :c"
                            + " AND on_date = '2026-02-10'")
                    .bind("c", cohort)
                    .execute();
            handle.execute("DELETE FROM attendance_totals WHERE site_code = 'VTOT' AND on_date = '2026-02-11'");
        });

        Commands.Outcome drifted = Commands.run(null, "verify-totals", config.toString());
        assertThat(drifted.succeeded()).as(drifted.toString()).isFalse();
        assertThat(drifted.stderr()).contains("verify-totals: 2 rows of attendance totals differ from a recount");
        assertThat(drifted.stdout())
                .contains("cohort_attendance_totals " + cohort + " 2026-02-10 attended: held 0"
                        + " sessions (engagement 3 over 1 rated), a recount gives 1 (engagement 3 over 1 rated)")
                .contains("attendance_totals VTOT 2026-02-11 attended: held 0 sessions (engagement 0 over 0 rated),"
                        + " a recount gives 1 (engagement 3 over 1 rated)");
        HealthCheck.Result health = new TotalsHealthCheck(jdbi).execute();
        assertThat(health.isHealthy()).isFalse();
        assertThat(health.getMessage())
                .startsWith("2 rows of attendance totals differ")
                .contains("VTOT 2026-02-11");

        Reply checks = new Api("http://localhost:" + APP.getAdminPort()).get("/healthcheck");
        assertThat(checks.text()).contains("\"attendance-totals\"");
    }
}
