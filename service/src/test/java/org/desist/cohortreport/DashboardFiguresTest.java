package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.time.ProgrammeClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures the programme dashboard added, through the API, on records whose figures were counted by hand:
 * drop-outs by reason, onward referral uptake, days in each state (median and quartiles, withheld below five),
 * pace to target, and the comparison scoped to the cohorts running in the period.
 *
 * <p>Site DASH (clinic-led): a cohort of 2023 (target 10) with two people enrolled, and the running cohort
 * (2026-01-01 to 2027-12-31, target 20) with six enrolments of 2026. Site DSML (clinic-led too): four
 * enrolments still being assessed, in a cohort of 2026-2027 (target 5).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class DashboardFiguresTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "DASH";
    static final String SMALL_SITE = "DSML";
    static final String MODEL = "clinic_treatment";
    static final String FROM = "2026-01-01";
    static final LocalDate TODAY = LocalDate.now(ProgrammeClock.ZONE);
    static final String TO = TODAY.toString();
    static final LocalDate RUNNING_ENDS = LocalDate.parse("2027-12-31");
    static final String PERIOD = "?from=" + FROM + "&to=" + TO;

    static Api api;
    static Api lead;
    static String pastCohort;
    static String runningCohort;
    static String smallCohort;
    static int people;

    @BeforeAll
    static void build() {
        api = TestApp.api(APP);
        Staff.ensure(APP, "lead", Set.of(Role.programme_lead), Set.of());
        lead = TestApp.as(APP, "lead");
        Cases.created(api.post("/sites", Map.of("code", SITE, "name", "Dashboard clinic", "model", MODEL)));
        Cases.created(api.post("/sites", Map.of("code", SMALL_SITE, "name", "Small clinic", "model", MODEL)));
        pastCohort = cohort(SITE, "DASH 2023", "2023-01-01", "2023-12-31", 10);
        runningCohort = cohort(SITE, "DASH 2026", "2026-01-01", RUNNING_ENDS.toString(), 20);
        smallCohort = cohort(SMALL_SITE, "DSML 2026", "2026-01-01", "2027-12-31", 5);

        // The cohort of 2023: two people enrolled (one completed); nothing of theirs is dated in 2026.
        enrolment(SITE, pastCohort, "2023-02-01", "2023-02-05", "2023-02-20", "completed", "2023-10-01", null);
        enrolment(SITE, pastCohort, "2023-03-01", "2023-03-03", "2023-03-20", null, null, null);

        // The running cohort. Days referred -> assessing: 3, 5, 5, 8, 10, 14 (R: quantile 5, 6.5, 9.5).
        // Days assessing -> next move: 7, 10, 12, 20, 30 to enrolled and 2 to withdrawn (7.75, 11, 18;
        // published 7.8, 11, 18).
        // Enrolled 5; drop-outs 4: withdrawn with a motivation code, withdrawn without one, disengaged with
        // a motivation code, breached with a sentence code; one completed (not a drop-out).
        List<String> running = List.of(
                enrolment(
                        SITE,
                        runningCohort,
                        "2026-02-02",
                        "2026-02-05",
                        "2026-02-12",
                        "withdrawn",
                        "2026-05-01",
                        "motivation/withdrew_consent"),
                enrolment(
                        SITE, runningCohort, "2026-02-02", "2026-02-07", "2026-02-17", "withdrawn", "2026-05-02", null),
                enrolment(
                        SITE,
                        runningCohort,
                        "2026-03-02",
                        "2026-03-07",
                        "2026-03-19",
                        "disengaged",
                        "2026-06-01",
                        "motivation/lost_contact"),
                enrolment(
                        SITE,
                        runningCohort,
                        "2026-03-02",
                        "2026-03-10",
                        "2026-03-30",
                        "breached",
                        "2026-06-15",
                        "sentence/breach_proceedings"),
                enrolment(
                        SITE,
                        runningCohort,
                        "2026-04-01",
                        "2026-04-11",
                        "2026-05-11",
                        "completed",
                        "2026-09-01",
                        "completion/goals_met"),
                enrolment(
                        SITE,
                        runningCohort,
                        "2026-04-01",
                        "2026-04-15",
                        null,
                        "withdrawn",
                        "2026-04-17",
                        "motivation/declined_to_engage"));

        // Onward referrals made 5, on 2026-06-01: engaged 2 and completed 1 (uptake 3/5), accepted only 1,
        // declined 1.
        onward(running.get(0), "accepted", "2026-06-10", "engaged", "2026-06-20");
        onward(running.get(1), "accepted", "2026-06-10", "engaged", "2026-06-20", "completed", "2026-08-01");
        onward(running.get(2), "accepted", "2026-06-10", "engaged", "2026-07-01");
        onward(running.get(3), "accepted", "2026-06-10");
        onward(running.get(4), "declined", "2026-06-10");

        // DSML: four moves out of referred, of 1, 2, 3 and 4 days: too few to publish their median.
        for (int days = 1; days <= 4; days++) {
            enrolment(SMALL_SITE, smallCohort, "2026-05-01", "2026-05-0" + (1 + days), null, null, null, null);
        }
    }

    @Test
    void drop_outs_by_the_category_of_their_reason_code() {
        FigureTable table = comparison("&unsuppressed=true");
        assertThat(table.value(SITE, "dropped_out", null, FROM, TO)).isEqualTo("4");
        Map<String, String> byReason = new LinkedHashMap<>();
        for (String reason :
                new String[] {"motivation", "operational", "sentence", "clinical", "other", "not_recorded"}) {
            byReason.put(reason, table.value(SITE, "dropped_out", reason, FROM, TO));
        }
        assertThat(byReason)
                .containsExactly(
                        Map.entry("motivation", "2"),
                        Map.entry("operational", "0"),
                        Map.entry("sentence", "1"),
                        Map.entry("clinical", "0"),
                        Map.entry("other", "0"),
                        Map.entry("not_recorded", "1"));
        // the withdrawal before enrolment is no exit, so no drop-out; exits still count the completion
        assertThat(table.value(SITE, "exits", null, FROM, TO)).isEqualTo("5");
        assertThat(table.row(SITE, "dropped_out", "motivation", FROM, TO)
                        .get("breakdownBy")
                        .asText())
                .isEqualTo("reason");

        // suppressed: 4 is a small number, and its breakdown's small parts with it
        FigureTable suppressed = comparison("");
        assertThat(suppressed.value(SITE, "dropped_out", null, FROM, TO)).isEqualTo("<5");
        assertThat(suppressed.value(SITE, "dropped_out", "motivation", FROM, TO))
                .isEqualTo("<5");
        assertThat(suppressed.value(SITE, "dropped_out", "operational", FROM, TO))
                .isEqualTo("0");
    }

    @Test
    void days_in_each_state_median_and_quartiles() {
        FigureTable table = comparison("");
        assertThat(days(table, SITE, "referred")).containsExactly("5", "6.5", "9.5");
        // R's 7.75, published to 1 decimal as every number of days is
        assertThat(days(table, SITE, "assessing")).containsExactly("7.8", "11", "18");
        // the model adds its sites' days: 1, 2, 3, 3, 4, 5, 5, 8, 10, 14 (R: 3, 4.5, 7.25)
        assertThat(days(table, MODEL, "referred")).containsExactly("3", "4.5", "7.3");
        assertThat(table.row(SITE, "median_days_in_state", "referred", FROM, TO)
                        .get("measure")
                        .asText())
                .isEqualTo("days");
        // DSML's four moves make its figures withheld, however they are asked for when suppressed
        for (String figure :
                new String[] {"lower_quartile_days_in_state", "median_days_in_state", "upper_quartile_days_in_state"}) {
            assertThat(table.value(SMALL_SITE, figure, "referred", FROM, TO)).isEqualTo("null");
            assertThat(table.suppressed(SMALL_SITE, figure, "referred", FROM, TO))
                    .isEqualTo("derived");
            // nobody left 'assessing' there: nothing to withhold
            assertThat(table.value(SMALL_SITE, figure, "assessing", FROM, TO)).isEqualTo("null");
            assertThat(table.suppressed(SMALL_SITE, figure, "assessing", FROM, TO))
                    .isNull();
        }
        FigureTable unsuppressed = comparison("&unsuppressed=true");
        // R: 1.75, 2.5, 3.25
        assertThat(days(unsuppressed, SMALL_SITE, "referred")).containsExactly("1.8", "2.5", "3.3");

        // the cohort report counts the same for a cohort
        FigureTable cohort = new FigureTable(Cases.ok(lead.get("/cohorts/" + runningCohort + "/report" + PERIOD)));
        assertThat(days(cohort, runningCohort, "referred")).containsExactly("5", "6.5", "9.5");
        // moves out dated in the period only: by mid-February only two had left 'referred'
        FigureTable february = new FigureTable(Cases.ok(
                lead.get("/cohorts/" + runningCohort + "/report?from=2026-02-01&to=2026-02-28&unsuppressed=true")));
        assertThat(days(february, runningCohort, "referred", "2026-02-01", "2026-02-28"))
                .containsExactly("3.5", "4", "4.5");
    }

    @Test
    void onward_referral_uptake() {
        FigureTable table = comparison("&unsuppressed=true");
        assertThat(table.value(SITE, "onward_referrals_made", null, FROM, TO)).isEqualTo("5");
        assertThat(table.value(SITE, "onward_referral_uptake", null, FROM, TO)).isEqualTo("0.6");
        assertThat(table.row(SITE, "onward_referral_uptake", null, FROM, TO)
                        .get("measure")
                        .asText())
                .isEqualTo("rate");
        // suppressed, 3 engaged is a small number: the uptake made of it is withheld
        FigureTable suppressed = comparison("");
        assertThat(suppressed.suppressed(SITE, "onward_referral_uptake", null, FROM, TO))
                .isEqualTo("derived");
        assertThat(suppressed.value(SMALL_SITE, "onward_referral_uptake", null, FROM, TO))
                .isEqualTo("null");
    }

    @Test
    void pace_to_target_from_today_to_the_cohorts_end() {
        long monthsLeft = RUNNING_ENDS.isBefore(TODAY)
                ? 0
                : ChronoUnit.MONTHS.between(YearMonth.from(TODAY), YearMonth.from(RUNNING_ENDS)) + 1;
        // the cohort: enrolled 5 of 20
        FigureTable cohort = new FigureTable(
                Cases.ok(lead.get("/cohorts/" + runningCohort + "/report" + PERIOD + "&unsuppressed=true")));
        assertThat(cohort.value(runningCohort, "enrolled_to_date", null, FROM, TO))
                .isEqualTo("5");
        assertThat(cohort.value(runningCohort, "months_left", null, FROM, TO)).isEqualTo(String.valueOf(monthsLeft));
        assertThat(cohort.row(runningCohort, "months_left", null, FROM, TO)
                        .get("measure")
                        .asText())
                .isEqualTo("months");
        assertThat(cohort.value(runningCohort, "enrolments_needed_per_month", null, FROM, TO))
                .isEqualTo(pace(20 - 5, monthsLeft));
        assertThat(cohort.row(runningCohort, "enrolments_needed_per_month", null, FROM, TO)
                        .get("measure")
                        .asText())
                .isEqualTo("pace");

        // the site, programme to date: both cohorts' people (7) and targets (30), to the later end
        FigureTable site = comparison("&unsuppressed=true");
        assertThat(site.value(SITE, "months_left", null, FROM, TO)).isEqualTo(String.valueOf(monthsLeft));
        assertThat(site.value(SITE, "enrolments_needed_per_month", null, FROM, TO))
                .isEqualTo(pace(30 - 7, monthsLeft));

        // suppressed: months left never is; DSML's pace is made of an enrolled to date of 0, so published
        FigureTable suppressed = comparison("");
        assertThat(suppressed.value(SMALL_SITE, "months_left", null, FROM, TO)).isEqualTo(String.valueOf(monthsLeft));
        assertThat(suppressed.suppressed(SMALL_SITE, "months_left", null, FROM, TO))
                .isNull();
        assertThat(suppressed.value(SMALL_SITE, "enrolments_needed_per_month", null, FROM, TO))
                .isEqualTo(pace(5, monthsLeft));
        // the 2023 cohort has ended: no month left, so no pace
        FigureTable past = new FigureTable(Cases.ok(
                lead.get("/cohorts/" + pastCohort + "/report?from=2023-01-01&to=2023-12-31&unsuppressed=true")));
        assertThat(past.value(pastCohort, "months_left", null, "2023-01-01", "2023-12-31"))
                .isEqualTo("0");
        assertThat(past.value(pastCohort, "enrolments_needed_per_month", null, "2023-01-01", "2023-12-31"))
                .isEqualTo("null");
    }

    @Test
    void the_comparison_by_the_cohorts_running_in_the_period() {
        JsonNode programme = Cases.ok(lead.get("/programme/comparison" + PERIOD + "&unsuppressed=true"));
        assertThat(programme.get("scope").asText()).isEqualTo("programme");
        FigureTable toDate = new FigureTable(programme);
        assertThat(toDate.value(SITE, "enrolled_to_date", null, FROM, TO)).isEqualTo("7");
        assertThat(toDate.value(SITE, "enrolment_target", null, FROM, TO)).isEqualTo("30");
        assertThat(toDate.value(SITE, "enrolments", null, TO, TO)).isEqualTo("8");
        JsonNode explicit = Cases.ok(lead.get("/programme/comparison" + PERIOD + "&unsuppressed=true&scope=programme"));
        assertThat(explicit.get("figures")).isEqualTo(programme.get("figures"));

        JsonNode period = Cases.ok(lead.get("/programme/comparison" + PERIOD + "&unsuppressed=true&scope=period"));
        assertThat(period.get("scope").asText()).isEqualTo("period");
        FigureTable running = new FigureTable(period);
        assertThat(running.value(SITE, "enrolled_to_date", null, FROM, TO)).isEqualTo("5");
        assertThat(running.value(SITE, "enrolment_target", null, FROM, TO)).isEqualTo("20");
        assertThat(running.value(SITE, "enrolments", null, TO, TO)).isEqualTo("6");
        assertThat(running.value(MODEL, "enrolment_target", null, FROM, TO)).isEqualTo("25");
        // people and referrals are the site's whichever cohorts are counted
        assertThat(running.value(SITE, "referrals_received", null, FROM, TO))
                .isEqualTo(toDate.value(SITE, "referrals_received", null, FROM, TO));
        // a period of 2023 runs the cohort of 2023 alone
        FigureTable of2023 = new FigureTable(Cases.ok(
                lead.get("/programme/comparison?from=2023-01-01&to=2023-12-31&unsuppressed=true&scope=period")));
        assertThat(of2023.value(SITE, "enrolment_target", null, "2023-01-01", "2023-12-31"))
                .isEqualTo("10");
        assertThat(of2023.value(SITE, "enrolled_to_date", null, "2023-01-01", "2023-12-31"))
                .isEqualTo("2");
        assertThat(of2023.value(SMALL_SITE, "enrolment_target", null, "2023-01-01", "2023-12-31"))
                .isEqualTo("0");
        assertThat(of2023.value(SMALL_SITE, "months_left", null, "2023-01-01", "2023-12-31"))
                .isEqualTo("null");

        // the CSV follows the scope too
        String csv = lead.send(
                        "GET",
                        Disclosed.to("/programme/comparison" + PERIOD + "&unsuppressed=true&scope=period"),
                        null,
                        Map.of("Accept", "text/csv"))
                .text();
        assertThat(csv).contains("enrolment_target,target,,,site," + SITE + "," + FROM + "," + TO + ",20,");
    }

    @Test
    void a_scope_is_programme_or_period() {
        CohortReportTest.assertBadParameter(lead.get("/programme/comparison" + PERIOD + "&scope=bogus"), "scope");
        CohortReportTest.assertBadParameter(lead.get("/programme/comparison" + PERIOD + "&scope=PERIOD"), "scope");
        CohortReportTest.assertBadParameter(
                lead.get(Disclosed.to("/programme/report" + PERIOD + "&scope=cohort")), "scope");
    }

    @Test
    void the_programme_pdf_says_which_cohorts_it_counts() {
        PdfText period = PdfText.of(
                CohortReportPdfTest.bytes(lead, "/programme/report" + PERIOD + "&scope=period", "application/pdf")
                        .body());
        assertThat(words(period.page(1))).contains("Cohorts counted: " + ComparisonScope.period.label());
        PdfText programme = PdfText.of(CohortReportPdfTest.bytes(lead, "/programme/report" + PERIOD, "application/pdf")
                .body());
        assertThat(words(programme.page(1))).contains("Cohorts counted: " + ComparisonScope.programme.label());
        // the new figures print with their labels, in their sections
        assertThat(words(programme.text()))
                .contains(
                        "Months left",
                        "Enrolments needed per month",
                        "Median days in state, referred",
                        "Upper quartile days in state, assessing",
                        "Dropped out",
                        "Reason: Not recorded",
                        "Onward referral uptake");
    }

    // ------------------------------------------------------------------ the records

    private static String cohort(String site, String name, String startsOn, String endsOn, int target) {
        return Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                site,
                                "name",
                                name,
                                "startsOn",
                                startsOn,
                                "endsOn",
                                endsOn,
                                "target",
                                target)))
                .get("id")
                .asText();
    }

    /** A person referred on the day the enrolment opens, accepted, then moved along; the exit with its code. */
    private static String enrolment(
            String site,
            String cohort,
            String openedOn,
            String assessingOn,
            String enrolledOn,
            String exit,
            String exitOn,
            String reasonCode) {
        people++;
        Map<String, Object> referral = Cases.referral(site, openedOn, "Dash", "Person" + people);
        JsonNode received = Cases.created(api.post("/referrals", referral));
        Cases.ok(api.post(
                "/referrals/" + received.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        openedOn,
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Daily review")));
        String participant = received.get("participantId").asText();
        String enrolment = Cases.created(api.post(
                        "/enrolments", Map.of("participantId", participant, "cohortId", cohort, "on", openedOn)))
                .get("id")
                .asText();
        move(enrolment, "assessing", assessingOn, null);
        if (enrolledOn != null) {
            move(enrolment, "enrolled", enrolledOn, null);
        }
        if (exit != null) {
            move(enrolment, exit, exitOn, reasonCode);
        }
        return participant;
    }

    private static void move(String enrolment, String to, String on, String reasonCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("on", on);
        body.put("reason", "Moved");
        if (reasonCode != null) {
            body.put("reasonCode", reasonCode);
        }
        Cases.ok(api.post("/enrolments/" + enrolment + "/transitions", body));
    }

    private static void onward(String participant, String... moves) {
        String base = "/participants/" + participant + "/service-referrals";
        JsonNode referral = Cases.created(api.post(
                base,
                Map.of(
                        "service",
                        "other",
                        "kind",
                        "housing",
                        "provider",
                        "Provider",
                        "madeOn",
                        "2026-06-01",
                        "reason",
                        "Needs support")));
        for (int i = 0; i < moves.length; i += 2) {
            referral = Cases.ok(api.post(
                    base + "/" + referral.get("id").asText() + "/transitions",
                    Map.of("to", moves[i], "on", moves[i + 1], "reason", "Moved")));
        }
    }

    // ------------------------------------------------------------------ reading the answers

    private static FigureTable comparison(String parameters) {
        return new FigureTable(Cases.ok(lead.get("/programme/comparison" + PERIOD + parameters)));
    }

    /** A PDF's text with its lines run together, as a sentence wraps wherever the page ends it. */
    private static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static List<String> days(FigureTable table, String group, String state) {
        return days(table, group, state, FROM, TO);
    }

    private static List<String> days(FigureTable table, String group, String state, String from, String to) {
        return List.of(
                table.value(group, "lower_quartile_days_in_state", state, from, to),
                table.value(group, "median_days_in_state", state, from, to),
                table.value(group, "upper_quartile_days_in_state", state, from, to));
    }

    /** Enrolments a month as published: 1 decimal, without trailing zeros; null with no month left. */
    private static String pace(int shortfall, long monthsLeft) {
        if (monthsLeft == 0) {
            return "null";
        }
        return FigureTable.number(BigDecimal.valueOf((double) shortfall / monthsLeft)
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString());
    }
}
