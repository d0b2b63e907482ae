package org.desist.incident;

/** Who reported the incident. */
public enum IncidentSource {
    police,
    probation,
    advocacy_service,
    health,
    self_report
}
