package org.desist.onward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.desist.caserecord.RecordStatus;

/** An onward referral as stored, before its history is attached. */
public record ServiceReferralRow(
        String id,
        String participantId,
        OnwardService service,
        ServiceKind kind,
        String provider,
        LocalDate madeOn,
        String reason,
        ServiceReferralState state,
        LocalDate stateOn,
        RecordStatus status,
        String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        Instant amendedAt,
        String amendedBy) {

    ServiceReferral withHistory(List<ServiceReferralMove> history) {
        return new ServiceReferral(
                id,
                participantId,
                service,
                kind,
                provider,
                madeOn,
                reason,
                state,
                stateOn,
                history,
                status,
                errorReason,
                version,
                recordedAt,
                recordedBy,
                amendedAt,
                amendedBy);
    }
}
