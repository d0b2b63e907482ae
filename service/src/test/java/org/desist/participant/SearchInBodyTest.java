package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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
import org.desist.support.ConfigFiles;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names, NHS numbers, PNC ids and dates of birth are searched in a POST body (ASVS V14.2.1): the POST answers what
 * GET answered; GET refuses those terms in its query string (400 naming them) unless the deprecated switch
 * api.searchTermsInQuery is on; no `next` link carries a term.
 */
@Tag("slow")
@ExtendWith(DropwizardExtensionsSupport.class)
class SearchInBodyTest {
    // The switch in a configuration file of its own: a ConfigOverride is a JVM-wide system property, and with two
    // apps in a class its value leaked into later test classes (CasePagesTest then saw ?q= searched, not refused).
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            TestDatabase.fresh().overrides());
    static final DropwizardAppExtension<DesistConfiguration> OLD_CLIENTS = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived("test-config.yml", Map.of("api", "api:\n  searchTermsInQuery: true")),
            TestDatabase.fresh().overrides());

    static Api api;
    static Api old;
    static final String NHS = Cases.nextNhsNumber();

    @BeforeAll
    static void people() {
        api = TestApp.api(APP);
        old = TestApp.api(OLD_CLIENTS);
        for (Api each : List.of(api, old)) {
            Cases cases = new Cases(each);
            cases.site("SIBA");
            Map<String, Object> quill = Cases.referral("SIBA", "2026-02-01", "Zoë", "Quillfeather");
            @SuppressWarnings("unchecked")
            Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) quill.get("participant"));
            person.put("nhsNumber", NHS);
            person.put("pncId", "2019/0012345A");
            quill.put("participant", person);
            Cases.created(each.post("/referrals", quill));
            for (int i = 0; i < 3; i++) {
                Cases.created(each.post("/referrals", Cases.referral("SIBA", "2026-02-01", "Ann" + i, "Quillfeather")));
            }
            Cases.created(each.post("/referrals", Cases.referral("SIBA", "2026-02-01", "Other", "Person")));
        }
    }

    @Test
    void the_post_answers_what_get_answered_and_pages_by_offset() {
        JsonNode byName = Cases.ok(api.post("/participants/search", Map.of("q", "zoe quillfeather")));
        assertThat(names(byName)).containsExactly("Zoë Quillfeather");
        assertThat(byName.get("nextOffset").isNull()).isTrue();
        assertThat(names(Cases.ok(api.post("/participants/search", Map.of("nhsNumber", NHS.replace(" ", ""))))))
                .containsExactly("Zoë Quillfeather");
        assertThat(names(Cases.ok(api.post("/participants/search", Map.of("pncId", "2019/0012345a")))))
                .containsExactly("Zoë Quillfeather");
        assertThat(names(Cases.ok(
                        api.post("/participants/search", Map.of("dateOfBirth", "1987-03-14", "q", "quillfeather")))))
                .hasSize(4);

        // the same terms the old way, on a service that still takes them: the same answer
        JsonNode oldWay = Cases.ok(old.get("/participants?q=zoe%20quillfeather"));
        assertThat(names(oldWay)).containsExactly("Zoë Quillfeather");

        // pages: the same body with offset = nextOffset, no address to follow
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("q", "quillfeather", "limit", 3));
        JsonNode first = Cases.ok(api.post("/participants/search", terms));
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.has("next")).isFalse();
        terms.put("offset", first.get("nextOffset").asInt());
        JsonNode second = Cases.ok(api.post("/participants/search", terms));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextOffset").isNull()).isTrue();
        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(second));
        assertThat(all).hasSize(4).doesNotHaveDuplicates().allMatch(name -> name.endsWith("Quillfeather"));
    }

    @Test
    void bad_terms_in_the_body_are_422_naming_the_field() {
        Reply bad = api.post("/participants/search", Map.of("q", "a".repeat(201), "limit", 0));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.fieldsAtFault()).containsExactlyInAnyOrder("q", "limit");
        Reply backwards = api.post("/participants/search", Map.of("from", "2026-02-02", "to", "2026-02-01"));
        assertThat(backwards.status()).as(backwards.toString()).isEqualTo(422);
        assertThat(backwards.fieldsAtFault()).containsExactly("to");
    }

    @Test
    void get_refuses_identifying_terms_naming_them_and_pointing_to_the_post() {
        for (String term : List.of(
                "q=quillfeather",
                "nhsNumber=" + NHS.replace(" ", ""),
                "pncId=2019/0012345A",
                "dateOfBirth=1987-03-14")) {
            Reply refused = api.get("/participants?" + term);
            String name = term.substring(0, term.indexOf('='));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.fieldsAtFault()).containsExactly(name);
            assertThat(refused.json().get("detail").asText()).contains("POST /api/participants/search");
            assertThat(refused.text()).doesNotContain("Quillfeather");
        }
        // the filters that name nobody stay on GET
        assertThat(Cases.ok(api.get("/participants?siteCode=SIBA")).get("items"))
                .isNotEmpty();
        Staff.ensure(APP, "sib.reader", Set.of(Role.police), Set.of("SIBA"));
        assertThat(TestApp.as(APP, "sib.reader").get("/participants?q=x").status())
                .isEqualTo(400);
    }

    @Test
    void with_the_switch_on_get_still_takes_them() {
        assertThat(names(Cases.ok(old.get("/participants?nhsNumber=" + NHS.replace(" ", "")))))
                .containsExactly("Zoë Quillfeather");
        assertThat(names(Cases.ok(old.get("/participants?pncId=2019/0012345A&dateOfBirth=1987-03-14"))))
                .containsExactly("Zoë Quillfeather");
    }

    @Test
    void no_next_link_carries_a_term() {
        JsonNode page = Cases.ok(api.get("/participants?limit=2"));
        String next = page.get("next").asText();
        assertThat(next).startsWith("/api/participants?").contains("offset=2");
        for (JsonNode item : page.get("items")) {
            assertThat(next)
                    .doesNotContain(item.get("familyName").asText())
                    .doesNotContain(item.get("givenName").asText());
        }
        assertThat(next).doesNotContain("q=", "nhsNumber=", "pncId=", "dateOfBirth=");
        // following it walks on, with the same filters
        assertThat(Cases.ok(api.get(next.substring("/api".length()))).get("items"))
                .isNotEmpty();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items")
                .forEach(item -> names.add(item.get("givenName").asText() + " "
                        + item.get("familyName").asText()));
        return names;
    }
}
