package org.desist.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.session.SessionOutcome.attended;
import static org.desist.session.SessionOutcome.cancelled_by_participant;
import static org.desist.session.SessionOutcome.cancelled_by_service;
import static org.desist.session.SessionOutcome.did_not_attend;
import static org.desist.session.SessionOutcome.late;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attendance rate, worked by hand: attended + late over outcomes known, the service's cancellations left out. */
class AttendanceTest {

    @Test
    void nothing_offered_has_no_rate() {
        assertThat(Attendance.of(List.of())).isEqualTo(new Attendance(0, 0, 0, 0, null));
        // the service cancelled everything: nothing was offered to the participant
        assertThat(Attendance.of(List.of(cancelled_by_service, cancelled_by_service)))
                .isEqualTo(new Attendance(0, 0, 0, 0, null));
    }

    @Test
    void late_counts_as_attended() {
        Attendance attendance = Attendance.of(List.of(attended, late, late));
        assertThat(attendance).isEqualTo(new Attendance(3, 3, 0, 0, 1.0));
    }

    @Test
    void a_cancellation_by_the_participant_is_offered_and_not_attended() {
        // 1 attended of 2 offered
        assertThat(Attendance.of(List.of(attended, cancelled_by_participant)))
                .isEqualTo(new Attendance(2, 1, 0, 1, 0.5));
    }

    @Test
    void a_cancellation_by_the_service_is_left_out() {
        // 2 attended of 4 offered; the service's cancellation is neither offered nor missed
        Attendance attendance =
                Attendance.of(List.of(attended, did_not_attend, cancelled_by_service, late, did_not_attend));
        assertThat(attendance).isEqualTo(new Attendance(4, 2, 2, 0, 0.5));
    }

    @Test
    void sessions_without_an_outcome_are_not_counted() {
        // planned sessions (null outcome) neither raise nor lower the rate: 1 of 3
        Attendance attendance =
                Attendance.of(Arrays.asList(null, attended, did_not_attend, null, cancelled_by_participant));
        assertThat(attendance).isEqualTo(new Attendance(3, 1, 1, 1, 1.0 / 3));
    }

    @Test
    void twelve_mixed_outcomes() {
        // 5 attended + 2 late = 7; 2 did not attend, 1 cancelled by the participant: offered 10;
        // 2 cancelled by the service excluded; rate 7 / 10
        Attendance attendance = Attendance.of(List.of(
                attended,
                attended,
                late,
                did_not_attend,
                attended,
                cancelled_by_service,
                attended,
                late,
                cancelled_by_participant,
                did_not_attend,
                cancelled_by_service,
                attended));
        assertThat(attendance.offered()).isEqualTo(10);
        assertThat(attendance.attended()).isEqualTo(7);
        assertThat(attendance.didNotAttend()).isEqualTo(2);
        assertThat(attendance.cancelledByParticipant()).isEqualTo(1);
        assertThat(attendance.rate()).isEqualTo(0.7);
    }
}
