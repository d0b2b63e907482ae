package org.desist.access;

import static org.desist.auth.Role.admin;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.cps;
import static org.desist.auth.Role.dpo;
import static org.desist.auth.Role.police;
import static org.desist.auth.Role.probation;
import static org.desist.auth.Role.programme_lead;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.auth.User;

/**
 * The access matrix (docs/access.md), the one place that says which role may do what. Anything not
 * listed is denied. Site scoping and field redaction are decided here too.
 */
public final class AccessPolicy {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Map<Action, Set<Role>> MATRIX = new EnumMap<>(Action.class);
    /**
     * Actions answered without credentials. Only the API description: it is generated from the code, holds
     * no case data and no account data, and the browsable API page and REST clients need it before anyone
     * has signed in. And the screens' sign-in form (with the one-time set-up link of a new installation): a
     * browser must reach it to sign in. Every other action needs an authenticated caller whose role the matrix allows.
     */
    private static final Set<Action> PUBLIC =
            Collections.unmodifiableSet(EnumSet.of(Action.API_DESCRIPTION, Action.SIGN_IN));

    static {
        allow(Action.API_DESCRIPTION, EVERYONE);
        allow(Action.SIGN_IN, EVERYONE);
        allow(Action.HOME, EVERYONE);
        allow(Action.REFERENCE_READ, EVERYONE);
        allow(Action.SITE_READ, EVERYONE);
        allow(Action.SITE_OPEN, EnumSet.of(programme_lead));
        allow(Action.COHORT_READ, EnumSet.of(clinician, probation, police, advocate, programme_lead));
        allow(Action.COHORT_OPEN, EnumSet.of(programme_lead));
        allow(Action.REFERRAL_RECEIVE, EnumSet.of(police, clinician, probation, advocate));
        allow(Action.REFERRAL_READ, EnumSet.of(clinician, probation, police, advocate, programme_lead));
        allow(Action.REFERRAL_REVIEW, EnumSet.of(clinician, probation, police));
        allow(Action.PARTICIPANT_READ, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead, dpo));
        allow(Action.PARTICIPANT_AMEND, EnumSet.of(clinician, probation, police));
        // moves a whole case between two records of one person: those who oversee the sites' data, in scope
        allow(Action.PARTICIPANT_MERGE, EnumSet.of(programme_lead, admin));
        allow(Action.ENROLMENT_OPEN, EnumSet.of(clinician, programme_lead));
        allow(Action.ENROLMENT_READ, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead));
        allow(Action.ENROLMENT_MOVE, EnumSet.of(clinician, probation, programme_lead));
        allow(Action.SUBJECT_ACCESS, EnumSet.of(admin, dpo));
        allow(Action.ASSESSMENT_RECORD, EnumSet.of(clinician));
        allow(Action.ASSESSMENT_READ, EnumSet.of(clinician, probation, police, advocate, cps));
        allow(Action.SESSION_RECORD, EnumSet.of(clinician));
        allow(Action.SESSION_READ, EnumSet.of(clinician, probation));
        allow(Action.SERVICE_REFERRAL_RECORD, EnumSet.of(clinician));
        allow(Action.SERVICE_REFERRAL_READ, EnumSet.of(clinician, probation));
        allow(Action.PLAN_ACTION_RECORD, EnumSet.of(clinician, probation, police, advocate));
        allow(Action.PLAN_ACTION_READ, EnumSet.of(clinician, probation, police, advocate));
        allow(Action.LEGAL_MEASURE_RECORD, EnumSet.of(police, probation, advocate));
        allow(Action.LEGAL_MEASURE_READ, EnumSet.of(clinician, probation, police, advocate, cps));
        allow(Action.VICTIM_SAFETY_RECORD, EnumSet.of(advocate));
        allow(Action.VICTIM_SAFETY_READ, EnumSet.of(advocate, clinician, probation, police));
        allow(Action.DESISTANCE_REVIEW_RECORD, EnumSet.of(clinician));
        allow(Action.DESISTANCE_REVIEW_READ, EnumSet.of(clinician, probation, police, advocate));
        allow(Action.INCIDENT_RECORD, EnumSet.of(police, probation, clinician, advocate));
        allow(Action.INCIDENT_READ, EnumSet.of(clinician, probation, police, advocate, cps));
        // each reader sees only the kinds of event their role may read, redacted as the records are
        allow(Action.TIMELINE_READ, EnumSet.of(clinician, probation, police, advocate));
        allow(Action.PROGRESS_READ, EnumSet.of(clinician, probation));
        // the case summaries leave the system: each reader gets only its own, clinicians check both
        allow(Action.SUMMARY_PROBATION, EnumSet.of(clinician, probation));
        allow(Action.SUMMARY_CPS, EnumSet.of(clinician, cps));
        // figures, not case records: aggregates of the lead's sites, and a pseudonymised export
        allow(Action.COHORT_REPORT, EnumSet.of(programme_lead));
        allow(Action.PROGRAMME_COMPARISON, EnumSet.of(programme_lead));
        allow(Action.PROGRAMME_EXPORT, EnumSet.of(programme_lead));
        allow(Action.TOKEN_ISSUE, EVERYONE);
        allow(Action.TOKEN_REVOKE, EVERYONE);
        // an administrator bound to sites administers only accounts within them (user.AdminScope)
        allow(Action.USER_ADMIN, EnumSet.of(admin));
        allow(Action.OWN_PASSWORD_CHANGE, EVERYONE);
        allow(Action.OWN_TOKENS, EVERYONE);
        allow(Action.OWN_EMAIL, EVERYONE);
        allow(Action.SECOND_FACTOR, EVERYONE);
        allow(Action.AUDIT_READ, EnumSet.of(admin));
        // whoever can be told of an alert (a team role's holder, a site's reviewer) reads and acknowledges
        // their own; the record behind it only with that kind's read right (attention.Rule)
        allow(Action.ALERT_READ, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead, dpo));
        allow(Action.ALERT_ACKNOWLEDGE, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead, dpo));
        // the agencies at a site's daily meeting; each part of the agenda is left out for a role that may not
        // read its kind (agenda.ReviewAgendas), so the agenda shows no more than the records' own reads
        allow(Action.REVIEW_AGENDA, EnumSet.of(clinician, probation, police, advocate, cps));
        // the case team: read by those who read the case; allocated by those who decide at the daily
        // review and the lead; moved in bulk by the lead (it answers case data, which an administrator does not read);
        // a caseload for any case role
        allow(Action.TEAM_READ, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead));
        allow(Action.TEAM_ALLOCATE, EnumSet.of(clinician, probation, police, programme_lead));
        allow(Action.TEAM_REALLOCATE, EnumSet.of(programme_lead));
        allow(Action.CASELOAD_READ, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead));
        // whoever may read the case may see who received documents about it; the DPO passes on corrections
        allow(Action.DISCLOSURE_READ, EnumSet.of(clinician, probation, police, advocate, cps, programme_lead, dpo));
        // issue 19: retention review, decisions and legal holds are the data protection officer's alone
        allow(Action.RETENTION_REVIEW, EnumSet.of(dpo));
        allow(Action.RETENTION_DECIDE, EnumSet.of(dpo));
        allow(Action.LEGAL_HOLD, EnumSet.of(dpo));
        // break-glass: those who read cases at their own sites may open one elsewhere, read-only, for an hour,
        // with a reason; the site's leads and the DPO are told at once (breakglass/)
        allow(Action.BREAK_GLASS_OPEN, EnumSet.of(clinician, probation, police, advocate, cps));
        allow(Action.BREAK_GLASS_READ, EnumSet.of(clinician, probation, police, advocate, cps));
        // restriction of processing is the DPO's alone (restriction/)
        allow(Action.RESTRICTION, EnumSet.of(dpo));
    }

    private AccessPolicy() {}

    private static void allow(Action action, Set<Role> roles) {
        MATRIX.put(action, Collections.unmodifiableSet(EnumSet.copyOf(roles)));
    }

    public static Set<Role> rolesAllowed(Action action) {
        return MATRIX.getOrDefault(action, Set.of());
    }

    /** Whether the action is answered without credentials (and so without a role check). */
    public static boolean isPublic(Action action) {
        return action != null && PUBLIC.contains(action);
    }

    public static boolean allows(User user, Action action) {
        return user != null && user.roles().stream().anyMatch(rolesAllowed(action)::contains);
    }

    /** Whether the user may see cases of this site; elsewhere a case does not exist for them (404). */
    public static boolean coversSite(User user, String siteCode) {
        return user.worksAt(siteCode);
    }

    /** Clinical free text (formulations, session notes) is for clinicians only. */
    public static boolean seesClinicalText(User user) {
        return user.has(clinician);
    }

    /**
     * Counts from 1 to 4 identify people: published figures show them as "<5". Only a programme lead may
     * ask to see them as they are, and that request is audited as an export.
     */
    public static boolean seesUnsuppressedFigures(User user) {
        return user.has(programme_lead);
    }

    /** Diagnoses, substance misuse and stalker typology: health detail for those treating or supervising. */
    public static boolean seesHealthDetail(User user) {
        return user.has(clinician) || user.has(probation);
    }
}
