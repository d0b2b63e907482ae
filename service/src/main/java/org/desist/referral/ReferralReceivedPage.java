package org.desist.referral;

import org.desist.web.Page;
import org.desist.web.Viewer;

/** A referral taken in: its case reference and the way to the case. */
public class ReferralReceivedPage extends Page {
    private final Referral referral;

    ReferralReceivedPage(Viewer viewer, Referral referral) {
        super("referrals/received.ftlh", viewer, "Referral received");
        this.referral = referral;
    }

    public Referral getReferral() {
        return referral;
    }
}
