package org.desist.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.readmodel.CaseRows.PARTICIPANT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of the timeline's facts on a migrated database: the live records, never those entered in error. */
class TimelineDaoTest {
    private static CaseRows rows;
    /** Each call on its own handle. */
    private static TimelineDao reads;

    @BeforeAll
    static void writeCase() throws Exception {
        rows = CaseRows.twinned();
        reads = rows.jdbi().onDemand(TimelineDao.class);
    }

    @AfterAll
    static void close() throws Exception {
        rows.close();
    }

    private static TimelineDao.Fact fact(String at, String id, String a, String b, String c) {
        return new TimelineDao.Fact(at, id, a, b, c);
    }

    @Test
    void referrals_reviews_and_enrolment_moves() {
        assertThat(reads.referrals(PARTICIPANT)).containsExactly(fact("2026-01-03", "ref-1", "police", null, null));
        assertThat(reads.reviews(PARTICIPANT))
                .containsExactly(fact("2026-01-04", "ref-1", "high", "accept_for_intervention", null));
        assertThat(reads.enrolmentMoves(PARTICIPANT))
                .containsExactlyInAnyOrder(
                        fact("2026-01-05", "enr-1", "referred", null, null),
                        fact("2026-01-20", "enr-1", "enrolled", null, null));
    }

    @Test
    void assessments_and_sessions_are_the_live_ones() {
        assertThat(reads.assessments(PARTICIPANT)).containsExactly(fact("2026-01-10", "a-live", "risk", "SRP", "high"));
        assertThat(reads.sessions(PARTICIPANT))
                .containsExactlyInAnyOrder(
                        fact("2026-02-03T10:00:00Z", "s-live", "individual_therapy", "attended", "4"),
                        fact("2026-06-01T10:00:00Z", "s-next", "individual_therapy", null, null));
    }

    @Test
    void onward_moves_plan_actions_and_legal_measures_are_the_live_ones() {
        assertThat(reads.serviceReferralMoves(PARTICIPANT))
                .containsExactly(fact("2026-02-01", "sr-live", "mental_health", "talking_therapies", "made"));
        assertThat(reads.planActions(PARTICIPANT))
                .containsExactly(fact("2026-01-02T10:00:00Z", "pa-live", "police", "open", "2026-02-01"));
        assertThat(reads.legalMeasures(PARTICIPANT))
                .containsExactly(fact("2025-12-01", "lm-live", "restraining_order", null, null));
    }

    @Test
    void victim_safety_reviews_and_incidents_are_the_live_ones() {
        assertThat(reads.victimSafety(PARTICIPANT)).containsExactly(fact("2026-02-05", "v-live", null, null, null));
        assertThat(reads.desistanceReviews(PARTICIPANT)).containsExactly(fact("2026-04-10", "r-live", "4", "no", "4"));
        assertThat(reads.incidents(PARTICIPANT))
                .containsExactly(fact("2026-03-01", "i-live", "contact_with_victim", "police", null));
    }
}
