package org.desist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input for each endpoint: a 4xx problem+json naming the field at fault, no stack trace, and a
 * follow-up read showing that nothing changed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class BadInputTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    private static final String SITE = "BAD";
    private static final String TOMORROW =
            LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
    private static final String BAD_NHS_NUMBER = "9434765918";

    private static final List<String> MODELS =
            List.of("threat_assessment_centre", "clinic_treatment", "multi_agency_panel");
    private static final List<String> SOURCES =
            List.of("police", "mental_health_team", "advocacy_service", "probation", "other");
    private static final List<String> PRIORITIES = List.of("standard", "medium", "high");
    private static final List<String> DECISIONS =
            List.of("accept_for_intervention", "community_referral_only", "consultation_only", "no_further_action");
    private static final List<String> STATES = List.of(
            "referred",
            "assessing",
            "enrolled",
            "completed",
            "withdrawn",
            "disengaged",
            "breached",
            "transferred",
            "not_suitable");

    private static Api api;
    private static Cases cases;
    private static String cohortId;
    /** Awaits review: the target of bad reviews. */
    private static String referralId;
    /** Has a referral of its own, so referrals and patches can name it. */
    private static String participantId;
    /** Accepted for intervention and not yet enrolled: the valid base of bad enrolments. */
    private static String enrolableParticipantId;
    /** In state 'referred' since 2026-02-03: the target of bad transitions. */
    private static String enrolmentId;

    @BeforeAll
    static void openACase() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site(SITE);
        cohortId = cases.cohort(SITE).get("id").asText();
        JsonNode referral = cases.referral(SITE, "2026-02-01");
        referralId = referral.get("id").asText();
        participantId = referral.get("participantId").asText();
        JsonNode accepted = cases.referral(SITE, "2026-02-01");
        cases.review(accepted.get("id").asText(), "high", "accept_for_intervention");
        enrolableParticipantId = accepted.get("participantId").asText();
        enrolmentId = cases.enrolment(SITE, cohortId).get("id").asText();
    }

    /**
     * One bad request: what is wrong, the body sent (a String goes as is), the status expected, the
     * field the problem must name (null: none in particular) and words its reason must contain.
     */
    record Bad(String why, Object body, int status, String field, List<String> reasonMentions) {
        Bad(String why, Object body, int status, String field) {
            this(why, body, status, field, List.of());
        }

        @Override
        public String toString() {
            return why;
        }
    }

    // --- POST /sites ---

    static Map<String, Object> newSite() {
        return body("code", "NEWS", "name", "New site", "model", "clinic_treatment");
    }

    static Stream<Bad> badSites() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", with(newSite(), "extraField", "x"), 422, "extraField"),
                        new Bad("unknown model", with(newSite(), "model", "prison"), 422, "model", MODELS),
                        new Bad("missing code", without(newSite(), "code"), 422, "code"),
                        new Bad("missing name", without(newSite(), "name"), 422, "name"),
                        new Bad("missing model", without(newSite(), "model"), 422, "model"),
                        new Bad("code with a space", with(newSite(), "code", "NE WS"), 422, "code"),
                        new Bad("code as a number", with(newSite(), "code", 42), 422, "code"),
                        // numbers and booleans are not taken for text either (found by HostileInputTest)
                        new Bad(
                                "name as a number",
                                with(newSite(), "name", 42),
                                422,
                                "name",
                                List.of("must be a string")),
                        new Bad(
                                "name as a decimal",
                                with(newSite(), "name", 1.5),
                                422,
                                "name",
                                List.of("must be a string")),
                        new Bad(
                                "name as a boolean",
                                with(newSite(), "name", true),
                                422,
                                "name",
                                List.of("must be a string"))));
    }

    @ParameterizedTest(name = "POST /sites: {0}")
    @MethodSource("badSites")
    void badSitesAreRefused(Bad bad) {
        refusedWithoutChange(bad, () -> api.post("/sites", bad.body()), "/sites?limit=500", "/sites/NEWS");
    }

    @Test
    void aDuplicateSiteCodeIsAConflict() {
        Bad bad = new Bad(
                "duplicate code", body("code", SITE, "name", "Another name", "model", "multi_agency_panel"), 409, null);
        refusedWithoutChange(bad, () -> api.post("/sites", bad.body()), "/sites?limit=500", "/sites/" + SITE);
        assertThat(Cases.ok(api.get("/sites/" + SITE)).get("name").asText()).isEqualTo(SITE + " site");
    }

    // --- POST /cohorts ---

    static Map<String, Object> newCohort() {
        return body(
                "siteCode",
                SITE,
                "name",
                "Second pilot",
                "startsOn",
                "2026-01-05",
                "endsOn",
                "2027-12-31",
                "target",
                20);
    }

    static Stream<Bad> badCohorts() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", with(newCohort(), "extraField", 1), 422, "extraField"),
                        new Bad("unknown site", with(newCohort(), "siteCode", "NOPE"), 422, "siteCode"),
                        new Bad("missing siteCode", without(newCohort(), "siteCode"), 422, "siteCode"),
                        new Bad("missing name", without(newCohort(), "name"), 422, "name"),
                        new Bad("missing startsOn", without(newCohort(), "startsOn"), 422, "startsOn"),
                        new Bad("missing target", without(newCohort(), "target"), 422, "target"),
                        new Bad("target as a string", with(newCohort(), "target", "20"), 422, "target"),
                        new Bad("target as a fraction", with(newCohort(), "target", 2.5), 422, "target"),
                        new Bad("target zero", with(newCohort(), "target", 0), 422, "target"),
                        new Bad("month 13", with(newCohort(), "startsOn", "2026-13-01"), 422, "startsOn"),
                        new Bad("date in words", with(newCohort(), "endsOn", "yesterday"), 422, "endsOn"),
                        new Bad("ends before it starts", with(newCohort(), "endsOn", "2026-01-04"), 422, "endsOn")));
    }

    @ParameterizedTest(name = "POST /cohorts: {0}")
    @MethodSource("badCohorts")
    void badCohortsAreRefused(Bad bad) {
        refusedWithoutChange(bad, () -> api.post("/cohorts", bad.body()), "/cohorts?limit=500");
    }

    // --- POST /referrals ---

    static Map<String, Object> newReferral() {
        return new LinkedHashMap<>(Cases.referral(SITE, "2026-02-01", "Ann", "Other"));
    }

    static Map<String, Object> newReferralWithParticipant(String field, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> participant =
                new HashMap<>((Map<String, Object>) newReferral().get("participant"));
        participant.put(field, value);
        return with(newReferral(), "participant", participant);
    }

    static Stream<Bad> badReferrals() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", with(newReferral(), "extraField", "x"), 422, "extraField"),
                        new Bad(
                                "unknown participant field",
                                newReferralWithParticipant("extraField", "x"),
                                422,
                                "participant.extraField"),
                        new Bad("unknown source", with(newReferral(), "source", "neighbour"), 422, "source", SOURCES),
                        new Bad("missing source", without(newReferral(), "source"), 422, "source"),
                        new Bad("missing receivedOn", without(newReferral(), "receivedOn"), 422, "receivedOn"),
                        new Bad("missing behaviour", without(newReferral(), "behaviour"), 422, "behaviour"),
                        new Bad(
                                "missing given name",
                                newReferralWithParticipant("givenName", null),
                                422,
                                "participant.givenName"),
                        new Bad("month 13", with(newReferral(), "receivedOn", "2026-13-01"), 422, "receivedOn"),
                        new Bad("date in words", with(newReferral(), "receivedOn", "yesterday"), 422, "receivedOn"),
                        new Bad("received tomorrow", with(newReferral(), "receivedOn", TOMORROW), 422, "receivedOn"),
                        new Bad(
                                "malformed date of birth",
                                newReferralWithParticipant("dateOfBirth", "1987-02-30"),
                                422,
                                "participant.dateOfBirth"),
                        new Bad(
                                "NHS number failing modulus 11",
                                newReferralWithParticipant("nhsNumber", BAD_NHS_NUMBER),
                                422,
                                "participant.nhsNumber"),
                        new Bad("unknown site", with(newReferral(), "siteCode", "NOPE"), 422, "siteCode"),
                        new Bad(
                                "victimRef that is a name",
                                with(newReferral(), "victimRef", "Jane Smith"),
                                422,
                                "victimRef"),
                        new Bad(
                                "both participant and participantId",
                                with(newReferral(), "participantId", participantId),
                                422,
                                "participant"),
                        new Bad(
                                "neither participant nor participantId",
                                without(newReferral(), "participant"),
                                422,
                                "participant"),
                        new Bad(
                                "unknown participantId",
                                Cases.referralOf(SITE, "2026-02-01", "nobody"),
                                422,
                                "participantId"),
                        new Bad(
                                "new person confirmed without a reason",
                                without(newReferral(), "confirmedNewPersonReason"),
                                422,
                                "confirmedNewPersonReason"),
                        new Bad(
                                "new person confirmed with a blank reason",
                                with(newReferral(), "confirmedNewPersonReason", "  "),
                                422,
                                "confirmedNewPersonReason"),
                        new Bad(
                                "reason for a new person over 500 characters",
                                with(newReferral(), "confirmedNewPersonReason", "x".repeat(501)),
                                422,
                                "confirmedNewPersonReason"),
                        new Bad(
                                "a reason without the confirmation",
                                without(newReferral(), "confirmedNewPerson"),
                                422,
                                "confirmedNewPersonReason"),
                        new Bad(
                                "a known participant confirmed as new",
                                with(Cases.referralOf(SITE, "2026-02-01", participantId), "confirmedNewPerson", true),
                                422,
                                "confirmedNewPerson")));
    }

    @ParameterizedTest(name = "POST /referrals: {0}")
    @MethodSource("badReferrals")
    void badReferralsAreRefused(Bad bad) {
        refusedWithoutChange(
                bad, () -> api.post("/referrals", bad.body()), "/referrals?limit=500", "/participants?limit=500");
    }

    // --- POST /referrals/{id}/review ---

    static Map<String, Object> newReview() {
        return body(
                "reviewedOn",
                "2026-02-02",
                "priority",
                "high",
                "decision",
                "accept_for_intervention",
                "reason",
                "Daily review");
    }

    static Stream<Bad> badReviews() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", with(newReview(), "extraField", true), 422, "extraField"),
                        new Bad(
                                "unknown priority",
                                with(newReview(), "priority", "urgent"),
                                422,
                                "priority",
                                PRIORITIES),
                        new Bad(
                                "unknown decision",
                                with(newReview(), "decision", "lock_up"),
                                422,
                                "decision",
                                DECISIONS),
                        new Bad("missing decision", without(newReview(), "decision"), 422, "decision"),
                        new Bad("missing reason", without(newReview(), "reason"), 422, "reason"),
                        new Bad("month 13", with(newReview(), "reviewedOn", "2026-13-01"), 422, "reviewedOn"),
                        new Bad("date in words", with(newReview(), "reviewedOn", "yesterday"), 422, "reviewedOn"),
                        new Bad("reviewed tomorrow", with(newReview(), "reviewedOn", TOMORROW), 422, "reviewedOn"),
                        new Bad(
                                "reviewed before it was received",
                                with(newReview(), "reviewedOn", "2026-01-31"),
                                422,
                                "reviewedOn")));
    }

    @ParameterizedTest(name = "POST /referrals/ID/review: {0}")
    @MethodSource("badReviews")
    void badReviewsAreRefused(Bad bad) {
        refusedWithoutChange(
                bad, () -> api.post("/referrals/" + referralId + "/review", bad.body()), "/referrals/" + referralId);
        assertThat(Cases.ok(api.get("/referrals/" + referralId)).get("status").asText())
                .isEqualTo("awaiting_review");
    }

    // --- PATCH /participants/{id} ---

    static Stream<Bad> badPatches() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", body("extraField", "x"), 422, "extraField"),
                        new Bad("a field that is not identity", body("caseRef", "BAD-2026-9999"), 422, "caseRef"),
                        new Bad("NHS number failing modulus 11", body("nhsNumber", BAD_NHS_NUMBER), 422, "nhsNumber"),
                        new Bad("month 13", body("dateOfBirth", "2026-13-01"), 422, "dateOfBirth"),
                        new Bad("date in words", body("dateOfBirth", "yesterday"), 422, "dateOfBirth"),
                        new Bad("born tomorrow", body("dateOfBirth", TOMORROW), 422, "dateOfBirth"),
                        new Bad("given name cleared", body("givenName", null), 422, "givenName"),
                        new Bad("malformed PNC id", body("pncId", "not a pnc id"), 422, "pncId")));
    }

    @ParameterizedTest(name = "PATCH /participants/ID: {0}")
    @MethodSource("badPatches")
    void badPatchesAreRefused(Bad bad) {
        String etag = api.get("/participants/" + participantId).header("ETag");
        refusedWithoutChange(
                bad,
                () -> api.patch("/participants/" + participantId, bad.body(), etag),
                "/participants/" + participantId);
    }

    @Test
    void aPatchWithoutIfMatchIsRefusedAndChangesNothing() {
        Bad bad = new Bad("no If-Match", body("pncId", "2019/0012345A"), 428, null);
        refusedWithoutChange(
                bad,
                () -> api.patch("/participants/" + participantId, bad.body(), null),
                "/participants/" + participantId);
    }

    @Test
    void aPatchWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String etag = api.get("/participants/" + participantId).header("ETag");
        assertThat(etag).isNotBlank();
        Bad bad = new Bad("stale If-Match", body("pncId", "2019/0012345A"), 412, null);
        refusedWithoutChange(
                bad,
                () -> api.patch("/participants/" + participantId, bad.body(), "\"999\""),
                "/participants/" + participantId);
    }

    @Test
    void aPatchOfThePncIdAloneKeepsTheRestAndBumpsTheETag() {
        String id = cases.referral(SITE, "2026-02-01").get("participantId").asText();
        Reply before = api.get("/participants/" + id);

        Reply patched = api.patch("/participants/" + id, body("pncId", "2019/0012345A"), before.header("ETag"));

        JsonNode amended = Cases.ok(patched);
        assertThat(amended.get("pncId").asText()).isEqualTo("2019/0012345A");
        for (String field : List.of(
                "id", "caseRef", "siteCode", "givenName", "familyName", "dateOfBirth", "nhsNumber", "createdAt")) {
            assertThat(amended.get(field)).as(field).isEqualTo(before.json().get(field));
        }
        assertThat(patched.header("ETag")).isNotBlank().isNotEqualTo(before.header("ETag"));
        Reply after = api.get("/participants/" + id);
        assertThat(after.json()).isEqualTo(amended);
        assertThat(after.header("ETag")).isEqualTo(patched.header("ETag"));
    }

    // --- POST /enrolments ---

    static Map<String, Object> newEnrolment() {
        return body("participantId", enrolableParticipantId, "cohortId", cohortId, "on", "2026-02-03");
    }

    static Stream<Bad> badEnrolments() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", with(newEnrolment(), "extraField", "x"), 422, "extraField"),
                        new Bad("unknown field state", with(newEnrolment(), "state", "enrolled"), 422, "state"),
                        new Bad(
                                "missing participantId",
                                without(newEnrolment(), "participantId"),
                                422,
                                "participantId"),
                        new Bad("missing cohortId", without(newEnrolment(), "cohortId"), 422, "cohortId"),
                        new Bad("missing on", without(newEnrolment(), "on"), 422, "on"),
                        new Bad("month 13", with(newEnrolment(), "on", "2026-13-01"), 422, "on"),
                        new Bad("date in words", with(newEnrolment(), "on", "yesterday"), 422, "on"),
                        new Bad("on tomorrow", with(newEnrolment(), "on", TOMORROW), 422, "on"),
                        new Bad(
                                "unknown participant",
                                with(newEnrolment(), "participantId", "nobody"),
                                422,
                                "participantId"),
                        new Bad("unknown cohort", with(newEnrolment(), "cohortId", "nothing"), 422, "cohortId")));
    }

    @ParameterizedTest(name = "POST /enrolments: {0}")
    @MethodSource("badEnrolments")
    void badEnrolmentsAreRefused(Bad bad) {
        refusedWithoutChange(bad, () -> api.post("/enrolments", bad.body()), "/enrolments?limit=500");
    }

    // --- POST /enrolments/{id}/transitions ---

    static Map<String, Object> newTransition() {
        return body("to", "assessing", "on", "2026-02-10", "reason", "Consented to assessment");
    }

    static Stream<Bad> badTransitions() {
        return Stream.concat(
                unreadableBodies(),
                Stream.of(
                        new Bad("unknown field", with(newTransition(), "extraField", "x"), 422, "extraField"),
                        new Bad("unknown state", with(newTransition(), "to", "graduated"), 422, "to", STATES),
                        new Bad("missing to", without(newTransition(), "to"), 422, "to"),
                        new Bad("missing on", without(newTransition(), "on"), 422, "on"),
                        new Bad("missing reason", without(newTransition(), "reason"), 422, "reason"),
                        new Bad("month 13", with(newTransition(), "on", "2026-13-01"), 422, "on"),
                        new Bad("date in words", with(newTransition(), "on", "yesterday"), 422, "on"),
                        new Bad("on tomorrow", with(newTransition(), "on", TOMORROW), 422, "on"),
                        new Bad("before the previous move", with(newTransition(), "on", "2026-02-02"), 422, "on"),
                        new Bad(
                                "unknown reason code",
                                with(newTransition(), "reasonCode", "motivation/bored"),
                                422,
                                "reasonCode")));
    }

    @ParameterizedTest(name = "POST /enrolments/ID/transitions: {0}")
    @MethodSource("badTransitions")
    void badTransitionsAreRefused(Bad bad) {
        refusedWithoutChange(
                bad,
                () -> api.post("/enrolments/" + enrolmentId + "/transitions", bad.body()),
                "/enrolments/" + enrolmentId);
    }

    // --- list query parameters ---

    static Stream<String> listPaths() {
        return Stream.of("/sites", "/cohorts", "/referrals", "/participants", "/enrolments");
    }

    static Stream<Bad> badQueries() {
        Stream<Bad> paging = listPaths()
                .flatMap(path -> Stream.of(
                        new Bad(path + "?limit=0", path + "?limit=0", 400, "limit"),
                        new Bad(path + "?limit=501", path + "?limit=501", 400, "limit"),
                        new Bad(path + "?limit=abc", path + "?limit=abc", 400, "limit"),
                        new Bad(path + "?offset=-1", path + "?offset=-1", 400, "offset")));
        return Stream.concat(
                paging,
                Stream.of(
                        new Bad(
                                "/referrals?status=bogus",
                                "/referrals?status=bogus",
                                400,
                                "status",
                                List.of("awaiting_review", "reviewed")),
                        new Bad("/enrolments?state=bogus", "/enrolments?state=bogus", 400, "state", STATES)));
    }

    /** Here {@code body} is the address asked for. */
    @ParameterizedTest(name = "GET {0}")
    @MethodSource("badQueries")
    void badQueryParametersAreRefused(Bad bad) {
        assertProblem(api.get((String) bad.body()), bad);
    }

    @ParameterizedTest(name = "GET {0}?limit=500")
    @MethodSource("listPaths")
    void theLargestPageIsAllowed(String path) {
        assertThat(Cases.ok(api.get(path + "?limit=500")).get("items").isArray())
                .isTrue();
    }

    // --- unknown ids ---

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(
            strings = {
                "/sites/NOPE",
                "/cohorts/no-such-id",
                "/referrals/no-such-id",
                "/participants/no-such-id",
                "/enrolments/no-such-id"
            })
    void unknownIdsAreNotFound(String path) {
        assertProblem(api.get(path), new Bad("unknown id", null, 404, null));
    }

    @Test
    void reviewingAnUnknownReferralIsNotFound() {
        assertProblem(api.post("/referrals/no-such-id/review", newReview()), new Bad("unknown id", null, 404, null));
    }

    @Test
    void movingAnUnknownEnrolmentIsNotFound() {
        assertProblem(
                api.post("/enrolments/no-such-id/transitions", newTransition()),
                new Bad("unknown id", null, 404, null));
    }

    @Test
    void patchingAnUnknownParticipantIsNotFound() {
        assertProblem(
                api.patch("/participants/no-such-id", body("pncId", "2019/0012345A"), "\"1\""),
                new Bad("unknown id", null, 404, null));
    }

    // --- helpers ---

    /**
     * Bodies no endpoint can read: 400 when not JSON; 422 naming the body when it is missing or JSON of
     * the wrong shape.
     */
    static Stream<Bad> unreadableBodies() {
        return Stream.of(
                new Bad("malformed JSON", "{\"code\": ", 400, null),
                new Bad("not JSON at all", "code=NEWS", 400, null),
                new Bad("empty body", "", 422, "body"),
                new Bad("JSON array instead of object", "[]", 422, "body"),
                new Bad("JSON string instead of object", "\"hello\"", 422, "body"),
                // the parser's bounds (hostile input): 400, never a stack overflow or a 500
                new Bad(
                        "arrays nested 10,000 deep",
                        "{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                        400,
                        null),
                new Bad("objects nested 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), 400, null),
                new Bad(
                        "nested one level past the bound",
                        "{\"a\": " + "[".repeat(64) + "]".repeat(64) + "}",
                        400,
                        null),
                new Bad("a number of 5,000 digits", "1" + "0".repeat(5_000), 400, null),
                new Bad("a field name of 60,000 characters", "{\"" + "k".repeat(60_000) + "\": 1}", 400, null));
    }

    @ParameterizedTest(name = "POST /cohorts: target {0}")
    @ValueSource(strings = {"2147483648", "-2147483649", "9223372036854775808", "1e400", "1.5", "\"12\""})
    void aNumberNoIntCanHoldIsRefusedNamingTheField(String target) {
        String cohort = "{\"siteCode\": \"" + SITE + "\", \"name\": \"Overflow\", \"startsOn\": \"2026-03-01\","
                + " \"endsOn\": \"2027-02-28\", \"target\": " + target + "}";
        refusedWithoutChange(
                new Bad("target " + target, cohort, 422, "target"),
                () -> api.post("/cohorts", cohort),
                "/cohorts?limit=500");
    }

    /**
     * Reads {@code watched} addresses, sends the bad request, checks the problem, then reads the
     * addresses again: same status, body and ETag as before.
     */
    private static void refusedWithoutChange(Bad bad, Supplier<Reply> call, String... watched) {
        List<Reply> before = readAll(watched);
        Reply reply = call.get();
        assertProblem(reply, bad);
        List<Reply> after = readAll(watched);
        for (int i = 0; i < watched.length; i++) {
            String what = "GET " + watched[i] + " after " + bad.why();
            assertThat(after.get(i).status()).as(what).isEqualTo(before.get(i).status());
            assertThat(after.get(i).text()).as(what).isEqualTo(before.get(i).text());
            assertThat(after.get(i).header("ETag"))
                    .as(what)
                    .isEqualTo(before.get(i).header("ETag"));
            JsonNode items = before.get(i).json().path("items");
            if (items.isArray()) {
                assertThat(after.get(i).json().get("items")).as(what).hasSize(items.size());
            }
        }
    }

    private static List<Reply> readAll(String... paths) {
        return Arrays.stream(paths).map(api::get).toList();
    }

    private static void assertProblem(Reply reply, Bad bad) {
        assertThat(reply.status()).as(bad.why() + ": " + reply).isEqualTo(bad.status());
        assertThat(reply.contentType()).as(bad.why() + ": " + reply).startsWith("application/problem+json");
        assertThat(reply.text()).as(bad.why()).doesNotContain("Exception").doesNotContain("at org.");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).as(bad.why()).isEqualTo(bad.status());
        if (bad.field() != null) {
            assertThat(reply.fieldsAtFault()).as(bad.why() + ": " + reply).containsExactly(bad.field());
            String reason = reasonFor(problem, bad.field());
            assertThat(reason).as(bad.why() + ": reason for " + bad.field()).isNotBlank();
            if (!bad.reasonMentions().isEmpty()) {
                assertThat(reason).as(bad.why() + ": reason for " + bad.field()).contains(bad.reasonMentions());
            }
        }
    }

    private static String reasonFor(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (field.equals(error.path("field").asText())) {
                return error.path("reason").asText();
            }
        }
        return null;
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(key);
        return copy;
    }
}
