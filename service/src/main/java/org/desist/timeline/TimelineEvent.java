package org.desist.timeline;

import io.swagger.v3.oas.annotations.media.Schema;

/** One dated event of a case. Summaries never carry clinical free text. */
public record TimelineEvent(
        @Schema(description = "A date (yyyy-mm-dd), or a UTC instant for sessions", example = "2026-02-10")
        String at,

        EventType type,
        @Schema(example = "Enrolment: enrolled") String summary,

        @Schema(description = "Address of the record the event belongs to")
        String ref) {}
