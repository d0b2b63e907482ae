package org.desist.referral;

public enum ReferralStatus {
    awaiting_review,
    reviewed
}
