package org.desist.onward;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;

/** An onward referral with its state and every move it made, oldest first. */
public record ServiceReferral(
        String id,
        String participantId,

        @Schema(nullable = true, description = "Absent for readers who may not see health detail")
        OnwardService service,

        @Schema(nullable = true, description = "Absent for readers who may not see health detail")
        ServiceKind kind,

        @Schema(nullable = true, description = "Absent for readers who may not see health detail")
        String provider,

        LocalDate madeOn,

        @Schema(nullable = true, description = "Absent for readers who may not see health detail")
        String reason,

        ServiceReferralState state,
        LocalDate stateOn,
        List<ServiceReferralMove> history,
        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    NewServiceReferral body() {
        return new NewServiceReferral(service, kind, provider, madeOn, reason);
    }

    /** What a reader who may not see health detail sees: that a referral was made and where it stands. */
    ServiceReferral withoutHealthDetail() {
        return new ServiceReferral(
                id,
                participantId,
                null,
                null,
                null,
                madeOn,
                null,
                state,
                stateOn,
                history.stream().map(ServiceReferralMove::withoutReason).toList(),
                status,
                errorReason,
                version,
                recordedAt,
                recordedBy,
                amendedAt,
                amendedBy);
    }
}
