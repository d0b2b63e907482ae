package org.desist.riskplan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;

/**
 * An action of the risk management plan. {@code state} is where the action stands (open, done,
 * dropped); {@code status} is the record's own (active or entered in error), as for every record.
 */
public record PlanAction(
        String id,
        String participantId,
        String action,
        Agency agency,
        String owner,
        LocalDate dueOn,
        LocalDate reviewOn,
        PlanActionState state,

        @Schema(nullable = true, description = "When the action was done or dropped")
        LocalDate closedOn,

        @Schema(nullable = true, description = "Why the action was done or dropped")
        String closeReason,

        @Schema(nullable = true) String closedBy,

        @Schema(description = "Open, active and due before today (Europe/London), as of the time it was read")
        boolean overdue,

        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    NewPlanAction body() {
        return new NewPlanAction(action, agency, owner, dueOn, reviewOn);
    }
}
