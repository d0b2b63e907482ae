package org.desist.onward;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One step of an onward referral's history: the state reached, when, why, and who recorded it. */
public record ServiceReferralMove(
        ServiceReferralState state,
        LocalDate on,

        @Schema(nullable = true, description = "Absent for readers who may not see health detail")
        String reason,

        String by,
        Instant recordedAt) {

    ServiceReferralMove withoutReason() {
        return new ServiceReferralMove(state, on, null, by, recordedAt);
    }
}
