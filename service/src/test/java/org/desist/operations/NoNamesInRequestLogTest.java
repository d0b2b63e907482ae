package org.desist.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.RecordKind;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No name, NHS number or change reason in any address (ASVS V14.2.1): the request log is written here as a proxy
 * in front writes it, with the whole request line (path and query string) and the Referer, and the application
 * log at DEBUG. People with distinctive names are referred, searched for through the API and the screens' form,
 * paged through, and a record of theirs amended with a reason naming them; no line of either log holds a name,
 * an NHS number or the reason. (The request log as shipped writes the path alone, CredentialsNeverLoggedTest
 * checks: a proxy's log is the one that would carry a query string.)
 */
@Tag("slow")
@ExtendWith(DropwizardExtensionsSupport.class)
class NoNamesInRequestLogTest {
    private static final Path LOGS = logFolder();
    private static final Path APPLICATION_LOG = LOGS.resolve("desist.log");
    private static final Path REQUEST_LOG = LOGS.resolve("requests.log");
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("debug-log-config.yml"),
            TestDatabase.fresh()
                    .overrides(
                            ConfigOverride.config(
                                    "logging.appenders[0].currentLogFilename", APPLICATION_LOG.toString()),
                            ConfigOverride.config(
                                    "server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()),
                            // as nginx's combined format: the request line with its query string, and the Referer
                            ConfigOverride.config(
                                    "server.requestLog.appenders[0].logFormat", "%h \"%r\" %s \"%i{Referer}\""),
                            ConfigOverride.config("api.searchTermsInQuery", "false"),
                            ConfigOverride.config("secondFactor.required", "false")));

    private static final String GIVEN = "Xanthippe";
    private static final String FAMILY = "Quarrendon";
    private static final String REASON = "Her sister Philomena Quarrendon rang to correct it";

    @Test
    void no_log_line_holds_a_name_a_number_or_a_reason() throws IOException {
        Staff.ensure(APP, "log.lead", Set.of(Role.values()), Set.of());
        new Cases(TestApp.as(APP, "log.lead")).site("NNRL");
        Staff.ensure(APP, "log.watch", Set.of(Role.clinician, Role.probation), Set.of("NNRL"));
        Api api = TestApp.as(APP, "log.watch");
        List<String> nhsNumbers = new ArrayList<>();
        String participant = null;
        for (int i = 0; i < 23; i++) {
            Map<String, Object> referral = Cases.referral("NNRL", "2026-02-01", GIVEN, FAMILY);
            @SuppressWarnings("unchecked")
            Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) referral.get("participant"));
            person.put("familyName", FAMILY + (char) ('a' + i));
            nhsNumbers.add((String) person.get("nhsNumber"));
            referral.put("participant", person);
            participant = Cases.created(api.post("/referrals", referral))
                    .get("participantId")
                    .asText();
        }

        // the API: by name, page after page; by NHS number
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("q", GIVEN + " " + FAMILY, "limit", 10));
        int seen = 0;
        while (true) {
            JsonNode page = Cases.ok(api.post("/participants/search", terms));
            seen += page.get("items").size();
            if (page.get("nextOffset").isNull()) {
                break;
            }
            terms.put("offset", page.get("nextOffset").asInt());
        }
        assertThat(seen).isEqualTo(23);
        assertThat(Cases.ok(api.post("/participants/search", Map.of("nhsNumber", nhsNumbers.get(0))))
                        .get("items"))
                .hasSize(1);
        // a list's own next links, which name nobody
        String next = Cases.ok(api.get("/participants?siteCode=NNRL&limit=5"))
                .get("next")
                .asText();
        Cases.ok(api.get(next.substring("/api".length())));

        // the screens: the search form, its second page, a case
        PageClient screens = new PageClient(APP.getLocalPort()).signIn("log.watch", Staff.PASSWORD);
        HttpResponse<String> found =
                screens.post("/cases", Map.of("csrf", screens.csrf("/cases"), "q", FAMILY.toLowerCase()));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(GIVEN + " " + FAMILY + "a").doesNotContain("href=\"/cases?q=");
        HttpResponse<String> second =
                screens.post("/cases", Map.of("csrf", screens.csrf("/cases"), "q", FAMILY.toLowerCase(), "page", "2"));
        assertThat(second.body()).contains(GIVEN);
        assertThat(screens.post("/cases", Map.of("csrf", screens.csrf("/cases"), "q", nhsNumbers.get(1)))
                        .body())
                .contains(FAMILY + "b");
        assertThat(screens.get("/cases/" + participant).statusCode()).isEqualTo(200);

        // a record of theirs amended with a reason that names people
        RecordKind kind = RecordKind.ASSESSMENTS;
        String base = "/participants/" + participant + "/" + kind.path;
        String record = base + "/"
                + Cases.created(api.post(base, kind.validBody(""))).get("id").asText();
        Cases.ok(api.because(REASON).patch(record, Map.of("formulation", "Revised"), "\"1\""));
        assertThat(Cases.ok(api.get(record + "/history")).toString()).contains(REASON);

        String requests = read(REQUEST_LOG);
        assertThat(requests).as("the request log was written").contains("POST /api/participants/search");
        assertThat(requests).contains("POST /cases");
        // the format writes query strings: a term in one would be seen
        assertThat(requests).contains("/api/participants?siteCode=NNRL&limit=5");
        List<String> secrets = new ArrayList<>(List.of(GIVEN, FAMILY, "Philomena", REASON));
        for (String nhs : nhsNumbers) {
            secrets.add(nhs);
            secrets.add(nhs.replace(" ", ""));
            secrets.add(URLEncoder.encode(nhs, StandardCharsets.UTF_8));
        }
        secrets.add(URLEncoder.encode(REASON, StandardCharsets.UTF_8).replace("+", "%20"));
        List<String> leaks = (requests + read(APPLICATION_LOG))
                .lines()
                .filter(line ->
                        secrets.stream().anyMatch(secret -> line.toLowerCase().contains(secret.toLowerCase())))
                .map(line -> line.length() > 200 ? line.substring(0, 200) + "…" : line)
                .toList();
        assertThat(leaks).as("log lines naming someone").isEmpty();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static Path logFolder() {
        try {
            return Files.createTempDirectory("desist-logs");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
