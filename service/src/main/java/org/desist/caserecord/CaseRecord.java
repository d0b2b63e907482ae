package org.desist.caserecord;

/** What every record of a case carries, whatever its kind. */
public interface CaseRecord {
    String id();

    String participantId();

    int version();

    RecordStatus status();
}
