package org.desist.caserecord;

import java.time.LocalDate;
import org.desist.refusal.Refusal;

/**
 * The facts a record's dates are checked against: when the case was first referred, and today (in
 * the programme's time zone). Nothing of a case happens before its referral; what has happened cannot
 * be dated tomorrow.
 */
public record CaseContext(LocalDate referredOn, LocalDate today) {

    /** An event that has happened: on or after the referral, not in the future. */
    public void happened(String field, LocalDate date) {
        notBeforeReferral(field, date);
        if (date != null && date.isAfter(today)) {
            throw new Refusal.Invalid(field, "must not be in the future");
        }
    }

    /** A date that may lie ahead (a due date, a planned session) but not before the case began. */
    public void notBeforeReferral(String field, LocalDate date) {
        if (date != null && date.isBefore(referredOn)) {
            throw new Refusal.Invalid(field, "must not be before the participant's referral (" + referredOn + ")");
        }
    }
}
