package org.desist.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.access.AccessProbes.CODE;
import static org.desist.access.AccessProbes.IF_MATCH_FIRST_VERSION;
import static org.desist.access.AccessProbes.assertProblem;
import static org.desist.access.AccessProbes.assertUnauthorized;
import static org.desist.access.AccessProbes.read;
import static org.desist.access.AccessProbes.serial;
import static org.desist.access.AccessProbes.write;
import static org.desist.auth.Role.admin;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.cps;
import static org.desist.auth.Role.dpo;
import static org.desist.auth.Role.police;
import static org.desist.auth.Role.probation;
import static org.desist.auth.Role.programme_lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.desist.access.AccessProbes.Probe;
import org.desist.access.AccessProbes.Request;
import org.desist.attention.Teams;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Authenticator;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access matrix of docs/access.md against the running service: every role at every endpoint gets
 * exactly the status the matrix says (the success status when allowed, 403 problem+json and a 'denied'
 * audit row when not); every endpoint answers 401 without valid credentials; a user bound to site A
 * finds nothing of site B (404, never 403) and lists only site A's cases.
 *
 * <p>Accounts are realistic: one per role, named after it, bound to site A except {@code programme_lead}
 * and {@code admin}, who span every site. Each write is sent at a target made for that one call.
 *
 * <p>The clinical record's endpoints (issue 4) are probed the same way, with the probes and checks of
 * {@link AccessProbes}, in {@link ClinicalRecordAccessTest}; between them the two classes probe every
 * endpoint of the matrix once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AccessMatrixTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.withOfflineIdentityProvider();
    static final AccessDoc DOC = AccessDoc.load();

    static final String A = "SITEA";
    static final String B = "SITEB";
    static final Set<Role> SITE_BOUND = EnumSet.of(clinician, probation, cps, advocate, police);
    static final String INTRUDER = "intruder";
    static final Map<Role, Api> APIS = new EnumMap<>(Role.class);

    static Api tester;
    static Cases cases;
    static Site siteA;
    static Site siteB;

    /** What one site holds for the tests to read: a cohort, a referral awaiting review, an enrolment. */
    record Site(String code, String cohortId, String referralId, String participantId, String enrolmentId) {
        static Site open(String code) {
            cases.site(code);
            String cohortId = cases.cohort(code).get("id").asText();
            JsonNode referral = cases.referral(code, "2026-02-01");
            String enrolmentId = cases.enrolment(code, cohortId).get("id").asText();
            return new Site(
                    code,
                    cohortId,
                    referral.get("id").asText(),
                    referral.get("participantId").asText(),
                    enrolmentId);
        }
    }

    @BeforeAll
    static void openTwoSitesAndStaffThem() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        siteA = Site.open(A);
        siteB = Site.open(B);
        for (Role role : Role.values()) {
            Staff.ensure(APP, role.name(), Set.of(role), role.maySpanSites() ? Set.of() : Set.of(A));
            APIS.put(role, TestApp.as(APP, role.name()));
        }
        Staff.ensure(APP, INTRUDER, Set.of(clinician), Set.of(A));
    }

    // ---------------------------------------------------------------- the calls, one per endpoint

    static final List<Probe> PROBES = List.of(
            read("GET /api/openapi.json", () -> "/openapi.json"),
            read("GET /api/openapi.yaml", () -> "/openapi.yaml"),
            read("GET /api/reference/reason-codes", () -> "/reference/reason-codes"),
            read("GET /api/sites", () -> "/sites"),
            read("GET /api/sites/{code}", () -> "/sites/" + A),
            read("GET /api/sites/{code}/review-agenda", () -> "/sites/" + A + "/review-agenda"),
            write("POST /api/sites", 201, username -> {
                String code = "N" + serial();
                return Request.to("/sites", Map.of("code", code, "name", "Site " + code, "model", "clinic_treatment"))
                        .whenRefused(
                                () -> assertThat(tester.get("/sites/" + code).status())
                                        .isEqualTo(404));
            }),
            read("GET /api/cohorts", () -> "/cohorts"),
            read("GET /api/cohorts/{id}", () -> "/cohorts/" + siteA.cohortId()),
            write("POST /api/cohorts", 201, username -> {
                String name = "Cohort " + serial();
                return Request.to(
                                "/cohorts",
                                Map.of(
                                        "siteCode",
                                        A,
                                        "name",
                                        name,
                                        "startsOn",
                                        "2026-03-01",
                                        "endsOn",
                                        "2027-02-28",
                                        "target",
                                        12))
                        .whenRefused(() -> assertThat(tester.get("/cohorts?siteCode=" + A + "&limit=500")
                                        .json()
                                        .get("items"))
                                .noneMatch(cohort -> cohort.get("name").asText().equals(name)));
            }),
            // cohort figures (issue 6): a programme lead's, read-only; unsuppressed figures are tested with the report
            read("GET /api/cohorts/{id}/report", () -> "/cohorts/" + siteA.cohortId() + "/report"),
            read("GET /api/programme/comparison", () -> "/programme/comparison?from=2026-01-01&to=2026-06-30"),
            read("GET /api/programme/report", () -> Disclosed.to("/programme/report?from=2026-01-01&to=2026-06-30")),
            read("GET /api/programme/export", () -> Disclosed.to("/programme/export?from=2026-01-01&to=2026-06-30")),
            write("POST /api/referrals", 201, username -> {
                String familyName = "Referred" + serial();
                return Request.to("/referrals", Cases.referral(A, "2026-02-01", "Sam", familyName))
                        .whenRefused(() -> assertThat(tester.post("/participants/search", Map.of("q", familyName))
                                        .json()
                                        .get("items"))
                                .isEmpty());
            }),
            read("GET /api/referrals", () -> "/referrals"),
            read("GET /api/referrals/{id}", () -> "/referrals/" + siteA.referralId()),
            write("POST /api/referrals/{id}/review", 200, username -> {
                String id = newReferral(A).get("id").asText();
                return Request.to("/referrals/" + id + "/review", review())
                        .whenRefused(() -> assertReferralAwaitsReview(id));
            }),
            read("GET /api/participants", () -> "/participants"),
            // a search reads, though it is a POST: the terms travel in its body, never in the address
            write(
                    "POST /api/participants/search",
                    200,
                    username -> Request.to("/participants/search", Map.of("q", "a"))),
            read("GET /api/participants/{id}", () -> "/participants/" + siteA.participantId()),
            write("PATCH /api/participants/{id}", 200, username -> {
                String id = newReferral(A).get("participantId").asText();
                return Request.to("/participants/" + id, Map.of("givenName", "Samuel"))
                        .header("If-Match", IF_MATCH_FIRST_VERSION)
                        .whenRefused(() -> assertParticipantAtFirstVersion(id));
            }),
            read(
                    "GET /api/participants/{id}/subject-access",
                    () -> Disclosed.to("/participants/" + siteA.participantId() + "/subject-access")),
            read(
                    "GET /api/participants/{id}/disclosures",
                    () -> "/participants/" + siteA.participantId() + "/disclosures"),
            write("POST /api/participants/{id}/merge", 200, username -> {
                String merged = newReferral(A).get("participantId").asText();
                String survivor = newReferral(A).get("participantId").asText();
                return Request.to(
                                "/participants/" + merged + "/merge",
                                Map.of("into", survivor, "reason", "Same person entered twice"))
                        .whenRefused(() -> assertThat(
                                        tester.get("/participants/" + merged).status())
                                .isEqualTo(200));
            }),
            write("POST /api/enrolments", 201, username -> {
                String participantId = acceptedParticipant(A);
                return Request.to(
                                "/enrolments",
                                Map.of(
                                        "participantId",
                                        participantId,
                                        "cohortId",
                                        siteA.cohortId(),
                                        "on",
                                        "2026-02-03"))
                        .whenRefused(() -> assertThat(
                                        tester.get("/enrolments?cohortId=" + siteA.cohortId() + "&limit=500")
                                                .json()
                                                .get("items"))
                                .noneMatch(e -> e.get("participantId").asText().equals(participantId)));
            }),
            read("GET /api/enrolments", () -> "/enrolments"),
            read("GET /api/enrolments/{id}", () -> "/enrolments/" + siteA.enrolmentId()),
            write("POST /api/enrolments/{id}/transitions", 200, username -> {
                String id = cases.enrolment(A, siteA.cohortId()).get("id").asText();
                return Request.to("/enrolments/" + id + "/transitions", transition())
                        .whenRefused(() -> assertEnrolmentStillReferred(id));
            }),
            write("POST /api/tokens", 201, username -> Request.to("/tokens")),
            write("DELETE /api/tokens/{id}", 204, username -> {
                JsonNode token = Cases.created(TestApp.as(APP, username).post("/tokens", null));
                return Request.to("/tokens/" + token.get("id").asText())
                        .whenRefused(() -> assertThat(TestApp.anonymous(APP)
                                        .withBearer(token.get("token").asText())
                                        .get("/sites")
                                        .status())
                                .isEqualTo(200));
            }),
            // issue 12: self-service; the caller's own password is put back after it changed, for the calls after
            write("POST /api/me/password", 204, username -> Request.to(
                            "/me/password",
                            Map.of("currentPassword", Staff.PASSWORD, "newPassword", "a brand new pass phrase"))
                    .whenRefused(() -> assertCanLogIn(username))
                    .undoneBy(() -> Staff.setPassword(APP, username, Staff.PASSWORD))),
            read("GET /api/me/tokens", () -> "/me/tokens"),
            write("DELETE /api/me/tokens", 204, username -> {
                JsonNode token = Cases.created(TestApp.as(APP, username).post("/tokens", null));
                return Request.to("/me/tokens", Map.of("currentPassword", Staff.PASSWORD))
                        .whenRefused(() -> assertThat(TestApp.anonymous(APP)
                                        .withBearer(token.get("token").asText())
                                        .get("/sites")
                                        .status())
                                .isEqualTo(200));
            }),
            // issue 16: enrolling one's own second factor; a confirmed one is taken away again for the calls after
            write("POST /api/me/second-factor", 201, username -> Request.to("/me/second-factor")),
            write("POST /api/me/second-factor/confirm", 200, username -> {
                String secret = Cases.created(TestApp.as(APP, username).post("/me/second-factor", null))
                        .get("secret")
                        .asText();
                return Request.to("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret)))
                        .undoneBy(() -> Staff.forgetSecondFactor(APP, username));
            }),
            // issue 16: my sessions and tokens, one of them ended
            read("GET /api/me/sessions", () -> "/me/sessions"),
            write("DELETE /api/me/sessions/{id}", 204, username -> {
                JsonNode token = Cases.created(TestApp.as(APP, username).post("/tokens", null));
                return Request.to("/me/sessions/" + token.get("id").asText(), Map.of("currentPassword", Staff.PASSWORD))
                        .whenRefused(() -> assertThat(TestApp.anonymous(APP)
                                        .withBearer(token.get("token").asText())
                                        .get("/sites")
                                        .status())
                                .isEqualTo(200));
            }),
            // issue 17: one's own email address for alerts
            read("GET /api/me/email", () -> "/me/email"),
            write(
                    "PUT /api/me/email",
                    200,
                    username -> Request.to("/me/email", Map.of("email", username + "@example.org"))),
            read("GET /api/users", () -> "/users"),
            write("POST /api/users", 201, username -> {
                String name = "made-" + serial();
                return Request.to(
                                "/users", Map.of("username", name, "roles", List.of("clinician"), "sites", List.of(A)))
                        .whenRefused(
                                () -> assertThat(tester.get("/sites").status()).isEqualTo(200));
            }),
            read("GET /api/users/{username}", () -> "/users/" + spareAccount()),
            write("POST /api/users/{username}/disable", 200, username -> {
                String spare = spareAccount();
                return Request.to("/users/" + spare + "/disable").whenRefused(() -> assertCanLogIn(spare));
            }),
            write("POST /api/users/{username}/enable", 200, username -> {
                String spare = spareAccount();
                Cases.ok(APIS.get(admin).post("/users/" + spare + "/disable", null));
                return Request.to("/users/" + spare + "/enable").whenRefused(() -> assertThat(
                                TestApp.as(APP, spare).get("/sites").status())
                        .isEqualTo(401));
            }),
            write("PUT /api/users/{username}/access", 200, username -> {
                String spare = spareAccount();
                return Request.to(
                                "/users/" + spare + "/access",
                                Map.of("roles", List.of("probation"), "sites", List.of(A)))
                        .whenRefused(() -> assertThat(TestApp.as(APP, spare)
                                        .get("/participants/" + siteA.participantId() + "/sessions")
                                        .status())
                                .as("still a clinician")
                                .isEqualTo(200));
            }),
            write("PUT /api/users/{username}/email", 200, username -> {
                String spare = spareAccount();
                return Request.to("/users/" + spare + "/email", Map.of("email", "spare@example.org"))
                        .whenRefused(() -> assertThat(Cases.ok(APIS.get(admin).get("/users/" + spare))
                                        .get("email")
                                        .isNull())
                                .isTrue());
            }),
            write("POST /api/users/{username}/password", 200, username -> {
                String spare = spareAccount();
                return Request.to("/users/" + spare + "/password").whenRefused(() -> assertCanLogIn(spare));
            }),
            read("GET /api/users/{username}/tokens", () -> "/users/" + spareAccount() + "/tokens"),
            write("DELETE /api/users/{username}/tokens", 204, username -> {
                String spare = spareAccount();
                JsonNode token = Cases.created(TestApp.as(APP, spare).post("/tokens", null));
                return Request.to("/users/" + spare + "/tokens").whenRefused(() -> assertThat(TestApp.anonymous(APP)
                                .withBearer(token.get("token").asText())
                                .get("/sites")
                                .status())
                        .isEqualTo(200));
            }),
            write("DELETE /api/users/{username}/second-factor", 204, username -> {
                String spare = spareAccount();
                Api owner = TestApp.as(APP, spare);
                String secret = Cases.created(owner.post("/me/second-factor", null))
                        .get("secret")
                        .asText();
                Cases.ok(owner.post("/me/second-factor/confirm", Map.of("code", Authenticator.code(secret))));
                return Request.to("/users/" + spare + "/second-factor")
                        .whenRefused(() -> assertThat(owner.get("/sites").status())
                                .as("still enrolled: a password alone is not enough")
                                .isEqualTo(401));
            }),
            write("DELETE /api/users/{username}/sessions", 204, username -> {
                String spare = spareAccount();
                JsonNode token = Cases.created(TestApp.as(APP, spare).post("/tokens", null));
                return Request.to("/users/" + spare + "/sessions").whenRefused(() -> assertThat(TestApp.anonymous(APP)
                                .withBearer(token.get("token").asText())
                                .get("/sites")
                                .status())
                        .isEqualTo(200));
            }),
            read("GET /api/users/{username}/identity", () -> "/users/" + linkedAccount() + "/identity"),
            write("PUT /api/users/{username}/identity", 200, username -> {
                String spare = spareAccount();
                return Request.to("/users/" + spare + "/identity", Map.of("subject", "subject-" + serial()))
                        .whenRefused(() -> assertThat(APIS.get(admin)
                                        .get("/users/" + spare + "/identity")
                                        .status())
                                .isEqualTo(404));
            }),
            write("DELETE /api/users/{username}/identity", 204, username -> {
                String linked = linkedAccount();
                return Request.to("/users/" + linked + "/identity").whenRefused(() -> assertThat(APIS.get(admin)
                                .get("/users/" + linked + "/identity")
                                .status())
                        .isEqualTo(200));
            }),
            read("GET /api/audit", () -> "/audit"),
            // issue 17 (attention-core): one's own alerts
            read("GET /api/alerts", () -> "/alerts"),
            write("POST /api/alerts/{id}/acknowledgement", 200, username -> {
                String alertId = Teams.alertToldTo(APP, tester, A, username);
                return Request.to("/alerts/" + alertId + "/acknowledgement", Map.of("note", "Seen"))
                        .whenRefused(() ->
                                assertThat(Teams.acknowledged(APP, alertId)).isFalse());
            }),
            // the case team (issue 17): each write at a case of its own, the part taken by site A's clinician
            read("GET /api/participants/{id}/team", () -> "/participants/" + siteA.participantId() + "/team"),
            write("POST /api/participants/{id}/team", 201, username -> {
                String id = newReferral(A).get("participantId").asText();
                return Request.to(
                                "/participants/" + id + "/team",
                                Map.of("username", "clinician", "role", "key_worker", "from", "2026-02-03"))
                        .whenRefused(() -> assertNoTeam(id));
            }),
            write("POST /api/participants/{id}/team/{allocationId}/end", 200, username -> {
                String id = newReferral(A).get("participantId").asText();
                String allocation = allocated(id, "clinician");
                return Request.to("/participants/" + id + "/team/" + allocation + "/end", Map.of("to", "2026-03-31"))
                        .whenRefused(() -> assertThat(tester.get("/participants/" + id + "/team")
                                        .json()
                                        .get("current"))
                                .hasSize(1));
            }),
            write("POST /api/sites/{code}/team-reallocations", 200, username -> {
                String leaving = "leaving" + serial();
                Staff.ensure(APP, leaving, Set.of(clinician), Set.of(A));
                String id = newReferral(A).get("participantId").asText();
                allocated(id, leaving);
                return Request.to(
                                "/sites/" + A + "/team-reallocations",
                                Map.of("from", leaving, "to", "clinician", "on", "2026-04-01"))
                        .whenRefused(() -> assertThat(tester.get("/participants/" + id + "/team")
                                        .json()
                                        .get("current")
                                        .findValuesAsText("username"))
                                .containsExactly(leaving));
            }),
            read("GET /api/me/caseload", () -> "/me/caseload"),
            // issue 19: the DPO's retention review; each write at a case closed years ago, so it is due
            read("GET /api/retention/reviews", () -> "/retention/reviews"),
            write("POST /api/participants/{id}/retention-decisions", 201, username -> {
                String id = closedYearsAgo(A);
                return Request.to(
                                "/participants/" + id + "/retention-decisions",
                                Map.of(
                                        "decision",
                                        "retain",
                                        "until",
                                        java.time.LocalDate.now().plusYears(1).toString(),
                                        "reason",
                                        "Civil claim pending"))
                        .whenRefused(() -> assertThat(
                                        dueForReview(id).get("lastDecision").isNull())
                                .isTrue());
            }),
            write("POST /api/participants/{id}/legal-holds", 201, username -> {
                String id = closedYearsAgo(A);
                return Request.to("/participants/" + id + "/legal-holds", Map.of("reason", "Inquiry pending"))
                        .whenRefused(() -> assertThat(
                                        dueForReview(id).get("legalHold").asBoolean())
                                .isFalse());
            }),
            write("POST /api/participants/{id}/legal-holds/{holdId}/lift", 200, username -> {
                String id = closedYearsAgo(A);
                String hold = Cases.created(APIS.get(dpo)
                                .post("/participants/" + id + "/legal-holds", Map.of("reason", "Inquiry pending")))
                        .get("id")
                        .asText();
                return Request.to("/participants/" + id + "/legal-holds/" + hold + "/lift")
                        .whenRefused(() -> assertThat(
                                        dueForReview(id).get("legalHold").asBoolean())
                                .isTrue());
            }),
            // issue 19 (access): break-glass into site B's case (every role but the spanning ones is bound to A)
            write("POST /api/break-glass", 201, username -> Request.to(
                            "/break-glass",
                            Map.of(
                                    "caseReference",
                                    tester.get("/participants/" + siteB.participantId())
                                            .json()
                                            .get("caseRef")
                                            .asText(),
                                    "reason",
                                    "Arrested here overnight, checking bail conditions before interview"))
                    .whenRefused(() -> assertThat(grantsOf(username)).isZero())),
            read("GET /api/break-glass", () -> "/break-glass"),
            // restriction of processing, each at a case of its own
            write("POST /api/participants/{id}/restriction", 201, username -> {
                String id = newReferral(A).get("participantId").asText();
                return Request.to(
                                "/participants/" + id + "/restriction",
                                Map.of("purpose", "accuracy contested by the data subject"))
                        .whenRefused(() -> assertThat(
                                        tester.get("/participants/" + id).status())
                                .isEqualTo(200));
            }),
            write("POST /api/participants/{id}/restriction/lift", 200, username -> {
                String id = newReferral(A).get("participantId").asText();
                Cases.created(APIS.get(Role.dpo)
                        .post(
                                "/participants/" + id + "/restriction",
                                Map.of("purpose", "accuracy contested by the data subject")));
                return Request.to("/participants/" + id + "/restriction/lift").whenRefused(() -> assertThat(
                                tester.get("/participants/" + id).status())
                        .isEqualTo(403));
            }));

    /** A case referred in 2018 and closed by the daily review with no further action the next day: long due. */
    static String closedYearsAgo(String site) {
        JsonNode referral =
                Cases.created(tester.post("/referrals", Cases.referral(site, "2018-01-01", "Old", "Case" + serial())));
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
        return referral.get("participantId").asText();
    }

    /** The case's entry in the DPO's review queue. */
    static JsonNode dueForReview(String participantId) {
        for (JsonNode item : APIS.get(dpo).get("/retention/reviews").json().get("cases")) {
            if (item.get("participantId").asText().equals(participantId)) {
                return item;
            }
        }
        throw new AssertionError("Not in the review queue: " + participantId);
    }

    /** How many break-glass grants the account holds. */
    static int grantsOf(String username) {
        return Teams.database(APP).withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM break_glass_grant WHERE username = :username")
                .bind("username", username)
                .mapTo(Integer.class)
                .one());
    }

    /** The case's key worker allocated by the tester; the allocation's id. */
    static String allocated(String participantId, String username) {
        return Cases.created(tester.post(
                        "/participants/" + participantId + "/team",
                        Map.of("username", username, "role", "key_worker", "from", "2026-02-03")))
                .get("id")
                .asText();
    }

    static void assertNoTeam(String participantId) {
        assertThat(tester.get("/participants/" + participantId + "/team").json().get("current"))
                .isEmpty();
    }

    /** Issue 5: the case summaries, one row per audience, as JSON and as PDF. */
    static final List<Probe> SUMMARY_PROBES = Stream.of(
                    "summary?audience=probation", "summary?audience=cps", "reports/probation", "reports/cps")
            .map(tail -> read(
                    "GET /api/participants/{id}/" + tail,
                    // a PDF goes to a named recipient for a purpose (issue 19)
                    () -> "/participants/" + siteA.participantId() + "/"
                            + (tail.startsWith("reports/") ? Disclosed.to(tail) : tail)))
            .toList();

    static Stream<Probe> probes() {
        return Stream.concat(PROBES.stream(), SUMMARY_PROBES.stream());
    }

    static Stream<Arguments> everyRoleAtEveryEndpoint() {
        return probes().flatMap(probe -> Arrays.stream(Role.values()).map(role -> Arguments.of(role, probe)));
    }

    // ---------------------------------------------------------------- the matrix

    /** Between them, this class and ClinicalRecordAccessTest probe every endpoint once. */
    @Test
    void there_is_a_probe_for_every_endpoint_of_the_matrix() {
        List<Probe> all = Stream.concat(probes(), ClinicalRecordAccessTest.PROBES.stream())
                .toList();
        Set<String> probed = new TreeSet<>(all.stream().map(Probe::endpoint).toList());
        assertThat(probed)
                .hasSize(all.size())
                .isEqualTo(new TreeSet<>(DOC.now().keySet()))
                .isEqualTo(new TreeSet<>(CODE.keySet()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRoleAtEveryEndpoint")
    void every_role_gets_exactly_what_the_matrix_says(Role role, Probe probe) {
        assertThat(DOC.now()).as("docs/access.md has a row for " + probe).containsKey(probe.endpoint());
        Request request = probe.prepare().apply(role.name());
        Reply reply = probe.send(APIS.get(role), request);
        if (DOC.now().get(probe.endpoint()).contains(role)) {
            assertThat(reply.status())
                    .as("%s may call %s: %s", role, probe, reply)
                    .isEqualTo(probe.success());
            request.undo().run();
        } else {
            assertProblem(reply, 403, role + " may not call " + probe);
            assertThat(reply.json().get("detail").asText()).isEqualTo("Your role may not do this");
            assertAuditedOnce(role, reply, "denied", 403, probe.action().resourceType());
            request.unchanged().run();
        }
    }

    @Test
    void head_follows_get_and_options_is_refused_by_default() {
        assertThat(APIS.get(clinician)
                        .send("HEAD", "/participants", null, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(APIS.get(admin).send("HEAD", "/participants", null, Map.of()).status())
                .isEqualTo(403);
        // Jersey answers OPTIONS with a handler of its own, which names no action: nobody may call it.
        for (Role role : Role.values()) {
            Reply options = APIS.get(role).send("OPTIONS", "/sites", null, Map.of());
            assertProblem(options, 403, role + " OPTIONS /sites");
            assertAuditedOnce(role, options, "denied", 403, "unknown");
        }
    }

    // ---------------------------------------------------------------- 401

    @ParameterizedTest(name = "{0}")
    @MethodSource("probesNeedingCredentials")
    void without_credentials_every_endpoint_is_401(Probe probe) {
        Request request = probe.prepare().apply("tester");
        assertUnauthorized(probe.send(TestApp.anonymous(APP), request), probe.toString());
        request.unchanged().run();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicProbes")
    void the_public_description_is_answered_without_credentials_and_nothing_else_is(Probe probe) {
        assertThat(DOC.open())
                .as("docs/access.md lists %s as needing no credentials", probe)
                .contains(probe.endpoint());
        Reply reply = probe.send(TestApp.anonymous(APP), probe.prepare().apply("tester"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(probe.success());
    }

    @Test
    void the_public_endpoints_are_exactly_those_the_doc_lists_and_the_policy_opens() {
        Set<String> open = new TreeSet<>(CODE.values().stream()
                .filter(endpoint -> AccessPolicy.isPublic(endpoint.action().orElseThrow()))
                .map(ApiEndpoints.Endpoint::name)
                .toList());
        Set<String> documented = new TreeSet<>(DOC.open());
        documented.remove(API_PAGE);
        assertThat(open).isEqualTo(documented).containsExactly("GET /api/openapi.json", "GET /api/openapi.yaml");
    }

    @Test
    void the_api_page_is_static_files_for_anybody_outside_the_resources() {
        assertThat(DOC.open()).contains(API_PAGE);
        assertThat(CODE).doesNotContainKey(API_PAGE);
        Reply page = TestApp.anonymous(APP).get("/docs/");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    static final String API_PAGE = "GET /api/docs";

    static Stream<Probe> probesNeedingCredentials() {
        return PROBES.stream().filter(probe -> !AccessPolicy.isPublic(probe.action()));
    }

    static Stream<Probe> publicProbes() {
        return PROBES.stream().filter(probe -> AccessPolicy.isPublic(probe.action()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probesNeedingCredentials")
    void with_a_wrong_password_every_endpoint_is_401(Probe probe) {
        Request request = probe.prepare().apply("tester");
        // An account of its own for each probe: a success does not clear failures, so one account
        // would be slowed from the fourth probe and locked after the fifth.
        String account = INTRUDER + "-" + serial();
        Staff.ensure(APP, account, Set.of(clinician), Set.of(A));
        Reply wrong = probe.send(TestApp.anonymous(APP).withBasic(account, "not the password at all"), request);
        assertUnauthorized(wrong, probe + " with a wrong password");
        request.unchanged().run();
        assertCanLogIn(account);
    }

    @Test
    void an_unknown_user_is_answered_exactly_like_a_wrong_password() {
        String account = INTRUDER + "-" + serial();
        Staff.ensure(APP, account, Set.of(clinician), Set.of(A));
        Reply wrongPassword = TestApp.anonymous(APP)
                .withBasic(account, "not the password at all")
                .get("/participants");
        Reply unknownUser = TestApp.anonymous(APP)
                .withBasic("nobody-" + serial(), Staff.PASSWORD)
                .get("/participants");
        assertUnauthorized(unknownUser, "unknown user");
        assertThat(unknownUser.text()).isEqualTo(wrongPassword.text());
        assertThat(unknownUser.headers().allValues("WWW-Authenticate"))
                .isEqualTo(wrongPassword.headers().allValues("WWW-Authenticate"));
        assertCanLogIn(account);
    }

    @Test
    void an_unknown_or_revoked_token_is_401() {
        Api clinicianApi = APIS.get(clinician);
        JsonNode issued = Cases.created(clinicianApi.post("/tokens", null));
        Api bearer = TestApp.anonymous(APP).withBearer(issued.get("token").asText());
        assertThat(bearer.get("/participants/" + siteA.participantId()).status())
                .isEqualTo(200);

        assertUnauthorized(
                TestApp.anonymous(APP)
                        .withBearer("no-such-token-" + UUID.randomUUID())
                        .get("/participants"),
                "unknown token");
        assertThat(clinicianApi.delete("/tokens/" + issued.get("id").asText()).status())
                .isEqualTo(204);
        assertUnauthorized(bearer.get("/participants/" + siteA.participantId()), "revoked token");
    }

    @Test
    void tokens_are_issued_only_against_a_password() {
        JsonNode issued = Cases.created(APIS.get(clinician).post("/tokens", null));
        Api bearer = TestApp.anonymous(APP).withBearer(issued.get("token").asText());
        assertProblem(bearer.post("/tokens", null), 401, "a token asked for with a token");
    }

    @Test
    void a_token_in_the_query_string_is_not_accepted() {
        JsonNode issued = Cases.created(APIS.get(clinician).post("/tokens", null));
        Reply refused = TestApp.anonymous(APP)
                .get("/participants?access_token=" + issued.get("token").asText());
        assertProblem(refused, 400, "a token in the query string");
        assertThat(refused.fieldsAtFault()).containsExactly("access_token");
    }

    @Test
    void someone_elses_token_cannot_be_revoked_except_by_an_admin() {
        JsonNode token = Cases.created(APIS.get(police).post("/tokens", null));
        String path = "/tokens/" + token.get("id").asText();
        assertProblem(APIS.get(clinician).delete(path), 404, "another user's token");
        assertThat(APIS.get(admin).delete(path).status()).isEqualTo(204);
    }

    // ---------------------------------------------------------------- site scoping

    /** Site B's case records, each at an endpoint that names it by id. */
    static final List<Probe> SITE_B = List.of(
            read("GET /api/participants/{id}", () -> "/participants/" + siteB.participantId()),
            write("PATCH /api/participants/{id}", 200, username -> Request.to(
                            "/participants/" + siteB.participantId(), Map.of("givenName", "Mallory"))
                    .header("If-Match", IF_MATCH_FIRST_VERSION)),
            read("GET /api/referrals/{id}", () -> "/referrals/" + siteB.referralId()),
            write(
                    "POST /api/referrals/{id}/review",
                    200,
                    username -> Request.to("/referrals/" + siteB.referralId() + "/review", review())),
            read("GET /api/enrolments/{id}", () -> "/enrolments/" + siteB.enrolmentId()),
            write(
                    "POST /api/enrolments/{id}/transitions",
                    200,
                    username -> Request.to("/enrolments/" + siteB.enrolmentId() + "/transitions", transition())),
            read("GET /api/cohorts/{id}", () -> "/cohorts/" + siteB.cohortId()));

    static Stream<Arguments> siteBoundUsersAtSiteB() {
        return SITE_B.stream().flatMap(probe -> SITE_BOUND.stream().map(role -> Arguments.of(role, probe)));
    }

    @ParameterizedTest(name = "{0}: {1} of site B")
    @MethodSource("siteBoundUsersAtSiteB")
    void another_sites_case_does_not_exist_for_a_site_bound_user(Role role, Probe probe) {
        Reply reply = probe.send(APIS.get(role), probe.prepare().apply(role.name()));
        if (DOC.now().get(probe.endpoint()).contains(role)) {
            assertProblem(reply, 404, role + " at site B: " + probe);
            if (probe.action().isCaseData()) {
                assertAuditedOnce(role, reply, "denied", 404, probe.action().resourceType());
            }
        } else {
            // The role may not do this anywhere: refused before the record is looked at, so the 403
            // says nothing about site B.
            assertProblem(reply, 403, role + " may not call " + probe);
        }
        assertSiteBUntouched();
    }

    @Test
    void a_case_of_another_site_is_answered_exactly_like_one_that_does_not_exist() {
        Api api = APIS.get(clinician);
        Map<String, String> siteBIds = Map.of(
                "/participants/",
                siteB.participantId(),
                "/referrals/",
                siteB.referralId(),
                "/enrolments/",
                siteB.enrolmentId(),
                "/cohorts/",
                siteB.cohortId());
        siteBIds.forEach((collection, id) -> {
            String unknown = UUID.randomUUID().toString();
            Reply elsewhere = api.get(collection + id);
            Reply nowhere = api.get(collection + unknown);
            assertProblem(elsewhere, 404, collection + " of site B");
            assertProblem(nowhere, 404, collection + " unknown");
            assertThat(elsewhere.text().replace(id, "ID"))
                    .isEqualTo(nowhere.text().replace(unknown, "ID"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"clinician", "probation", "cps", "advocate", "police"})
    void lists_hold_only_the_users_own_sites_cases(Role role) {
        int listed = 0;
        for (String list : List.of("/participants", "/referrals", "/enrolments", "/cohorts")) {
            if (!DOC.now().get("GET /api" + list).contains(role)) {
                continue;
            }
            listed++;
            JsonNode items = Cases.ok(APIS.get(role).get(list + "?limit=500")).get("items");
            assertThat(items).as("%s %s", role, list).isNotEmpty().allSatisfy(item -> assertThat(siteOf(item))
                    .as("%s %s: %s", role, list, item)
                    .isEqualTo(A));
            String otherSite = list.equals("/enrolments") ? "?cohortId=" + siteB.cohortId() : "?siteCode=" + B;
            assertThat(Cases.ok(APIS.get(role).get(list + otherSite)).get("items"))
                    .as("%s %s%s", role, list, otherSite)
                    .isEmpty();
        }
        assertThat(listed).as("lists %s may read", role).isPositive();
    }

    @Test
    void a_programme_lead_spans_every_site() {
        Api lead = APIS.get(programme_lead);
        assertThat(sitesListed(lead, "/participants")).contains(A, B);
        assertThat(sitesListed(lead, "/referrals")).contains(A, B);
        assertThat(sitesListed(lead, "/cohorts")).contains(A, B);
        assertThat(lead.get("/participants/" + siteB.participantId()).status()).isEqualTo(200);
        assertThat(lead.get("/enrolments/" + siteB.enrolmentId()).status()).isEqualTo(200);
        assertThat(lead.get("/cohorts/" + siteB.cohortId()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"clinician", "probation", "advocate", "police"})
    void referring_into_another_site_is_422_on_siteCode(Role role) {
        assertThat(DOC.now().get("POST /api/referrals")).contains(role);
        String familyName = "Crossing" + serial();
        Reply reply = APIS.get(role).post("/referrals", Cases.referral(B, "2026-02-01", "Eve", familyName));
        assertProblem(reply, 422, role + " referring into site B");
        assertThat(reply.fieldsAtFault()).containsExactly("siteCode");
        assertAuditedOnce(role, reply, "denied", 422, "referral");
        assertThat(tester.post("/participants/search", Map.of("q", familyName))
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void enrolling_across_sites_names_the_out_of_scope_field() {
        Api api = APIS.get(clinician);
        Reply participantElsewhere = api.post(
                "/enrolments",
                Map.of("participantId", acceptedParticipant(B), "cohortId", siteA.cohortId(), "on", "2026-02-03"));
        assertProblem(participantElsewhere, 422, "a participant of site B");
        assertThat(participantElsewhere.fieldsAtFault()).containsExactly("participantId");
        assertAuditedOnce(clinician, participantElsewhere, "denied", 422, "participant");

        Reply cohortElsewhere = api.post(
                "/enrolments",
                Map.of("participantId", acceptedParticipant(A), "cohortId", siteB.cohortId(), "on", "2026-02-03"));
        assertProblem(cohortElsewhere, 422, "a cohort of site B");
        assertThat(cohortElsewhere.fieldsAtFault()).containsExactly("cohortId");
    }

    @Test
    void opening_a_cohort_is_limited_to_the_leads_sites_too() {
        // A lead bound to site A (leads may also be bound) cannot open a cohort at site B.
        Staff.ensure(APP, "lead-a", Set.of(programme_lead), Set.of(A));
        Reply reply = TestApp.as(APP, "lead-a")
                .post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                B,
                                "name",
                                "Elsewhere",
                                "startsOn",
                                "2026-03-01",
                                "endsOn",
                                "2027-02-28",
                                "target",
                                5));
        assertProblem(reply, 422, "a site-A lead opening a cohort at B");
        assertThat(reply.fieldsAtFault()).containsExactly("siteCode");
    }

    // ---------------------------------------------------------------- fixtures made per call

    static JsonNode newReferral(String site) {
        return Cases.created(tester.post("/referrals", Cases.referral(site, "2026-02-01", "Alex", "Fresh" + serial())));
    }

    /** A participant the daily review accepted for intervention, not yet enrolled. */
    static String acceptedParticipant(String site) {
        JsonNode referral = newReferral(site);
        cases.review(referral.get("id").asText(), "high", "accept_for_intervention");
        return referral.get("participantId").asText();
    }

    static String spareAccount() {
        String username = "spare-" + serial();
        Staff.ensure(APP, username, Set.of(clinician), Set.of(A));
        return username;
    }

    /** A spare account linked to a subject of the identity provider. */
    static String linkedAccount() {
        String username = spareAccount();
        Cases.ok(APIS.get(admin)
                .send("PUT", "/users/" + username + "/identity", Map.of("subject", "subject-" + serial()), Map.of()));
        return username;
    }

    static Map<String, Object> review() {
        return Map.of(
                "reviewedOn",
                "2026-02-02",
                "priority",
                "medium",
                "decision",
                "accept_for_intervention",
                "reason",
                "Daily review");
    }

    static Map<String, Object> transition() {
        return Map.of("to", "assessing", "on", "2026-02-04", "reason", "Consented to assessment");
    }

    // ---------------------------------------------------------------- checks

    static void assertAuditedOnce(Role role, Reply reply, String action, int status, String resourceType) {
        AccessProbes.assertAuditedOnce(APIS.get(admin), role, reply, action, status, resourceType);
    }

    static void assertCanLogIn(String username) {
        assertThat(TestApp.as(APP, username).get("/sites").status())
                .as(username + " logs in")
                .isEqualTo(200);
    }

    static void assertReferralAwaitsReview(String id) {
        assertThat(Cases.ok(tester.get("/referrals/" + id)).get("status").asText())
                .isEqualTo("awaiting_review");
    }

    static void assertParticipantAtFirstVersion(String id) {
        Reply participant = tester.get("/participants/" + id);
        assertThat(participant.header("ETag")).isEqualTo(IF_MATCH_FIRST_VERSION);
    }

    static void assertEnrolmentStillReferred(String id) {
        assertThat(Cases.ok(tester.get("/enrolments/" + id)).get("state").asText())
                .isEqualTo("referred");
    }

    static void assertSiteBUntouched() {
        assertReferralAwaitsReview(siteB.referralId());
        assertParticipantAtFirstVersion(siteB.participantId());
        assertEnrolmentStillReferred(siteB.enrolmentId());
    }

    /** The site of a list item: its siteCode, or the site its case reference starts with. */
    static String siteOf(JsonNode item) {
        return item.has("siteCode")
                ? item.get("siteCode").asText()
                : item.get("caseRef").asText().split("-")[0];
    }

    static Set<String> sitesListed(Api api, String list) {
        Set<String> sites = new TreeSet<>();
        Cases.ok(api.get(list + "?limit=500")).get("items").forEach(item -> sites.add(siteOf(item)));
        return sites;
    }
}
