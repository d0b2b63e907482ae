package org.desist.site;

/**
 * The intervention model a site runs. Constants are spelled as on the wire and in the database, so
 * JSON, SQL and the OpenAPI description agree without a mapping table.
 */
public enum Model {
    threat_assessment_centre,
    clinic_treatment,
    multi_agency_panel
}
