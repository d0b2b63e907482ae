package org.desist.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Staff;
import org.desist.support.TableDigest;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moving a SQLite deployment to the run's database (PostgreSQL in the PostgreSQL run, another SQLite file
 * otherwise): every table arrives row for row, the audit chain verifies there with the source's head, and
 * the service started on the copy shows the same case to the same account.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CopyDatabaseTest {
    static final Path SOURCE_FILE = TestApp.newDatabaseFile();
    static final TestDatabase SOURCE = TestDatabase.sqlite(SOURCE_FILE);
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(SOURCE);

    static String participantId;
    static JsonNode participant;

    @BeforeAll
    static void aDeploymentInUse() {
        Commands.Outcome seeded = Commands.run(
                null,
                "seed",
                "--participants",
                "40",
                "--seed",
                "3",
                Commands.configFor(SOURCE).toString());
        assertThat(seeded.succeeded()).as(seeded.toString()).isTrue();
        Api api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("CPY");
        participantId = cases.participant("CPY");
        String base = "/participants/" + participantId;
        String etag = api.get(base).header("ETag");
        Cases.ok(api.patch(base, Map.of("familyName", "Hale-Smith"), etag));
        String session = Cases.created(api.post(
                        base + "/sessions",
                        Map.of(
                                "kind",
                                "individual_therapy",
                                "scheduledAt",
                                "2026-03-02T09:00:00Z",
                                "durationMinutes",
                                50,
                                "facilitator",
                                "Dr A. Okafor")))
                .get("id")
                .asText();
        Cases.ok(api.post(
                base + "/sessions/" + session + "/outcome",
                Map.of(
                        "outcome",
                        "attended",
                        "engagement",
                        4,
                        "notes",
                        "Talked about the break-up",
                        "shareable",
                        false)));
        participant = Cases.ok(api.get(base));
    }

    @Test
    void every_row_and_the_audit_chain_arrive_and_the_service_runs_on_the_copy() throws Exception {
        TestDatabase target = TestDatabase.fresh();
        Commands.Outcome copied = copy(target);
        assertThat(copied.succeeded()).as(copied.toString()).isTrue();
        assertThat(copied.stdout())
                .contains("Audit log intact on the target: ", "(the source's)")
                .containsPattern("participant +[0-9]+");

        Map<String, String> source = TableDigest.of(SOURCE);
        assertThat(source.get("audit_event")).doesNotStartWith("0:");
        assertThat(source.get("session")).doesNotStartWith("0:");
        assertThat(TableDigest.of(target)).isEqualTo(source);

        DropwizardTestSupport<DesistConfiguration> onCopy = new DropwizardTestSupport<>(
                DesistApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), target.overrides());
        onCopy.before();
        try {
            Api api = new Api("http://localhost:" + onCopy.getLocalPort() + "/api").withBasic("tester", Staff.PASSWORD);
            JsonNode there = Cases.ok(api.get("/participants/" + participantId));
            assertThat(there).isEqualTo(participant);
            JsonNode sessions = Cases.ok(api.get("/participants/" + participantId + "/sessions"));
            assertThat(sessions.get("items").get(0).get("notes").asText()).isEqualTo("Talked about the break-up");
            // new writes carry on the chain and the case numbering where the source left them
            assertThat(new Cases(api)
                            .referral("CPY", "2026-03-01")
                            .get("caseRef")
                            .asText())
                    .isEqualTo("CPY-2026-0002");
        } finally {
            onCopy.after();
        }
        Commands.Outcome verified =
                Commands.run(null, "audit-verify", Commands.configFor(target).toString());
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
    }

    @Test
    void a_target_that_holds_data_is_refused_and_left_as_it_was() throws Exception {
        TestDatabase target = TestDatabase.fresh();
        assertThat(Commands.run(
                                null,
                                "db",
                                "migrate",
                                Commands.configFor(target).toString())
                        .succeeded())
                .isTrue();
        Staff.ensure(target, "someone", Set.of(Role.admin), Set.of());
        Map<String, String> before = TableDigest.of(target);

        Commands.Outcome refused = copy(target);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.stderr()).contains("copy-database: the target already holds data (app_user is not empty)");
        assertThat(TableDigest.of(target)).isEqualTo(before);
    }

    @Test
    void an_unknown_database_is_refused_before_anything_is_opened() {
        Commands.Outcome refused = Commands.run(
                null,
                "copy-database",
                "--to-url",
                "jdbc:mysql://db.example/desist",
                Commands.configFor(SOURCE).toString());
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.stderr())
                .contains("copy-database: The database URL must be jdbc:sqlite:<file> or"
                        + " jdbc:postgresql://<host>/<database>, not jdbc:mysql");
    }

    private static Commands.Outcome copy(TestDatabase target) {
        List<String> arguments = new ArrayList<>(List.of("copy-database", "--to-url", target.url()));
        if (target.user() != null) {
            arguments.addAll(List.of("--to-user", target.user()));
        }
        arguments.add(Commands.configFor(SOURCE).toString());
        return Commands.run(null, arguments.toArray(String[]::new));
    }
}
