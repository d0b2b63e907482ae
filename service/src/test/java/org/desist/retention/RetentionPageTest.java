package org.desist.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data protection officer's retention review page over plain HTTP: a due case is listed; retaining it takes it
 * out of the queue; a held case's disposal is the 409 in the error summary and changes nothing; lifted, it is
 * disposed of; a bad date is named; other roles get the 403 page.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class RetentionPageTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "RPGE";
    static final String PAGE = "/retention";
    static final Pattern LIFT = Pattern.compile("action=\"(/retention/[^/\"]+/legal-holds/[^/\"]+/lift)\"");

    static Api tester;
    static Api dpoApi;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        new Cases(tester).site(SITE);
        Staff.ensure(APP, "rpg.dpo", Set.of(Role.dpo), Set.of());
        Staff.ensure(APP, "rpg.clin", Set.of(Role.clinician), Set.of(SITE));
        dpoApi = TestApp.as(APP, "rpg.dpo");
    }

    static PageClient signedIn(String username) {
        return new PageClient(APP.getLocalPort()).signIn(username, Staff.PASSWORD);
    }

    /** A referral of 2018 that the daily review closed with no further action: long due for review. */
    static JsonNode closedYearsAgo(String surname) {
        JsonNode referral =
                Cases.created(tester.post("/referrals", Cases.referral(SITE, "2018-01-01", "Old", surname)));
        Cases.ok(tester.post(
                "/referrals/" + referral.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        "2018-01-02",
                        "priority",
                        "standard",
                        "decision",
                        "no_further_action",
                        "reason",
                        "Daily review")));
        return Cases.ok(
                tester.get("/participants/" + referral.get("participantId").asText()));
    }

    /** The case as the API's queue lists it, or null when it is not due. */
    static JsonNode inQueue(String participantId) {
        for (JsonNode item : Cases.ok(dpoApi.get("/retention/reviews")).get("cases")) {
            if (item.get("participantId").asText().equals(participantId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void theDpoRetainsHoldsAndDisposesFromThePage() {
        JsonNode kept = closedYearsAgo("Kept");
        JsonNode gone = closedYearsAgo("Gone");
        String keptId = kept.get("id").asText();
        String goneId = gone.get("id").asText();
        String keptRef = kept.get("caseRef").asText();
        String goneRef = gone.get("caseRef").asText();

        PageClient dpo = signedIn("rpg.dpo");
        assertThat(dpo.get("/").body()).contains("href=\"/retention\"");
        HttpResponse<String> queue = dpo.get(PAGE);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body())
                .contains(
                        "Retention review",
                        "data-test=\"retention-queue\"",
                        "govuk-table",
                        keptRef,
                        goneRef,
                        SITE,
                        "Never enrolled",
                        "2018-01-02",
                        "the policy: 6 years after it closed",
                        "action=\"/retention/" + keptId + "/retention-decisions\"",
                        "action=\"/retention/" + goneId + "/legal-holds\"",
                        "href=\"/retention/" + goneId + "/disposal\"");

        // a date that is not one: named in the summary, linked to its input, nothing decided
        String decide = "/retention/" + keptId + "/retention-decisions";
        HttpResponse<String> badDate = dpo.post(
                decide,
                dpo.withToken(PAGE, Map.of("decision", "retain", "until", "2029-02-30", "reason", "Civil claim")));
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(badDate.body())
                .contains(
                        "There is a problem",
                        "govuk-error-summary",
                        "href=\"#f-until\"",
                        "Retain until:",
                        "id=\"f-until\"");
        assertThat(inQueue(keptId).get("lastDecision").isNull()).isTrue();

        HttpResponse<String> noReason = dpo.post(
                decide,
                dpo.withToken(
                        PAGE,
                        Map.of(
                                "decision",
                                "retain",
                                "until",
                                LocalDate.now().plusYears(2).toString())));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("href=\"#f-reason\"");
        assertThat(inQueue(keptId).get("lastDecision").isNull()).isTrue();

        // retained with a reason: out of the queue (post, redirect, get)
        String until = LocalDate.now().plusYears(2).toString();
        HttpResponse<String> retained = dpo.post(
                decide, dpo.withToken(PAGE, Map.of("decision", "retain", "until", until, "reason", "Civil claim")));
        assertThat(retained.statusCode()).as(retained.body()).isEqualTo(303);
        assertThat(retained.headers().firstValue("Location").orElse("")).endsWith(PAGE);
        assertThat(dpo.get(PAGE).body()).doesNotContain(keptRef).contains(goneRef);
        assertThat(inQueue(keptId)).isNull();

        // a legal hold, then disposal: the 409 naming the hold in the summary, and the case is still there
        HttpResponse<String> held = dpo.post(
                "/retention/" + goneId + "/legal-holds", dpo.withToken(PAGE, Map.of("reason", "Inquiry pending")));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(303);
        String heldPage = dpo.get(PAGE).body();
        assertThat(heldPage).contains("Lift hold", "Inquiry pending", "govuk-tag--red\">Yes");
        assertThat(inQueue(goneId).get("legalHold").asBoolean()).isTrue();

        HttpResponse<String> confirm = dpo.get("/retention/" + goneId + "/disposal");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body())
                .contains(
                        "Dispose of case " + goneRef,
                        "Disposal erases the case",
                        "It cannot be undone",
                        "name=\"decision\" value=\"dispose\"");
        String dispose = "/retention/" + goneId + "/retention-decisions";
        HttpResponse<String> refused = dpo.post(dispose, dpo.withToken(PAGE, Map.of("decision", "dispose")));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("There is a problem", "govuk-error-summary", "under legal hold");
        assertThat(inQueue(goneId)).isNotNull();
        assertThat(tester.get("/participants/" + goneId).status()).isEqualTo(200);

        // lifted, then disposed of: gone from the queue and from the service
        Matcher lift = LIFT.matcher(heldPage);
        assertThat(lift.find()).isTrue();
        HttpResponse<String> lifted = dpo.post(lift.group(1), dpo.withToken(PAGE, Map.of()));
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(303);
        assertThat(dpo.get(PAGE).body()).doesNotContain("Lift hold");
        HttpResponse<String> disposed = dpo.post(dispose, dpo.withToken(PAGE, Map.of("decision", "dispose")));
        assertThat(disposed.statusCode()).as(disposed.body()).isEqualTo(303);
        assertThat(dpo.get(PAGE).body()).doesNotContain(goneRef);
        assertThat(inQueue(goneId)).isNull();
        assertThat(tester.get("/participants/" + goneId).status()).isEqualTo(404);

        // disposed of already: the confirmation is not found, and nothing is there to hold
        assertThat(dpo.get("/retention/" + goneId + "/disposal").statusCode()).isEqualTo(404);
        HttpResponse<String> late =
                dpo.post("/retention/" + goneId + "/legal-holds", dpo.withToken(PAGE, Map.of("reason", "Too late")));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("govuk-error-summary", "disposed of");

        // without the form's token: refused, nothing changed
        assertThat(dpo.post("/retention/" + keptId + "/legal-holds", Map.of("reason", "No token"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void otherRolesGetTheForbiddenPage() {
        String id = closedYearsAgo("Other").get("id").asText();
        PageClient clinician = signedIn("rpg.clin");
        assertThat(clinician.get("/").body()).doesNotContain("href=\"/retention\"");
        HttpResponse<String> page = clinician.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1");
        assertThat(clinician.get("/retention/" + id + "/disposal").statusCode()).isEqualTo(403);
        HttpResponse<String> post = clinician.post(
                "/retention/" + id + "/retention-decisions", clinician.withToken("/", Map.of("decision", "dispose")));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(inQueue(id)).isNotNull();
        assertThat(inQueue(id).get("lastDecision").isNull()).isTrue();
    }
}
