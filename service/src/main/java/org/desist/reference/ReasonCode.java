package org.desist.reference;

/** Why an enrolment moved, as a two-level code: {@code category/reason}. */
public record ReasonCode(String code, String category, String reason, String label) {}
