package org.desist.referral;

/** What the daily case review decided to do with a referral. */
public enum TriageDecision {
    accept_for_intervention,
    community_referral_only,
    consultation_only,
    no_further_action
}
