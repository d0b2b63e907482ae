package org.desist.assessment;

/** What the participant was to the victim before the stalking. */
public enum Relationship {
    ex_intimate,
    acquaintance,
    workplace,
    professional_contact,
    stranger,
    other
}
