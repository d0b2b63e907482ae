package org.desist.legal;

/** The legal measures a risk management plan relies on. */
public enum LegalMeasureKind {
    stalking_protection_order,
    restraining_order,
    licence_conditions,
    electronic_monitoring,
    bail_conditions
}
