package org.desist.summary;

import io.swagger.v3.oas.annotations.media.Schema;
import org.desist.session.Attendance;

/**
 * Attendance as {@link Attendance} defines it, beside the sessions outside its rate: those the service
 * cancelled (never offered) and those whose time has passed without an outcome. Sessions entered in
 * error do not count.
 */
public record AttendanceFigures(
        @Schema(
                description = "Attendance rate = (attended + late) / sessions with a known outcome, cancellations"
                        + " by the service excluded")
        Attendance attendance,

        int cancelledByService,

        @Schema(
                description = "Sessions whose scheduled time has passed with no outcome recorded yet; sessions"
                        + " still to come are not counted")
        int awaitingOutcome) {}
