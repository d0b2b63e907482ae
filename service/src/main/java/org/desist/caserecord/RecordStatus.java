package org.desist.caserecord;

/** A record entered in error stays, marked, with its reason; it drops out of figures and reports. */
public enum RecordStatus {
    active,
    entered_in_error
}
