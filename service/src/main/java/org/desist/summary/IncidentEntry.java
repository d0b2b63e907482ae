package org.desist.summary;

import java.time.LocalDate;
import org.desist.incident.IncidentKind;
import org.desist.incident.IncidentSource;

/** An incident as both summaries show it: when, what, who reported it, and what happened. */
public record IncidentEntry(LocalDate occurredOn, IncidentKind kind, IncidentSource source, String details) {}
