package org.desist.retention;

/**
 * What a closed case's review clock runs from. A case with an enrolment is {@code enrolled}: its clock starts when
 * its last enrolment ended (completed, withdrawn, disengaged, breached, transferred, not suitable); a case never
 * enrolled is {@code not_enrolled}: its clock starts at its last referral's decision (the daily review's date).
 */
public enum RecordClass {
    enrolled("the last enrolment's exit (its state date once closed)"),
    not_enrolled("the last referral's decision (its review date)");

    private final String clockFrom;

    RecordClass(String clockFrom) {
        this.clockFrom = clockFrom;
    }

    /** Which date the review clock runs from, in words for the API. */
    public String clockFrom() {
        return clockFrom;
    }
}
