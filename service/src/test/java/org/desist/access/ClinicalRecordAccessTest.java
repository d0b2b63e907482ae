package org.desist.access;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.desist.auth.Role.police;
import static org.desist.auth.Role.probation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
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
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.timeline.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access matrix of docs/access.md for the clinical record (issue 4), as AccessMatrixTest does it
 * for the rest: every role at every record endpoint, the timeline and the progress figures gets exactly
 * the status the matrix says, a refused call changes nothing and is audited as 'denied'; without
 * credentials it is 401; a site-A user finds nothing of a site-B case's records (404, audited). And
 * what an allowed reader gets: clinical free text only for clinicians, health detail only for clinicians
 * and probation (both as null, never as text), and a timeline of only the kinds of event the role may read,
 * with no free text at all.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ClinicalRecordAccessTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final AccessDoc DOC = AccessDoc.load();

    static final String A = "CLINA";
    static final String B = "CLINB";
    static final Set<Role> SITE_BOUND = EnumSet.of(clinician, probation, cps, advocate, police);
    static final Map<Role, Api> APIS = new EnumMap<>(Role.class);

    // Written by clinicians into case A; each must reach only the readers the rules name.
    static final String FORMULATION = "Formulation: grievance after rejection, sealed-text-1";
    static final String NOTES = "Session notes: disclosed driving past her flat, sealed-text-2";
    static final String NARRATIVE = "Narrative: fixation easing but still checks her profile, sealed-text-3";
    static final String DIAGNOSIS = "Emotionally unstable personality disorder, health-detail-4";
    static final String SUBSTANCE = "ketamine, health-detail-5";
    /** In every free-text field of case A's records: the timeline must carry none of them. */
    static final String FIXTURE = "case-A-free-text.";

    static Api tester;
    static Api advocates;
    static Case caseA;
    static Case caseB;
    static String writesA;

    /** A participant with one record of each kind. */
    record Case(String participantId, Map<RecordKind, String> records) {
        String base(RecordKind kind) {
            return ClinicalRecordAccessTest.base(participantId, kind);
        }

        String record(RecordKind kind) {
            return base(kind) + "/" + records.get(kind);
        }

        String path(String tail) {
            return "/participants/" + participantId + "/" + tail;
        }
    }

    @BeforeAll
    static void openTwoSitesWithACaseEach() {
        tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(A);
        cases.site(B);
        for (Role role : Role.values()) {
            Staff.ensure(APP, role.name(), Set.of(role), role.maySpanSites() ? Set.of() : Set.of(A));
            APIS.put(role, TestApp.as(APP, role.name()));
        }
        // the tester holds no advocate role, and only an advocate records victim-safety concerns
        Staff.ensure(APP, "advocate-ab", Set.of(advocate), Set.of(A, B));
        advocates = TestApp.as(APP, "advocate-ab");

        // case A: referred, reviewed and enrolled, so its timeline holds every kind of event
        caseA = openCase(cases.enrolment(A, cases.cohort(A).get("id").asText())
                .get("participantId")
                .asText());
        Cases.ok(tester.post(caseA.record(RecordKind.SESSIONS) + "/outcome", outcome(NOTES + " " + FIXTURE)));
        Cases.ok(tester.because("Formulation revised")
                .patch(
                        caseA.record(RecordKind.ASSESSMENTS),
                        Map.of("formulation", FORMULATION + " (revised) " + FIXTURE),
                        IF_MATCH_FIRST_VERSION));
        caseB = openCase(cases.participant(B));
        writesA = cases.participant(A);
    }

    static Case openCase(String participantId) {
        Map<RecordKind, String> records = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            records.put(
                    kind,
                    Cases.created(recorder(kind).post(base(participantId, kind), body(kind, FIXTURE)))
                            .get("id")
                            .asText());
        }
        return new Case(participantId, records);
    }

    // ---------------------------------------------------------------- the calls, one per endpoint

    static final List<Probe> PROBES = allProbes();

    static List<Probe> allProbes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(read("GET /api/reference/screening-questions", () -> "/reference/screening-questions"));
        for (RecordKind kind : RecordKind.values()) {
            probes.addAll(recordProbes(kind));
        }
        probes.add(write("POST " + RecordKind.SESSIONS.endpoint() + "/{rid}/outcome", 200, username -> {
            String path = fresh(RecordKind.SESSIONS);
            return Request.to(path + "/outcome", outcome("Engaged well")).whenRefused(() -> assertAtFirstVersion(path));
        }));
        probes.add(write("POST " + RecordKind.SERVICE_REFERRALS.endpoint() + "/{rid}/transitions", 200, username -> {
            String path = fresh(RecordKind.SERVICE_REFERRALS);
            return Request.to(path + "/transitions", referralMove()).whenRefused(() -> assertAtFirstVersion(path));
        }));
        probes.add(write("POST " + RecordKind.PLAN_ACTIONS.endpoint() + "/{rid}/transitions", 200, username -> {
            String path = fresh(RecordKind.PLAN_ACTIONS);
            return Request.to(path + "/transitions", actionDone()).whenRefused(() -> assertAtFirstVersion(path));
        }));
        probes.add(read("GET /api/participants/{id}/timeline", () -> caseA.path("timeline")));
        probes.add(read("GET /api/participants/{id}/progress", () -> caseA.path("progress")));
        return List.copyOf(probes);
    }

    /** Create, list, one, amend, history and entered-in-error: writes at fresh records of their own. */
    static List<Probe> recordProbes(RecordKind kind) {
        String name = kind.endpoint();
        return List.of(
                write("POST " + name, 201, username -> {
                    String marker = "probe-" + serial() + ".";
                    return Request.to(base(writesA, kind), body(kind, marker))
                            .whenRefused(() -> assertThat(tester.get(base(writesA, kind) + "?limit=500")
                                            .text())
                                    .as("%s recorded nothing", kind)
                                    .doesNotContain(marker));
                }),
                read("GET " + name, () -> caseA.base(kind)),
                read("GET " + name + "/{rid}", () -> caseA.record(kind)),
                write("PATCH " + name + "/{rid}", 200, username -> {
                    String path = fresh(kind);
                    return Request.to(path, patch(kind))
                            .header("If-Match", IF_MATCH_FIRST_VERSION)
                            .header("Change-Reason", "Corrected%20at%20review")
                            .whenRefused(() -> assertAtFirstVersion(path));
                }),
                read("GET " + name + "/{rid}/history", () -> caseA.record(kind) + "/history"),
                write("POST " + name + "/{rid}/entered-in-error", 200, username -> {
                    String path = fresh(kind);
                    return Request.to(path + "/entered-in-error", Map.of("reason", "Recorded against the wrong case"))
                            .header("If-Match", IF_MATCH_FIRST_VERSION)
                            .whenRefused(() -> assertAtFirstVersion(path));
                }));
    }

    static Stream<Arguments> everyRoleAtEveryEndpoint() {
        return PROBES.stream().flatMap(probe -> Arrays.stream(Role.values()).map(role -> Arguments.of(role, probe)));
    }

    // ---------------------------------------------------------------- the matrix

    @Test
    void the_probes_cover_the_clinical_record_and_nothing_else() {
        Set<String> probed = new TreeSet<>(PROBES.stream().map(Probe::endpoint).toList());
        assertThat(probed).hasSize(PROBES.size()).hasSize(54);
        assertThat(DOC.now().keySet()).containsAll(probed);
        assertThat(probed)
                .allMatch(endpoint -> endpoint.contains("/participants/{id}/")
                        || endpoint.equals("GET /api/reference/screening-questions"));
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
        } else {
            assertProblem(reply, 403, role + " may not call " + probe);
            assertThat(reply.json().get("detail").asText()).isEqualTo("Your role may not do this");
            assertAudited(role, reply, "denied", 403, probe.action().resourceType());
            request.unchanged().run();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void without_credentials_every_endpoint_is_401(Probe probe) {
        Request request = probe.prepare().apply("tester");
        assertUnauthorized(probe.send(TestApp.anonymous(APP), request), probe.toString());
        request.unchanged().run();
    }

    static Stream<Probe> probes() {
        return PROBES.stream();
    }

    /** One call per resource (each wrong password costs an account and an Argon2 check): authentication is global. */
    static Stream<Probe> onePerResource() {
        return PROBES.stream()
                .filter(probe -> !probe.endpoint().contains("{rid}")
                        && (probe.method().equals("POST") || !probe.endpoint().matches(".*/(" + kindPaths() + ")$")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePerResource")
    void with_a_wrong_password_is_401(Probe probe) {
        Request request = probe.prepare().apply("tester");
        String account = "intruder-" + serial();
        Staff.ensure(APP, account, Set.of(clinician), Set.of(A));
        assertUnauthorized(
                probe.send(TestApp.anonymous(APP).withBasic(account, "not the password at all"), request),
                probe + " with a wrong password");
        request.unchanged().run();
        assertThat(TestApp.as(APP, account).get("/sites").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- site scoping

    /** Case B's records at endpoints that name them, a write of each shape among them. */
    static final List<Probe> SITE_B = List.of(
            read("GET " + RecordKind.ASSESSMENTS.endpoint(), () -> caseB.base(RecordKind.ASSESSMENTS)),
            read("GET " + RecordKind.ASSESSMENTS.endpoint() + "/{rid}", () -> caseB.record(RecordKind.ASSESSMENTS)),
            write("PATCH " + RecordKind.ASSESSMENTS.endpoint() + "/{rid}", 200, username -> Request.to(
                            caseB.record(RecordKind.ASSESSMENTS), patch(RecordKind.ASSESSMENTS))
                    .header("If-Match", IF_MATCH_FIRST_VERSION)
                    .header("Change-Reason", "Elsewhere")),
            read(
                    "GET " + RecordKind.SESSIONS.endpoint() + "/{rid}/history",
                    () -> caseB.record(RecordKind.SESSIONS) + "/history"),
            write(
                    "POST " + RecordKind.SESSIONS.endpoint() + "/{rid}/outcome",
                    200,
                    username -> Request.to(caseB.record(RecordKind.SESSIONS) + "/outcome", outcome("Elsewhere"))),
            write(
                    "POST " + RecordKind.SERVICE_REFERRALS.endpoint() + "/{rid}/transitions",
                    200,
                    username ->
                            Request.to(caseB.record(RecordKind.SERVICE_REFERRALS) + "/transitions", referralMove())),
            write(
                    "POST " + RecordKind.PLAN_ACTIONS.endpoint() + "/{rid}/transitions",
                    200,
                    username -> Request.to(caseB.record(RecordKind.PLAN_ACTIONS) + "/transitions", actionDone())),
            write(
                    "POST " + RecordKind.LEGAL_MEASURES.endpoint(),
                    201,
                    username -> Request.to(
                            caseB.base(RecordKind.LEGAL_MEASURES), body(RecordKind.LEGAL_MEASURES, "site-B-probe."))),
            read("GET " + RecordKind.VICTIM_SAFETY.endpoint() + "/{rid}", () -> caseB.record(RecordKind.VICTIM_SAFETY)),
            write(
                    "POST " + RecordKind.DESISTANCE_REVIEWS.endpoint(),
                    201,
                    username -> Request.to(
                            caseB.base(RecordKind.DESISTANCE_REVIEWS),
                            body(RecordKind.DESISTANCE_REVIEWS, "site-B-probe."))),
            read("GET " + RecordKind.INCIDENTS.endpoint(), () -> caseB.base(RecordKind.INCIDENTS)),
            write("POST " + RecordKind.INCIDENTS.endpoint() + "/{rid}/entered-in-error", 200, username -> Request.to(
                            caseB.record(RecordKind.INCIDENTS) + "/entered-in-error", Map.of("reason", "Elsewhere"))
                    .header("If-Match", IF_MATCH_FIRST_VERSION)),
            read("GET /api/participants/{id}/timeline", () -> caseB.path("timeline")),
            read("GET /api/participants/{id}/progress", () -> caseB.path("progress")));

    static Stream<Arguments> siteBoundUsersAtSiteB() {
        return SITE_B.stream().flatMap(probe -> SITE_BOUND.stream().map(role -> Arguments.of(role, probe)));
    }

    @ParameterizedTest(name = "{0}: {1} of site B")
    @MethodSource("siteBoundUsersAtSiteB")
    void another_sites_records_do_not_exist_for_a_site_bound_user(Role role, Probe probe) {
        Reply reply = probe.send(APIS.get(role), probe.prepare().apply(role.name()));
        if (DOC.now().get(probe.endpoint()).contains(role)) {
            assertProblem(reply, 404, role + " at site B: " + probe);
            // the participant is what lies out of scope, and the row names it
            assertAudited(role, reply, "denied", 404, "participant");
        } else {
            assertProblem(reply, 403, role + " may not call " + probe);
        }
        assertCaseBUntouched();
    }

    @Test
    void a_record_of_another_site_is_answered_exactly_like_one_that_does_not_exist() {
        Api api = APIS.get(clinician);
        String unknown = UUID.randomUUID().toString();
        for (RecordKind kind : RecordKind.values()) {
            Reply elsewhere = api.get(caseB.record(kind));
            Reply nowhere = api.get(base(unknown, kind) + "/" + caseB.records().get(kind));
            assertProblem(elsewhere, 404, kind + " of site B");
            assertProblem(nowhere, 404, kind + " of an unknown participant");
            assertThat(elsewhere.text().replace(caseB.participantId(), "ID"))
                    .isEqualTo(nowhere.text().replace(unknown, "ID"));
            // nor can a site-B record be reached through a site-A participant
            assertProblem(api.get(caseA.base(kind) + "/" + caseB.records().get(kind)), 404, kind + " of B under A");
        }
        assertProblem(
                api.because("Crossing")
                        .patch(
                                caseA.base(RecordKind.ASSESSMENTS) + "/"
                                        + caseB.records().get(RecordKind.ASSESSMENTS),
                                patch(RecordKind.ASSESSMENTS),
                                IF_MATCH_FIRST_VERSION),
                404,
                "an amendment across sites");
        assertCaseBUntouched();
    }

    // ---------------------------------------------------------------- what an allowed reader gets

    static Stream<Role> readersOf(String endpoint) {
        return DOC.now().get(endpoint).stream();
    }

    static Stream<Role> assessmentReaders() {
        return readersOf("GET " + RecordKind.ASSESSMENTS.endpoint());
    }

    static Stream<Role> sessionReaders() {
        return readersOf("GET " + RecordKind.SESSIONS.endpoint());
    }

    static Stream<Role> reviewReaders() {
        return readersOf("GET " + RecordKind.DESISTANCE_REVIEWS.endpoint());
    }

    static Stream<Role> timelineReaders() {
        return readersOf("GET /api/participants/{id}/timeline");
    }

    static Stream<Role> progressReaders() {
        return readersOf("GET /api/participants/{id}/progress");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assessmentReaders")
    void formulations_reach_clinicians_only_and_health_detail_clinicians_and_probation(Role role) {
        boolean clinical = role == clinician;
        boolean health = role == clinician || role == probation;
        for (Reply reply : readsOf(role, RecordKind.ASSESSMENTS)) {
            assertSeen(reply, FORMULATION, clinical, role);
            assertSeen(reply, DIAGNOSIS, health, role);
            assertSeen(reply, SUBSTANCE, health, role);
            for (JsonNode assessment : recordsIn(reply)) {
                assertWithheld(assessment, "formulation", !clinical, role);
                for (String field : List.of("diagnoses", "substanceMisuse", "stalkerType")) {
                    assertWithheld(assessment, field, !health, role);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionReaders")
    void session_notes_reach_clinicians_only_even_when_shareable(Role role) {
        for (Reply reply : readsOf(role, RecordKind.SESSIONS)) {
            assertSeen(reply, NOTES, role == clinician, role);
            recordsIn(reply).forEach(session -> assertWithheld(session, "notes", role != clinician, role));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviewReaders")
    void desistance_narratives_reach_clinicians_only(Role role) {
        for (Reply reply : readsOf(role, RecordKind.DESISTANCE_REVIEWS)) {
            assertSeen(reply, NARRATIVE, role == clinician, role);
            recordsIn(reply).forEach(review -> assertWithheld(review, "narrative", role != clinician, role));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelineReaders")
    void the_timeline_holds_only_the_kinds_of_event_the_role_may_read_and_no_free_text(Role role) {
        Reply reply = APIS.get(role).get(caseA.path("timeline?limit=500"));
        JsonNode events = Cases.ok(reply).get("items");
        Set<String> types = new TreeSet<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        Set<String> readable = new TreeSet<>();
        for (EventType type : EventType.values()) {
            if (AccessPolicy.rolesAllowed(type.readAction()).contains(role)) {
                readable.add(type.name());
            }
        }
        assertThat(types).as("kinds of event %s sees", role).isEqualTo(readable);
        for (String text : List.of(FORMULATION, NOTES, NARRATIVE, DIAGNOSIS, SUBSTANCE, FIXTURE)) {
            assertThat(reply.text()).as("%s's timeline", role).doesNotContain(text);
        }
        // asking for a kind the role may not read gives nothing of it, not a refusal
        Reply sessions = APIS.get(role).get(caseA.path("timeline?type=session"));
        assertThat(Cases.ok(sessions).get("items"))
                .as("%s asking for sessions", role)
                .hasSize(readable.contains("session") ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("progressReaders")
    void progress_is_figures_without_clinical_text(Role role) {
        Reply reply = APIS.get(role).get(caseA.path("progress"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (String text : List.of(FORMULATION, NOTES, NARRATIVE, DIAGNOSIS, SUBSTANCE)) {
            assertThat(reply.text()).as("%s's progress", role).doesNotContain(text);
        }
    }

    // ---------------------------------------------------------------- bodies

    static String base(String participantId, RecordKind kind) {
        return "/participants/" + participantId + "/" + kind.path;
    }

    /** Only an advocate records victim-safety concerns; the tester (clinician, police, lead) records the rest. */
    static Api recorder(RecordKind kind) {
        return kind == RecordKind.VICTIM_SAFETY ? advocates : tester;
    }

    /**
     * A valid record of the kind, with {@code text} in its free text (or, lacking any, a name) to find it by,
     * and this test's sealed texts where the roles' views differ: formulation, diagnoses, substances, narrative.
     */
    static Map<String, Object> body(RecordKind kind, String text) {
        Map<String, Object> body = kind.validBody(text);
        switch (kind) {
            case ASSESSMENTS -> {
                body.put("diagnoses", List.of(Map.of("system", "ICD-10", "code", "F60.3", "label", DIAGNOSIS)));
                body.put("substanceMisuse", List.of(SUBSTANCE));
                body.put("formulation", FORMULATION + " " + text);
            }
            case DESISTANCE_REVIEWS -> body.put("narrative", NARRATIVE + " " + text);
            default -> {}
        }
        return body;
    }

    static Map<String, Object> patch(RecordKind kind) {
        return switch (kind) {
            case ASSESSMENTS -> Map.of("overallRisk", "moderate");
            case SESSIONS -> Map.of("durationMinutes", 60);
            case SERVICE_REFERRALS -> Map.of("provider", "Eastside Alcohol Service");
            case PLAN_ACTIONS -> Map.of("owner", "DS 1180 Reyes");
            case LEGAL_MEASURES -> Map.of("until", "2028-02-04");
            case VICTIM_SAFETY -> Map.of("actionTaken", "Panic alarm fitted");
            case DESISTANCE_REVIEWS -> Map.of("fixation", 5);
            case INCIDENTS -> Map.of("kind", "breach_of_order");
        };
    }

    static Map<String, Object> outcome(String notes) {
        return Map.of(
                "outcome",
                "attended",
                "engagement",
                4,
                "notes",
                notes,
                "shareable",
                true,
                "concern",
                "Asked where the victim now works " + FIXTURE);
    }

    static Map<String, Object> referralMove() {
        return Map.of("to", "accepted", "on", "2026-03-09", "reason", "Offered a place in the group");
    }

    static Map<String, Object> actionDone() {
        return Map.of("to", "done", "on", "2026-03-18", "reason", "Order served in person");
    }

    /** A record of the kind made for one call, on the participant the write probes use. */
    static String fresh(RecordKind kind) {
        String base = base(writesA, kind);
        return base + "/"
                + Cases.created(recorder(kind).post(base, body(kind, "fresh.")))
                        .get("id")
                        .asText();
    }

    static String kindPaths() {
        return String.join(
                "|", Arrays.stream(RecordKind.values()).map(kind -> kind.path).toList());
    }

    // ---------------------------------------------------------------- checks

    static void assertAudited(Role role, Reply reply, String action, int status, String resourceType) {
        AccessProbes.assertAuditedOnce(APIS.get(admin), role, reply, action, status, resourceType);
    }

    /** The record as its recorder last saw it: version 1, active. */
    static void assertAtFirstVersion(String path) {
        Reply record = tester.get(path);
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(record.header("ETag")).as(path).isEqualTo(IF_MATCH_FIRST_VERSION);
        assertThat(record.json().get("status").asText()).as(path).isEqualTo("active");
    }

    /** Case B still holds its one record of each kind, at version 1 and active. */
    static void assertCaseBUntouched() {
        for (RecordKind kind : RecordKind.values()) {
            assertThat(Cases.ok(tester.get(caseB.base(kind))).get("items"))
                    .as("%s of case B", kind)
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.get("id").asText())
                                .isEqualTo(caseB.records().get(kind));
                        assertThat(record.get("version").asInt()).isEqualTo(1);
                        assertThat(record.get("status").asText()).isEqualTo("active");
                    });
        }
    }

    /** A list, one record and its history, as the role reads them. */
    static List<Reply> readsOf(Role role, RecordKind kind) {
        Api api = APIS.get(role);
        List<Reply> replies = List.of(
                api.get(caseA.base(kind) + "?limit=500"),
                api.get(caseA.record(kind)),
                api.get(caseA.record(kind) + "/history"));
        replies.forEach(reply -> assertThat(reply.status())
                .as("%s reading %s: %s", role, kind, reply)
                .isEqualTo(200));
        return replies;
    }

    /** The records an answer holds: a list's items, each version of a history, or the one record. */
    static List<JsonNode> recordsIn(Reply reply) {
        JsonNode json = reply.json();
        List<JsonNode> records = new ArrayList<>();
        if (json.has("items")) {
            json.get("items").forEach(item -> records.add(item.has("record") ? item.get("record") : item));
        } else {
            records.add(json);
        }
        assertThat(records).isNotEmpty();
        return records;
    }

    static void assertSeen(Reply reply, String text, boolean seen, Role role) {
        if (seen) {
            assertThat(reply.text()).as("%s sees it", role).contains(text);
        } else {
            assertThat(reply.text()).as("%s must not see it", role).doesNotContain(text);
        }
    }

    /** The field is always there; withheld, it is null (what it holds otherwise the text checks tell). */
    static void assertWithheld(JsonNode record, String field, boolean withheld, Role role) {
        assertThat(record.has(field))
                .as("%s: %s is present, withheld or not", role, field)
                .isTrue();
        if (withheld) {
            assertThat(record.get(field).isNull())
                    .as("%s: %s withheld as null: %s", role, field, record)
                    .isTrue();
        }
    }
}
