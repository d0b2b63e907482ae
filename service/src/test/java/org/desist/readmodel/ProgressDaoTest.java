package org.desist.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.readmodel.CaseRows.PARTICIPANT;

import java.time.Instant;
import java.time.LocalDate;
import org.desist.risk.RiskRating;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each of the progress figures' queries on a migrated database: the live records, never those entered in error. */
class ProgressDaoTest {
    private static CaseRows rows;
    /** Each call on its own handle. */
    private static ProgressDao reads;

    @BeforeAll
    static void writeCase() throws Exception {
        rows = CaseRows.twinned();
        reads = rows.jdbi().onDemand(ProgressDao.class);
    }

    @AfterAll
    static void close() throws Exception {
        rows.close();
    }

    @Test
    void outcomes_count_the_live_sessions() {
        assertThat(reads.outcomes(PARTICIPANT)).isEqualTo(new ProgressDao.OutcomeCounts(1, 0, 0, 0, 1));
    }

    @Test
    void engagement_is_the_live_sessions_rating() {
        assertThat(reads.engagement(PARTICIPANT))
                .containsExactly(new ProgressDao.Engagement(Instant.parse("2026-02-03T10:00:00Z"), 4));
    }

    @Test
    void the_first_assessment_is_the_first_live_one() {
        assertThat(reads.firstAssessment(PARTICIPANT))
                .contains(new ProgressDao.Ratings(
                        LocalDate.parse("2026-01-10"),
                        RiskRating.moderate,
                        RiskRating.high,
                        RiskRating.high,
                        RiskRating.moderate));
    }

    @Test
    void the_latest_review_is_the_latest_live_one() {
        assertThat(reads.latestReview(PARTICIPANT))
                .contains(new ProgressDao.Ratings(
                        LocalDate.parse("2026-04-10"),
                        RiskRating.low,
                        RiskRating.moderate,
                        RiskRating.moderate,
                        RiskRating.low));
    }

    @Test
    void fixation_is_read_from_the_live_reviews() {
        assertThat(reads.fixation(PARTICIPANT))
                .containsExactly(new ProgressDao.Fixation(LocalDate.parse("2026-04-10"), 4));
    }

    @Test
    void the_last_incident_is_the_last_live_one() {
        assertThat(reads.lastIncident(PARTICIPANT)).contains(LocalDate.parse("2026-03-01"));
    }

    @Test
    void onward_referrals_count_the_live_ones_by_state() {
        assertThat(reads.onwardReferrals(PARTICIPANT)).containsExactly(new ProgressDao.StateCount("made", 1));
    }

    @Test
    void overdue_actions_are_live_open_actions_due_before_the_day() {
        assertThat(reads.overdueActions(PARTICIPANT, LocalDate.parse("2026-03-01")))
                .containsExactly(new ProgressDao.OverdueAction(
                        "pa-live", "check the order is kept", "police", "PC B", LocalDate.parse("2026-02-01")));
        assertThat(reads.overdueActions(PARTICIPANT, LocalDate.parse("2026-02-01")))
                .isEmpty();
    }

    @Test
    void concerns_are_those_of_the_live_sessions() {
        assertThat(reads.concerns(PARTICIPANT))
                .containsExactly(new ProgressDao.Concern(
                        "s-live", Instant.parse("2026-02-03T10:00:00Z"), "talked of driving past"));
    }
}
