package org.desist.assessment;

/**
 * The instrument an assessment used: the Stalking Risk Profile, the Stalking Assessment and
 * Management guidelines, a clinical interview, or another. The constants are spelt as on the wire
 * (and in the database): {@code SRP} and {@code SAM} are acronyms.
 */
public enum Instrument {
    SRP,
    SAM,
    clinical_interview,
    other
}
