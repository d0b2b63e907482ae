package org.desist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code add-user} run as the jar runs it, against the database a running service uses: what it
 * refuses, what it stores, and that the accounts it makes can log in over HTTP.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AddUserCommandTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);

    private static final String SITE = "ADD";
    private static Path config;

    @BeforeAll
    static void aSite() {
        new Cases(TestApp.api(APP)).site(SITE);
        config = Commands.configFor(DATABASE);
    }

    private static Commands.Outcome addUser(String password, String... options) {
        List<String> arguments = new ArrayList<>(List.of("add-user"));
        arguments.addAll(List.of(options));
        arguments.add(config.toString());
        return Commands.run(password == null ? "" : password + "\n", arguments.toArray(String[]::new));
    }

    private static int login(String username, String password) {
        return TestApp.anonymous(APP)
                .withBasic(username, password)
                .get("/sites")
                .status();
    }

    private static void assertRefused(Commands.Outcome outcome, String username, String reason) throws SQLException {
        assertThat(outcome.failure()).as(outcome.toString()).isPresent();
        assertThat(outcome.stderr()).contains(reason);
        assertThat(outcome.stdout()).doesNotContain("Created user");
        assertThat(storedHash(username)).as("nothing stored for " + username).isEmpty();
    }

    // --- passwords ---

    @Test
    void refuses_a_password_of_eleven_characters() throws SQLException {
        Commands.Outcome outcome = addUser("abcdefghijk", "--username", "eleven", "--role", "police", "--site", SITE);

        assertRefused(outcome, "eleven", "add-user: password must be at least 12 characters");
    }

    @Test
    void refuses_an_empty_or_blank_password() throws SQLException {
        assertRefused(
                addUser(null, "--username", "no.line", "--role", "police", "--site", SITE),
                "no.line",
                "password must be at least 12 characters");
        assertRefused(
                addUser(" ".repeat(12), "--username", "blank.pw", "--role", "police", "--site", SITE),
                "blank.pw",
                "password must not be blank");
    }

    @Test
    void accepts_a_password_of_twelve_characters_which_then_logs_in() {
        // twelve characters that are not a common password (PasswordScreeningTest: "abcdefghijkl" is a sequence)
        Commands.Outcome outcome = addUser("fig owl yurt", "--username", "twelve", "--role", "police", "--site", SITE);

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.stdout()).contains("Created user 'twelve' with roles [police] for sites [ADD]");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain("fig owl yurt");
        assertThat(login("twelve", "fig owl yurt")).isEqualTo(200);
        assertThat(login("twelve", "fig owl yur")).isEqualTo(401);
    }

    @Test
    void accepts_a_hundred_character_password_without_truncating_it() {
        String password = "Correct horse battery staple, ".repeat(4).substring(0, 100);
        assertThat(password).hasSize(100);

        Commands.Outcome outcome =
                addUser(password, "--username", "long.phrase", "--role", "clinician", "--site", SITE);

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(login("long.phrase", password.substring(0, 72)))
                .as("the first 72 characters alone")
                .isEqualTo(401);
        assertThat(login("long.phrase", password.substring(0, 99)))
                .as("all but the last character")
                .isEqualTo(401);
        assertThat(login("long.phrase", password)).isEqualTo(200);
    }

    @Test
    void stores_only_an_argon2id_hash_of_at_least_19_mib() throws SQLException {
        String password = "stored as a hash only";
        assertThat(addUser(password, "--username", "hashed", "--role", "probation", "--site", SITE)
                        .succeeded())
                .isTrue();

        String hash = storedHash("hashed").orElseThrow();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(password);
        Matcher memory = Pattern.compile("\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$").matcher(hash);
        assertThat(memory.find()).as(hash).isTrue();
        assertThat(Integer.parseInt(memory.group(1))).as("memory cost, KiB").isGreaterThanOrEqualTo(19_456);
        assertThat(Integer.parseInt(memory.group(2))).as("passes").isGreaterThanOrEqualTo(2);

        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("SELECT * FROM app_user WHERE username = 'hashed'");
                ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(row.getString(column))).doesNotContain(password);
            }
        }
        // two accounts with one password do not share a hash: each is salted
        assertThat(addUser(password, "--username", "hashed.too", "--role", "probation", "--site", SITE)
                        .succeeded())
                .isTrue();
        assertThat(storedHash("hashed.too").orElseThrow()).isNotEqualTo(hash);
    }

    // --- the audit trail (issue 12) ---

    @Test
    void a_created_account_is_an_audit_row_naming_the_command_line_and_the_operating_system_user() {
        assertThat(addUser("a good long password", "--username", "audited", "--role", "police", "--site", SITE)
                        .succeeded())
                .isTrue();
        var rows = DATABASE.jdbi().withHandle(handle -> handle.createQuery("SELECT username, role, action, status,"
                        + " request_id FROM audit_event WHERE resource_type = 'account' AND resource_id = 'audited'")
                .mapToMap()
                .list());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("username")).isEqualTo("cli:" + System.getProperty("user.name"));
            assertThat(row.get("action")).isEqualTo("create");
            assertThat(((Number) row.get("status")).intValue()).isEqualTo(201);
            assertThat((String) row.get("request_id")).startsWith("add-user-");
        });
        assertThat(Commands.run("", "audit-verify", config.toString()).succeeded())
                .as("the chain still verifies")
                .isTrue();
    }

    // --- roles and sites ---

    @Test
    void refuses_a_clinician_without_a_site() throws SQLException {
        Commands.Outcome outcome = addUser("a good long password", "--username", "siteless", "--role", "clinician");

        assertRefused(outcome, "siteless", "give at least one site");
    }

    @Test
    void accepts_a_programme_lead_without_a_site_meaning_every_site() throws SQLException {
        Commands.Outcome outcome =
                addUser("a good long password", "--username", "lead.all", "--role", "programme_lead");

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.stdout()).contains("Created user 'lead.all' with roles [programme_lead] for all sites");
        assertThat(sitesOf("lead.all")).isEmpty();
        Api lead = TestApp.anonymous(APP).withBasic("lead.all", "a good long password");
        assertThat(lead.get("/sites").status()).isEqualTo(200);
        assertThat(lead.get("/referrals").status())
                .as("a programme lead reads the review queue")
                .isEqualTo(200);
    }

    @Test
    void binds_the_sites_given_and_accepts_several_roles() throws SQLException {
        Commands.Outcome outcome = addUser(
                "a good long password",
                "--username",
                "two.hats",
                "--role",
                "clinician",
                "--role",
                "probation",
                "--site",
                SITE);

        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(sitesOf("two.hats")).containsExactly(SITE);
        assertThat(login("two.hats", "a good long password")).isEqualTo(200);
    }

    @Test
    void refuses_an_unknown_site() throws SQLException {
        Commands.Outcome outcome =
                addUser("a good long password", "--username", "far.away", "--role", "police", "--site", "NOPE");

        assertRefused(outcome, "far.away", "add-user: site 'NOPE' does not exist");
    }

    @Test
    void refuses_an_unknown_role() throws SQLException {
        Commands.Outcome outcome =
                addUser("a good long password", "--username", "wizard", "--role", "wizard", "--site", SITE);

        assertRefused(outcome, "wizard", "wizard");
    }

    @Test
    void refuses_a_duplicate_username_and_keeps_the_first_account() throws SQLException {
        assertThat(addUser("the first password", "--username", "twice", "--role", "police", "--site", SITE)
                        .succeeded())
                .isTrue();
        String firstHash = storedHash("twice").orElseThrow();

        Commands.Outcome again = addUser("the second password", "--username", "twice", "--role", "admin");

        assertThat(again.failure()).as(again.toString()).isPresent();
        assertThat(again.stderr()).contains("add-user: user 'twice' already exists");
        assertThat(storedHash("twice")).contains(firstHash);
        assertThat(login("twice", "the second password")).isEqualTo(401);
        assertThat(login("twice", "the first password")).isEqualTo(200);
    }

    @Test
    void refuses_a_username_that_is_not_lower_case() throws SQLException {
        assertRefused(
                addUser("a good long password", "--username", "Mixed.Case", "--role", "admin"),
                "Mixed.Case",
                "username must be");
    }

    // --- the database, read directly ---

    private static Connection connect() throws SQLException {
        return DATABASE.connect();
    }

    private static Optional<String> storedHash(String username) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query =
                        db.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<String> sitesOf(String username) throws SQLException {
        List<String> sites = new ArrayList<>();
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("SELECT site_code FROM user_site WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sites.add(rows.getString(1));
                }
            }
        }
        return sites;
    }
}
