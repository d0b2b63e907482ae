package org.desist.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.desist.audit.AuditKeys;
import org.desist.audit.AuditVerification;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.pdf.PdfText;
import org.desist.summary.WholeCase;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger of disclosures end to end: a download names its recipient and purpose or is refused, writing
 * nothing; a disclosed PDF carries the recipient on every page; the ledger and the audit row hold the SHA-256 of
 * the very bytes received; the chain still verifies.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class DisclosureLedgerTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String SITE = "LDG";
    static WholeCase whole;
    static Api probation;
    static Api cps;

    @BeforeAll
    static void aWholeCase() {
        Api tester = TestApp.api(APP);
        new Cases(tester).site(SITE);
        new Cases(tester).site("LDX");
        whole = WholeCase.build(tester, SITE);
        Staff.ensure(APP, "po.ldg", Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, "cps.ldg", Set.of(Role.cps), Set.of(SITE));
        Staff.ensure(APP, "po.elsewhere", Set.of(Role.probation), Set.of("LDX"));
        Staff.ensure(APP, "dpo.ldg", Set.of(Role.dpo), Set.of());
        Staff.ensure(APP, "admin.ldg", Set.of(Role.admin), Set.of(SITE));
        probation = TestApp.as(APP, "po.ldg");
        cps = TestApp.as(APP, "cps.ldg");
    }

    String summary(String audience) {
        return "/participants/" + whole.participantId + "/reports/" + audience;
    }

    @Test
    void a_download_without_a_recipient_or_a_purpose_is_refused_naming_them_and_writes_nothing() throws Exception {
        Map<String, Long> before = counts();

        Reply neither = probation.get(summary("probation"));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.contentType()).startsWith("application/problem+json");
        assertThat(neither.fieldsAtFault()).containsExactlyInAnyOrder("recipient", "purpose");

        Reply blank = cps.get(summary("cps") + "?recipient=%20&purpose=");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.fieldsAtFault()).containsExactlyInAnyOrder("recipient", "purpose");

        Reply noOrganisation = probation.get(summary("probation") + "?recipient=Jane%20Hill&purpose=parole");
        assertThat(noOrganisation.status()).isEqualTo(400);
        assertThat(noOrganisation.fieldsAtFault()).containsExactly("recipient");
        assertThat(noOrganisation.json().get("errors").get(0).get("reason").asText())
                .contains("organisation");

        Reply tooLong = probation.get(summary("probation") + "?recipient=Jane%20Hill%2C%20HMPPS&purpose="
                + "x".repeat(DisclosureRequest.MAX_PURPOSE + 1));
        assertThat(tooLong.fieldsAtFault()).containsExactly("purpose");

        Reply export = TestApp.api(APP).get("/programme/export?from=2026-01-01&to=2026-06-30&purpose=evaluation");
        assertThat(export.status()).isEqualTo(400);
        assertThat(export.fieldsAtFault()).containsExactly("recipient");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_disclosed_pdf_names_its_recipient_on_every_page_and_the_ledger_holds_its_hash() throws Exception {
        HttpResponse<byte[]> response = probation.download(Disclosed.to(summary("probation")));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        byte[] pdf = response.body();
        PdfText text = PdfText.of(pdf);
        assertThat(text.pages()).as("a document of several pages").hasSizeGreaterThan(1);
        for (int page = 1; page <= text.pages().size(); page++) {
            assertThat(text.page(page)).as("page %d", page).contains(Disclosed.line());
        }
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        JsonNode ledger = Cases.ok(probation.get("/participants/" + whole.participantId + "/disclosures"));
        JsonNode newest = ledger.get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("probation_summary");
        assertThat(newest.get("participantId").asText()).isEqualTo(whole.participantId);
        assertThat(newest.get("recipientName").asText()).isEqualTo(Disclosed.NAME);
        assertThat(newest.get("recipientOrganisation").asText()).isEqualTo(Disclosed.ORGANISATION);
        assertThat(newest.get("purpose").asText()).isEqualTo(Disclosed.PURPOSE);
        assertThat(newest.get("contentSha256").asText()).isEqualTo(sha256);
        assertThat(newest.get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(newest.get("disclosedBy").asText()).isEqualTo("po.ldg");

        // one audit row for the download, a disclosure naming everything, sealed in a chain that verifies
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        try (Connection db = DATABASE.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT action, resource_type, resource_id,"
                                + " participant_id, purpose, recipient, content_sha256 FROM audit_event WHERE request_id = ?")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("action")).isEqualTo("disclose");
                assertThat(rows.getString("resource_type")).isEqualTo("probation_summary");
                assertThat(rows.getString("resource_id"))
                        .isEqualTo(newest.get("id").asText());
                assertThat(rows.getString("participant_id")).isEqualTo(whole.participantId);
                assertThat(rows.getString("purpose")).isEqualTo(Disclosed.PURPOSE);
                assertThat(rows.getString("recipient")).isEqualTo(Disclosed.NAME + ", " + Disclosed.ORGANISATION);
                assertThat(rows.getString("content_sha256")).isEqualTo(sha256);
                assertThat(rows.next()).as("one audit row per download").isFalse();
            }
        }
        assertThat(verify(DATABASE.factory()).intact()).isTrue();
    }

    @Test
    void the_ledger_lists_newest_first_to_whoever_may_read_the_case_and_to_the_dpo() throws Exception {
        HttpResponse<byte[]> first = probation.download(Disclosed.to(summary("probation")));
        HttpResponse<byte[]> second =
                cps.download(summary("cps") + "?recipient=Sam%20Reed%2C%20CPS%20Wessex&purpose=charging%20decision");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);

        JsonNode ledger =
                Cases.ok(TestApp.as(APP, "dpo.ldg").get("/participants/" + whole.participantId + "/disclosures"));
        assertThat(ledger.get(0).get("kind").asText()).isEqualTo("cps_summary");
        assertThat(ledger.get(0).get("recipientName").asText()).isEqualTo("Sam Reed");
        assertThat(ledger.get(0).get("recipientOrganisation").asText()).isEqualTo("CPS Wessex");
        assertThat(ledger.get(0).get("contentSha256").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(second.body())));
        assertThat(ledger.get(1).get("kind").asText()).isEqualTo("probation_summary");
        assertThat(ledger.get(0).get("disclosedAt").asText())
                .isGreaterThanOrEqualTo(ledger.get(1).get("disclosedAt").asText());

        assertThat(TestApp.as(APP, "po.elsewhere")
                        .get("/participants/" + whole.participantId + "/disclosures")
                        .status())
                .as("another site's case")
                .isEqualTo(404);
        assertThat(TestApp.as(APP, "admin.ldg")
                        .get("/participants/" + whole.participantId + "/disclosures")
                        .status())
                .isEqualTo(403);
        assertThat(probation.get("/participants/no-such-case/disclosures").status())
                .isEqualTo(404);
    }

    @Test
    void a_recipient_edited_in_the_audit_log_breaks_the_chain() throws Exception {
        assumeTrue(DATABASE.isSqlite(), "tampering is shown on a copy of a SQLite file");
        assertThat(probation.download(Disclosed.to(summary("probation"))).statusCode())
                .isEqualTo(200);
        Path copy = Files.createTempDirectory("desist-ledger-copy").resolve("copy.db");
        try (Connection db = DATABASE.connect();
                Statement sql = db.createStatement()) {
            sql.execute("VACUUM INTO '" + copy + "'");
        }
        assertThat(verify(TestDatabase.sqlite(copy).factory()).intact()).isTrue();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement sql = db.createStatement()) {
            sql.execute("DROP TRIGGER audit_event_no_update");
            assertThat(sql.executeUpdate("UPDATE audit_event SET recipient = 'John Doe, Daily News'"
                            + " WHERE seq = (SELECT MAX(seq) FROM audit_event WHERE action = 'disclose')"))
                    .isEqualTo(1);
        }
        AuditVerification.Result broken = verify(TestDatabase.sqlite(copy).factory());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.problem()).contains("was altered");
    }

    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = DATABASE.connect()) {
            for (String table : new String[] {"disclosure", "audit_event"}) {
                try (ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    private static AuditVerification.Result verify(DataSourceFactory factory) {
        try (Databases.Opened database = Databases.open(factory, false, "disclosure-ledger-test")) {
            AuditKeys.of(Commands.AUDIT_KEY, "").installOn(database.jdbi());
            return AuditVerification.walk(database.jdbi());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
