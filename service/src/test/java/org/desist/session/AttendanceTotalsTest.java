package org.desist.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The running attendance totals, per site and per cohort, always equal a full recount over the sessions,
 * whatever mix of schedules, outcomes, amendments (of day, outcome and engagement) and markings entered
 * in error reaches them, refused writes included, and whenever a participant joins a cohort (bringing
 * the sessions they already have) or joins a second one.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AttendanceTotalsTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String[] OUTCOMES = {
        "attended", "late", "did_not_attend", "cancelled_by_service", "cancelled_by_participant"
    };
    static final Instant START = Instant.parse("2026-02-02T09:00:00Z");
    static Api api;
    static Cases cases;
    static Jdbi database;
    static List<String> participants = new ArrayList<>();
    static List<String> referrals = new ArrayList<>();
    static Map<String, String> cohorts = new LinkedHashMap<>();

    /** A session as the test last saw it. */
    record Seen(String path, int version, boolean hasOutcome, boolean inError) {}

    @BeforeAll
    static void twoSitesWithTwoParticipantsEach() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        for (String site : new String[] {"TOTA", "TOTB"}) {
            cases.site(site);
            for (int i = 0; i < 2; i++) {
                JsonNode referral = cases.referral(site, "2026-02-01");
                cases.review(referral.get("id").asText(), "high", "accept_for_intervention");
                referrals.add(referral.get("id").asText());
                participants.add(referral.get("participantId").asText());
            }
        }
        for (String cohort : new String[] {"TOTA/1", "TOTA/2", "TOTB/1"}) {
            String site = cohort.substring(0, 4);
            cohorts.put(
                    cohort,
                    Cases.created(api.post(
                                    "/cohorts",
                                    Map.of(
                                            "siteCode",
                                            site,
                                            "name",
                                            cohort,
                                            "startsOn",
                                            "2026-01-01",
                                            "endsOn",
                                            "2027-12-31",
                                            "target",
                                            10)))
                            .get("id")
                            .asText());
        }
        database = DATABASE.jdbi();
        // the first participant of each site is enrolled before any session; the second joins later
        enrol(0, "TOTA/1");
        enrol(2, "TOTB/1");
    }

    static String enrol(int participant, String cohort) {
        return Cases.created(api.post(
                        "/enrolments",
                        Map.of(
                                "participantId",
                                participants.get(participant),
                                "cohortId",
                                cohorts.get(cohort),
                                "on",
                                "2026-02-03")))
                .get("id")
                .asText();
    }

    @Test
    void a_random_mix_of_writes_keeps_the_totals_equal_to_a_recount() {
        Random random = new Random(20261124);
        List<Seen> sessions = new ArrayList<>();
        int amended = 0;
        String firstEnrolment = null;
        for (int step = 0; step < 240; step++) {
            if (step == 80) {
                enrol(1, "TOTA/1");
            } else if (step == 150) {
                // P0 leaves the first cohort and joins a second: their sessions count for both
                String open = null;
                for (JsonNode enrolment : Cases.ok(api.get("/enrolments?cohortId=" + cohorts.get("TOTA/1")))
                        .get("items")) {
                    if (enrolment.get("participantId").asText().equals(participants.get(0))) {
                        open = enrolment.get("id").asText();
                    }
                }
                cases.move(open, "withdrawn", "2026-02-04");
                firstEnrolment = enrol(0, "TOTA/2");
            } else if (step == 200) {
                enrol(3, "TOTB/1");
            }
            int choice = sessions.isEmpty() ? 0 : random.nextInt(10);
            if (choice < 3) {
                String base = "/participants/" + participants.get(random.nextInt(participants.size())) + "/sessions";
                JsonNode created = Cases.created(api.post(
                        base,
                        Map.of(
                                "kind",
                                "individual_therapy",
                                "scheduledAt",
                                at(random).toString(),
                                "durationMinutes",
                                50,
                                "facilitator",
                                "Dr A. Okafor")));
                sessions.add(new Seen(base + "/" + created.get("id").asText(), 1, false, false));
                continue;
            }
            int index = random.nextInt(sessions.size());
            Seen session = sessions.get(index);
            if (session.inError()) {
                continue;
            }
            Reply reply;
            boolean patched = false;
            if (choice < 6 && !session.hasOutcome()) {
                reply = api.post(session.path() + "/outcome", outcome(random));
            } else if (choice < 9) {
                Map<String, Object> patch = new LinkedHashMap<>();
                patch.put("scheduledAt", at(random).toString());
                if (session.hasOutcome()) {
                    patch.putAll(outcome(random));
                    patch.putIfAbsent("engagement", null);
                }
                // now and then a stale version: refused, and the totals must not move
                int version = random.nextInt(8) == 0 ? session.version() + 5 : session.version();
                reply = api.because("Corrected").patch(session.path(), patch, "\"" + version + "\"");
                patched = true;
            } else {
                reply = api.send(
                        "POST",
                        session.path() + "/entered-in-error",
                        Map.of("reason", "Wrong participant"),
                        Map.of("If-Match", "\"" + session.version() + "\""));
            }
            if (reply.status() == 200) {
                JsonNode saved = reply.json();
                amended += patched ? 1 : 0;
                sessions.set(
                        index,
                        new Seen(
                                session.path(),
                                saved.get("version").asInt(),
                                !saved.get("outcome").isNull(),
                                saved.get("status").asText().equals("entered_in_error")));
            } else {
                assertThat(reply.status()).as(reply.toString()).isIn(412, 422);
            }
            assertThat(totals()).as("after step %d", step).isEqualTo(recount());
            assertThat(cohortTotals()).as("cohorts after step %d", step).isEqualTo(cohortRecount());
        }
        assertThat(sessions.stream().filter(Seen::hasOutcome).count()).isGreaterThan(20);
        assertThat(sessions.stream().filter(Seen::inError).count()).isGreaterThan(3);
        assertThat(amended).as("amendments that went through").isGreaterThan(20);
        assertThat(totals()).isNotEmpty();
        assertThat(firstEnrolment).isNotNull();
        assertThat(cohortTotals()).extracting(row -> row.get("cohort_id")).containsAll(cohorts.values());
    }

    @Test
    void a_rebuild_gives_what_the_running_totals_hold() {
        List<Map<String, Object>> before = totals();
        List<Map<String, Object>> cohortsBefore = cohortTotals();
        database.useTransaction(AttendanceTotals::rebuild);
        assertThat(totals()).isEqualTo(before).isEqualTo(recount());
        assertThat(cohortTotals()).isEqualTo(cohortsBefore).isEqualTo(cohortRecount());
    }

    static Instant at(Random random) {
        return START.plus(random.nextInt(40), ChronoUnit.DAYS).plus(random.nextInt(15), ChronoUnit.HOURS);
    }

    static Map<String, Object> outcome(Random random) {
        String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        if ((outcome.equals("attended") || outcome.equals("late")) && random.nextBoolean()) {
            body.put("engagement", 1 + random.nextInt(5));
        }
        body.put("shareable", false);
        return body;
    }

    /** count(*) is a long on PostgreSQL while INTEGER columns read as ints: compare values, not Java types. */
    static Map<String, Object> numbersAsLongs(Map<String, Object> row) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> values.put(column, value instanceof Number number ? number.longValue() : value));
        return values;
    }

    static List<Map<String, Object>> totals() {
        return database.withHandle(handle -> handle.createQuery("SELECT site_code, on_date, outcome, sessions,"
                        + " engagement_sum, engagement_rated FROM attendance_totals ORDER BY 1, 2, 3")
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }

    static List<Map<String, Object>> cohortTotals() {
        return database.withHandle(handle -> handle.createQuery("SELECT cohort_id, on_date, outcome, sessions,"
                        + " engagement_sum, engagement_rated FROM cohort_attendance_totals ORDER BY 1, 2, 3")
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }

    static List<Map<String, Object>> cohortRecount() {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM (" + AttendanceTotals.RECOUNT_BY_COHORT + ") AS recount ORDER BY 1, 2, 3")
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }

    static List<Map<String, Object>> recount() {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM (" + AttendanceTotals.RECOUNT + ") AS recount ORDER BY 1, 2, 3")
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }
}
