package org.desist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;

/**
 * The real things hostile requests aim at, so that they get past "no such id" to the code that reads
 * their bodies: a site with a cohort, a referral awaiting review, an enrolment, a participant accepted and
 * not yet enrolled, a case with one record of each kind, a token and a spare account. Also a valid body
 * for every operation that takes one, each checked by making the real thing with it at set-up.
 */
final class HostileCase {
    static final String USER = "hostile";
    static final String SPARE = "hostile-spare";
    static final String SITE = "HOST";

    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

    final Api api;
    final String cohortId;
    final String referralId;
    final String enrolmentId;
    final String enrolable;
    final String participantId;
    final String tokenId;
    /** The hostile user's key-worker allocation on the case (the review's acceptance made it) and an alert told to it. */
    final String allocationId;

    final String alertId;
    /** A case of its own for restriction of processing: restricted, the main case would refuse every other write. */
    final String restrictable;
    /** The main case's reference, for break-glass (which the hostile user, at every site, never needs: 409). */
    final String caseRef;

    final Map<RecordKind, String> records = new EnumMap<>(RecordKind.class);

    HostileCase(DropwizardAppExtension<DesistConfiguration> app) {
        // every role at every site: no request stops at the access check before its input is read
        Staff.ensure(app, USER, Set.of(Role.values()), Set.of());
        Staff.ensure(app, SPARE, Set.of(Role.clinician), Set.of());
        api = TestApp.as(app, USER);
        Cases cases = new Cases(api);
        cases.site(SITE);
        cohortId = cases.cohort(SITE).get("id").asText();
        referralId = cases.referral(SITE, "2026-02-01").get("id").asText();
        JsonNode enrolment = cases.enrolment(SITE, cohortId);
        enrolmentId = enrolment.get("id").asText();
        participantId = enrolment.get("participantId").asText();
        JsonNode accepted = cases.referral(SITE, "2026-02-01");
        cases.review(accepted.get("id").asText(), "high", "accept_for_intervention");
        enrolable = accepted.get("participantId").asText();
        tokenId = Cases.created(api.post("/tokens", null)).get("id").asText();
        restrictable = cases.participant(SITE);
        caseRef = Cases.ok(api.get("/participants/" + participantId))
                .get("caseRef")
                .asText();
        for (RecordKind kind : RecordKind.values()) {
            Reply made = api.post("/participants/" + participantId + "/" + kind.path, kind.validBody(""));
            records.put(kind, Cases.created(made).get("id").asText());
        }
        allocationId = Cases.ok(api.get("/participants/" + participantId + "/team"))
                .get("current")
                .get(0)
                .get("id")
                .asText();
        // the case's incident above told its team at once
        alertId = Cases.ok(api.get("/alerts?participantId=" + participantId))
                .get("items")
                .get(0)
                .get("id")
                .asText();
    }

    /** The template with real ids in it: the case's participant, its record of the kind, the site... */
    String realPath(String template) {
        return realPath(template, Map.of());
    }

    /** As {@link #realPath(String)}, but with the given values (already encoded) for some parameters. */
    String realPath(String template, Map<String, String> instead) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = instead.containsKey(matcher.group(1))
                    ? instead.get(matcher.group(1))
                    : realId(template, matcher.group(1));
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String realId(String template, String name) {
        if (name.equals("rid")) {
            return records.get(RecordKind.of(template).orElseThrow());
        }
        if (name.equals("allocationId")) {
            return allocationId;
        }
        if (template.startsWith("/participants/{id}/restriction")) {
            return restrictable;
        }
        String collection = template.split("/")[1];
        return switch (collection) {
            case "sites" -> SITE;
            case "cohorts" -> cohortId;
            case "referrals" -> referralId;
            case "enrolments" -> enrolmentId;
            case "participants" -> participantId;
            case "tokens" -> tokenId;
            // /me/sessions/{id}: a token is one of the hostile user's sessions
            case "me" -> tokenId;
            case "users" -> SPARE;
            case "alerts" -> alertId;
            default ->
                throw new IllegalStateException(
                        "No real id for {" + name + "} of " + template + ": tell HostileCase.realId about it");
        };
    }

    /** The ETag the record at this path has now, for a change that should get past If-Match. */
    String currentTag(String record) {
        try {
            Reply read = api.get(record);
            return read.status() == 200 && read.header("ETag") != null ? read.header("ETag") : "\"1\"";
        } catch (IllegalArgumentException notAnAddressJavaWillSend) {
            return "\"1\"";
        }
    }

    /** A valid body for the operation: the base every mutation starts from. */
    Map<String, Object> validBody(ApiOperations.Operation operation) {
        String template = operation.template();
        Optional<RecordKind> kind = RecordKind.of(template);
        if (kind.isPresent()) {
            if (template.endsWith("/entered-in-error")) {
                return Map.of("reason", "Recorded against the wrong case");
            }
            if (template.endsWith("/outcome")) {
                return Map.of(
                        "outcome",
                        "attended",
                        "engagement",
                        4,
                        "notes",
                        "Engaged well",
                        "shareable",
                        true,
                        "concern",
                        "Asked where the victim now works");
            }
            if (template.endsWith("/transitions")) {
                return kind.get() == RecordKind.PLAN_ACTIONS
                        ? Map.of("to", "done", "on", "2026-03-18", "reason", "Order served in person")
                        : Map.of("to", "accepted", "on", "2026-03-09", "reason", "Offered a place in the group");
            }
            return kind.get().validBody("");
        }
        return switch (operation.name()) {
            case "POST /sites" -> Map.of("code", "HOSTB", "name", "Hostile site", "model", "clinic_treatment");
            case "POST /cohorts" ->
                Map.of(
                        "siteCode",
                        SITE,
                        "name",
                        "Hostile pilot",
                        "startsOn",
                        "2026-03-01",
                        "endsOn",
                        "2027-02-28",
                        "target",
                        12);
            case "POST /referrals" -> Cases.referral(SITE, "2026-02-01", "Sam", "Hostile");
            case "POST /referrals/{id}/review" ->
                Map.of(
                        "reviewedOn",
                        "2026-02-02",
                        "priority",
                        "medium",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Daily review");
            case "PATCH /participants/{id}" -> Map.of("givenName", "Samuel");
            case "POST /participants/search" -> Map.of("q", "hostile", "limit", 10);
            // into the participant itself: read and checked field by field, and never merged, which would leave the
            // case every other attack aims at answering 410
            case "POST /participants/{id}/merge" ->
                Map.of("into", participantId, "reason", "Same person entered twice");
            case "POST /enrolments" -> Map.of("participantId", enrolable, "cohortId", cohortId, "on", "2026-02-03");
            case "POST /enrolments/{id}/transitions" ->
                Map.of("to", "assessing", "on", "2026-02-04", "reason", "Consented to assessment");
            case "POST /users" ->
                Map.of("username", "hostile-made", "roles", List.of("clinician"), "sites", List.of(SITE));
            case "PUT /users/{username}/access" -> Map.of("roles", List.of("probation"), "sites", List.of(SITE));
            // a wrong current password: refused whatever else the attack changes, so the hostile user keeps theirs
            case "POST /me/password" ->
                Map.of("currentPassword", "not the hostile user's password", "newPassword", "a brand new pass phrase");
            // the second factor: a wrong code never enrols the hostile user (who signs in with a password alone)
            case "POST /me/second-factor" ->
                Map.of("currentPassword", "not the hostile user's password", "code", "000000");
            case "POST /me/second-factor/confirm" -> Map.of("code", "000000");
            case "POST /tokens" -> Map.of("code", "000000");
            // ending another session asks for the password again: a wrong one ends none of the hostile user's
            case "DELETE /me/sessions/{id}", "DELETE /me/tokens" ->
                Map.of("currentPassword", "not the hostile user's password");
            // a link to a subject of the (never contacted) identity provider the hostile app is configured with
            case "PUT /users/{username}/identity" -> Map.of("subject", "hostile-subject");
            case "PUT /users/{username}/email" -> Map.of("email", "spare@example.org");
            case "PUT /me/email" -> Map.of("email", "hostile@example.org");
            case "POST /alerts/{id}/acknowledgement" -> Map.of("note", "Seen at the daily review");
            // a part the case does not hold yet, so a valid body ends nobody's allocation
            case "POST /participants/{id}/team" ->
                Map.of("username", USER, "role", "police_contact", "from", "2026-02-03");
            case "POST /participants/{id}/team/{allocationId}/end" -> Map.of("to", "2026-03-31");
            // the spare account holds no part: a valid body moves nothing
            case "POST /sites/{code}/team-reallocations" -> Map.of("from", SPARE, "to", USER, "on", "2026-04-01");
            // issue 19: the case is open, so a valid decision is refused (409) and disposes of nothing
            case "POST /participants/{id}/retention-decisions" ->
                Map.of("decision", "retain", "until", "2099-01-01", "reason", "Civil claim pending");
            case "POST /participants/{id}/legal-holds" -> Map.of("reason", "Civil claim pending");
            case "POST /break-glass" ->
                Map.of("caseReference", caseRef, "reason", "Arrested in our area overnight, checking bail conditions");
            case "POST /participants/{id}/restriction" -> Map.of("purpose", "accuracy contested by the data subject");
            default ->
                throw new IllegalStateException(
                        "No valid body for " + operation + ": tell HostileCase.validBody about it");
        };
    }

    /** Every operation with a body has a valid one here: checked up front so a new endpoint is not silently skipped. */
    void assertEveryBodyIsKnown(ApiOperations operations) {
        operations.all().stream()
                .filter(operation -> operation.bodySchema().isPresent())
                .forEach(operation ->
                        assertThat(validBody(operation)).as(operation.name()).isNotEmpty());
        operations.all().forEach(operation -> assertThat(realPath(operation.template()))
                .as(operation.name())
                .doesNotContain("{"));
    }
}
