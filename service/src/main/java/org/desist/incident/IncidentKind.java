package org.desist.incident;

/** What happened. After exit from the programme, new_allegation, charge and conviction count as reoffending. */
public enum IncidentKind {
    breach_of_order,
    new_allegation,
    contact_with_victim,
    arrest,
    charge,
    conviction
}
