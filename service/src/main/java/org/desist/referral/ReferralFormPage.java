package org.desist.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.desist.auth.Caller;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.refusal.MatchedParticipant;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The referral form, and after a 409 on the person's identity what the API said of the match: the participants
 * the referrer may see (each to refer as the same person), or only the site of one they may not.
 */
public class ReferralFormPage extends Page {
    /** The referral's own fields: carried over, unchanged, when the referrer picks a participant already known. */
    private static final List<String> REFERRAL_FIELDS =
            List.of("siteCode", "receivedOn", "source", "referrer", "behaviour", "victimRef", "legalStatus");

    private static final Map<ReferralSource, String> SOURCE_LABELS = Map.of(
            ReferralSource.police, "Police",
            ReferralSource.mental_health_team, "Mental health team",
            ReferralSource.advocacy_service, "Advocacy service",
            ReferralSource.probation, "Probation",
            ReferralSource.other, "Other");

    private final Caller caller;

    ReferralFormPage(Viewer viewer, Caller caller) {
        super("referrals/new.ftlh", viewer, "Refer a case");
        this.caller = caller;
    }

    /** The sites the referrer covers, in order; empty for staff of every site (who type the code). */
    public List<Map<String, String>> getSites() {
        return caller.user().sites().stream()
                .sorted()
                .map(code -> Map.of("value", code, "label", code))
                .toList();
    }

    public List<Map<String, String>> getSources() {
        return Arrays.stream(ReferralSource.values())
                .map(source -> Map.of("value", source.name(), "label", SOURCE_LABELS.get(source)))
                .toList();
    }

    public List<String> getReferralFields() {
        return REFERRAL_FIELDS;
    }

    /** True when the person sent is already known (the API's 409 naming an identity field). */
    public boolean isKnownPerson() {
        return getProblem() != null && getProblem().status() == 409;
    }

    /** The participants the referrer may see that the person matched: the 409's {@code matches}. */
    public List<MatchedParticipant> getMatches() {
        return isKnownPerson() && getProblem().matches() != null ? getProblem().matches() : List.of();
    }

    /**
     * True for a match by name and date of birth only, which the referrer may overrule as a different person;
     * an NHS number or PNC id held already is the same person, always.
     */
    public boolean isPossibleMatch() {
        Problem problem = getProblem();
        return isKnownPerson()
                && problem.errors() != null
                && problem.errors().stream().map(FieldError::field).anyMatch("participant"::equals);
    }

    /** The different-person confirmation is offered after a possible match, and kept while it is being given. */
    public boolean isConfirming() {
        return isPossibleMatch() || "true".equals(getValues().get("confirmedNewPerson"));
    }

    /**
     * The API's own words when a match is at a site the referrer cannot see: only that site, and who can act.
     * Where every match is listed, the table says it all.
     */
    public String getHiddenMatchNote() {
        if (!isKnownPerson()) {
            return "";
        }
        String detail = getProblem().detail();
        return getMatches().isEmpty() || (detail != null && detail.contains("cannot see")) ? detail : "";
    }
}
