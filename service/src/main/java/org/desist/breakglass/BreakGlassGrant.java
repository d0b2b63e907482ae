package org.desist.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One opening of another site's case: by whom, which case, why, and until when it may be read. */
public record BreakGlassGrant(
        String id,
        String username,
        String participantId,
        @Schema(example = "STAC-2026-0001") String caseReference,
        String siteCode,
        String reason,
        Instant openedAt,
        Instant expiresAt,

        @Schema(description = "Whether the grant still lets its holder read the case (until expiresAt)")
        boolean running) {}
