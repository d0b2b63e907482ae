package org.desist.participant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.refusal.MatchedParticipant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * One person, one record: finds the live participant an identity would duplicate. An NHS number or PNC id held
 * by a live participant anywhere is a certain match; the same name (as compared, either way round) and date of
 * birth a possible one, which the referrer may overrule by confirming a new person. A match the caller may see is
 * named (id, case reference, name, date of birth, site); one at a site outside the caller's scope only by its
 * site, with who can act on it, so that nobody learns who is known elsewhere. Staff who may see both sites
 * refer the person with participantId; there is no move of a case between sites.
 */
public final class IdentityMatch {
    static final String NHS_NUMBER = "nhsNumber";
    static final String PNC_ID = "pncId";
    static final String NAME_AND_BIRTH = "nameAndDateOfBirth";
    private static final String NOBODY = "";

    private IdentityMatch() {}

    /**
     * The conflict a new participant of {@code siteCode} with this identity, sent as a referral's
     * {@code participant}, would make, if any: a certain one first, else a possible one (which the referrer may
     * overrule, {@link IdentityConflict#possible()}).
     */
    public static Optional<IdentityConflict> forNewParticipant(
            Handle handle, Caller caller, Identity identity, String siteCode) {
        String prefix = "participant.";
        IdentityKeys keys = IdentityKeys.of(identity);
        Optional<IdentityConflict> certain = certain(handle, caller, keys, NOBODY, siteCode, prefix);
        if (certain.isPresent()) {
            return certain;
        }
        List<MatchedParticipant> possible =
                handle.attach(ParticipantDao.class).namedAndBorn(keys, NOBODY, NAME_AND_BIRTH);
        if (possible.isEmpty()) {
            return Optional.empty();
        }
        // the same person's referral committed between the two reads (each statement of a read-committed
        // transaction sees what is committed by then): it is a certain match, and is named as one
        Optional<IdentityConflict> committedMeanwhile = certain(handle, caller, keys, NOBODY, siteCode, prefix);
        if (committedMeanwhile.isPresent()) {
            return committedMeanwhile;
        }
        List<MatchedParticipant> visible = possible.stream()
                .filter(match -> caller.covers(match.siteCode()))
                .toList();
        List<MatchedParticipant> hidden = possible.stream()
                .filter(match -> !caller.covers(match.siteCode()))
                .toList();
        StringBuilder detail = new StringBuilder("A participant with the same name and date of birth is already known");
        if (!visible.isEmpty()) {
            detail.append(" (listed in matches): if this is the same person, refer with participantId");
        }
        if (!hidden.isEmpty()) {
            detail.append(visible.isEmpty() ? " at " : "; another is known at ")
                    .append(siteNames(hidden))
                    .append(", which you cannot see: ")
                    .append(whoCanAct(hidden, siteCode));
        }
        detail.append(". If this is a different person, send confirmedNewPerson: true with confirmedNewPersonReason.");
        return Optional.of(new IdentityConflict(
                "participant", "may be a participant already known", detail.toString(), visible, ids(hidden), true));
    }

    /**
     * Runs a write that may give a participant an identity, answering a conflict it finds with its audited 409.
     * When the unique indexes on the NHS number and PNC id refuse the write instead (the same person written at
     * the same moment, now committed), {@code recheck} finds that person as the check would have. Any other
     * refusal passes through as it is.
     */
    public static <T> T guarded(
            Jdbi jdbi,
            AuditLog audit,
            Caller caller,
            HandleCallback<T, RuntimeException> write,
            Function<Handle, Optional<IdentityConflict>> recheck) {
        try {
            return jdbi.inTransaction(write);
        } catch (IdentityConflict conflict) {
            throw conflict.audited(audit, caller);
        } catch (JdbiException failure) {
            Optional<IdentityConflict> conflict = jdbi.withHandle(recheck::apply);
            throw conflict.map(found -> (RuntimeException) found.audited(audit, caller))
                    .orElse(failure);
        }
    }

    /** The conflict an amended NHS number or PNC id of participant {@code id} would make, if any. */
    public static Optional<IdentityConflict> forAmendment(Handle handle, Caller caller, String id, Identity identity) {
        return certain(handle, caller, IdentityKeys.of(identity), id, null, "");
    }

    private static Optional<IdentityConflict> certain(
            Handle handle, Caller caller, IdentityKeys keys, String exceptId, String siteCode, String prefix) {
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        if (keys.nhsKey() != null) {
            List<MatchedParticipant> holders = participants.holdingNhsNumber(keys.nhsKey(), exceptId, NHS_NUMBER);
            if (!holders.isEmpty()) {
                return Optional.of(held(caller, holders, prefix + NHS_NUMBER, "NHS number", siteCode));
            }
        }
        if (keys.pncKey() != null) {
            List<MatchedParticipant> holders = participants.holdingPncId(keys.pncKey(), exceptId, PNC_ID);
            if (!holders.isEmpty()) {
                return Optional.of(held(caller, holders, prefix + PNC_ID, "PNC id", siteCode));
            }
        }
        return Optional.empty();
    }

    private static IdentityConflict held(
            Caller caller, List<MatchedParticipant> holders, String field, String what, String siteCode) {
        List<MatchedParticipant> visible = holders.stream()
                .filter(match -> caller.covers(match.siteCode()))
                .toList();
        List<MatchedParticipant> hidden = holders.stream()
                .filter(match -> !caller.covers(match.siteCode()))
                .toList();
        if (!visible.isEmpty()) {
            MatchedParticipant first = visible.get(0);
            String next = siteCode == null
                    ? " If they are the same person, a programme lead or site administrator merges the two records"
                    : " Refer with participantId instead";
            return new IdentityConflict(
                    field,
                    "belongs to participant " + first.caseRef(),
                    "This " + what
                            + " belongs to participant " + first.caseRef() + " (id " + first.id()
                            + "): the same person." + next
                            + (hidden.isEmpty() ? "." : "; it is also held at a site you cannot see."),
                    visible,
                    ids(hidden),
                    false);
        }
        return new IdentityConflict(
                field,
                "belongs to a participant at a site you cannot see",
                "This " + what
                        + " belongs to a participant already known at " + siteNames(hidden) + ", which you cannot see: "
                        + whoCanAct(hidden, siteCode) + ".",
                List.of(),
                ids(hidden),
                false);
    }

    /**
     * Who may act on a person known at sites the caller cannot see: staff bound to both sites take the referral
     * in with participantId (a move of area); a duplicate already made is merged by a lead or site administrator.
     */
    private static String whoCanAct(List<MatchedParticipant> hidden, String siteCode) {
        String sites = siteNames(hidden);
        if (siteCode == null) {
            return "staff who may see " + sites + " can find the case, and a programme lead or site administrator"
                    + " covering both sites can merge the two records";
        }
        return "staff who may see both " + sites + " and " + siteCode + " can take this referral in with"
                + " participantId (a move of area), so ask them or an administrator of both sites";
    }

    private static String siteNames(List<MatchedParticipant> matches) {
        Set<String> sites = new LinkedHashSet<>();
        matches.forEach(match -> sites.add(match.siteName() + " (" + match.siteCode() + ")"));
        return String.join(", ", sites);
    }

    private static List<String> ids(List<MatchedParticipant> matches) {
        return matches.stream().map(MatchedParticipant::id).toList();
    }
}
