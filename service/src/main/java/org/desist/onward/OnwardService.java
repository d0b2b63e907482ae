package org.desist.onward;

import static org.desist.onward.ServiceKind.alcohol;
import static org.desist.onward.ServiceKind.community_mental_health_team;
import static org.desist.onward.ServiceKind.domestic_abuse_programme;
import static org.desist.onward.ServiceKind.drug;
import static org.desist.onward.ServiceKind.employment;
import static org.desist.onward.ServiceKind.housing;
import static org.desist.onward.ServiceKind.inpatient;
import static org.desist.onward.ServiceKind.talking_therapies;

import java.util.EnumSet;
import java.util.Set;

/** The area of need an onward referral meets, and the kinds of service that meet it. */
public enum OnwardService {
    mental_health,
    substance_misuse,
    other;

    public Set<ServiceKind> kinds() {
        return switch (this) {
            case mental_health ->
                EnumSet.of(community_mental_health_team, talking_therapies, inpatient, ServiceKind.other);
            case substance_misuse -> EnumSet.of(drug, alcohol, ServiceKind.other);
            case other -> EnumSet.of(housing, employment, domestic_abuse_programme, ServiceKind.other);
        };
    }

    public boolean offers(ServiceKind kind) {
        return kinds().contains(kind);
    }
}
