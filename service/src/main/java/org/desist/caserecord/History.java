package org.desist.caserecord;

import java.util.List;

/** Every version of a record, oldest first. */
public record History<V>(List<RecordVersion<V>> items) {}
