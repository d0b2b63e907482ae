package org.desist.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.desist.access.AccessPolicy;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may have which summary: refusals are 403 (404 for a case of another site) and audited as denied;
 * every summary handed out, JSON or PDF, is audited as an export of its audience.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SummaryAccessTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "ACC";
    static final String ELSEWHERE = "ELS";
    static Api admin;
    static String participant;

    /** Each way to ask for a summary, with the audience it is for. */
    enum Ask {
        PROBATION_JSON("summary?audience=probation", Audience.probation),
        CPS_JSON("summary?audience=cps", Audience.cps),
        PROBATION_PDF("reports/probation?" + Disclosed.QUERY, Audience.probation),
        CPS_PDF("reports/cps?" + Disclosed.QUERY, Audience.cps);

        final String path;
        final Audience audience;

        Ask(String path, Audience audience) {
            this.path = path;
            this.audience = audience;
        }

        String of(String participantId) {
            return "/participants/" + participantId + "/" + path;
        }

        /** A PDF is a disclosure (issue 19); the JSON an export. */
        String audited() {
            return path.startsWith("reports/") ? "disclose" : "export";
        }
    }

    @BeforeAll
    static void staff() {
        Api tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(SITE);
        cases.site(ELSEWHERE);
        participant = cases.participant(SITE);
        for (Role role : Role.values()) {
            Staff.ensure(APP, role + ".acc", Set.of(role), role.maySpanSites() ? Set.of() : Set.of(SITE));
            Staff.ensure(APP, role + ".els", Set.of(role), Set.of(ELSEWHERE));
        }
        admin = TestApp.as(APP, "admin.acc");
    }

    static Stream<Arguments> everyRoleAndAsk() {
        return Arrays.stream(Role.values())
                .flatMap(role -> Arrays.stream(Ask.values()).map(ask -> Arguments.of(role, ask)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRoleAndAsk")
    void only_the_audience_and_clinicians_get_a_summary_and_every_answer_is_audited(Role role, Ask ask) {
        String username = role + ".acc";
        Reply reply = TestApp.as(APP, username).get(ask.of(participant));
        boolean entitled = AccessPolicy.rolesAllowed(ask.audience.action()).contains(role);
        assertThat(entitled).isEqualTo(role == Role.clinician || role.name().equals(ask.audience.name()));
        if (entitled) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertAudited(username, reply, ask.audited(), 200, ask.audience.resourceType());
        } else {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertAudited(username, reply, "denied", 403, ask.audience.resourceType());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.desist.summary.SummaryAccessTest#asks")
    void a_case_of_another_site_does_not_exist_for_its_audience(Ask ask) {
        for (String username : List.of(ask.audience + ".els", "clinician.els")) {
            Reply elsewhere = TestApp.as(APP, username).get(ask.of(participant));
            Reply nowhere = TestApp.as(APP, username).get(ask.of("no-such-participant"));
            assertThat(elsewhere.status()).as(username + ": " + elsewhere).isEqualTo(404);
            assertThat(nowhere.status()).isEqualTo(404);
            assertThat(elsewhere.text().replace(participant, "ID"))
                    .isEqualTo(nowhere.text().replace("no-such-participant", "ID"));
            assertAudited(username, elsewhere, "denied", 404, "participant");
        }
    }

    static Stream<Ask> asks() {
        return Arrays.stream(Ask.values());
    }

    @Test
    void the_audience_must_be_named_and_known() {
        Api probation = TestApp.as(APP, "probation.acc");
        String base = "/participants/" + participant + "/summary";
        for (String query : List.of(
                "", "?audience=", "?audience=court", "?audience=PROBATION", "?audience=probation&audience=cps")) {
            Reply reply = probation.get(base + query);
            assertThat(reply.status()).as(query + ": " + reply).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.fieldsAtFault()).containsExactly("audience");
            assertThat(reply.json().get("detail").asText()).isEqualTo("audience must be one of: cps, probation");
        }
        // a role that may read neither summary learns nothing about the parameter: 403, audited
        Reply police = TestApp.as(APP, "police.acc").get(base + "?audience=court");
        assertThat(police.status()).isEqualTo(403);
        assertAudited("police.acc", police, "denied", 403, "probation_summary");
    }

    @Test
    void a_download_is_audited_as_a_disclosure_with_its_request_id_participant_and_purpose() {
        HttpResponse<byte[]> pdf = TestApp.as(APP, "cps.acc")
                .with("X-Purpose", "charging decision")
                .download(Ask.CPS_PDF.of(participant));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String requestId = pdf.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode row = rowsOf("cps.acc").stream()
                .filter(r -> r.get("requestId").asText().equals(requestId))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("action").asText()).isEqualTo("disclose");
        assertThat(row.get("resourceType").asText()).isEqualTo("cps_summary");
        assertThat(row.get("participantId").asText()).isEqualTo(participant);
        // the purpose the document was disclosed for, not the header's
        assertThat(row.get("purpose").asText()).isEqualTo(Disclosed.PURPOSE);
        assertThat(row.get("recipient").asText()).isEqualTo(Disclosed.NAME + ", " + Disclosed.ORGANISATION);
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    static void assertAudited(String username, Reply reply, String action, int status, String resourceType) {
        String requestId = reply.header("X-Request-Id");
        List<JsonNode> ofRequest = rowsOf(username).stream()
                .filter(row -> row.get("requestId").asText().equals(requestId))
                .toList();
        assertThat(ofRequest)
                .as("audit rows of %s's request %s", username, requestId)
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("action").asText()).isEqualTo(action);
                    assertThat(row.get("status").asInt()).isEqualTo(status);
                    assertThat(row.get("resourceType").asText()).isEqualTo(resourceType);
                    assertThat(row.get("participantId").asText()).isEqualTo(participant);
                });
    }

    static List<JsonNode> rowsOf(String username) {
        List<JsonNode> rows = new ArrayList<>();
        Cases.ok(admin.get("/audit?username=" + username + "&limit=500"))
                .get("items")
                .forEach(rows::add);
        return rows;
    }
}
