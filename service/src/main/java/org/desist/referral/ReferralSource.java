package org.desist.referral;

/** Who sent the referral in. Spelled as on the wire. */
public enum ReferralSource {
    police,
    mental_health_team,
    advocacy_service,
    probation,
    other
}
