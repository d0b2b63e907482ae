package org.desist.participant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.desist.api.Paging;
import org.desist.errors.ProblemException;
import org.desist.http.Versions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public class ParticipantService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final IdentityChanges changes;

    public ParticipantService(Jdbi jdbi, Clock clock, IdentityChanges changes) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Creates a participant inside the caller's transaction, numbering the case for its site and the
     * year the referral was received. The write lock held by the transaction keeps numbers unique.
     */
    public static Participant create(Handle handle, String siteCode, LocalDate receivedOn, Identity identity,
                                     Instant now) {
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        int year = receivedOn.getYear();
        int number = participants.lastCaseNumber(siteCode, year).map(last -> last + 1).orElse(1);
        if (number == 1) {
            participants.startCaseNumbers(siteCode, year);
        } else {
            participants.recordCaseNumber(siteCode, year, number);
        }
        Participant participant = new Participant(UUID.randomUUID().toString(),
                CaseReference.of(siteCode, year, number), siteCode, identity.givenName(), identity.familyName(),
                identity.dateOfBirth(), identity.pncId(), identity.nhsNumber(), now, now, 1);
        participants.insert(participant);
        return participants.find(participant.id()).orElseThrow();
    }

    public Participant get(String id) {
        return jdbi.withExtension(ParticipantDao.class, participants -> participants.find(id))
                .orElseThrow(() -> ProblemException.notFound("participant", id));
    }

    public List<Participant> list(String siteCode, String query, Paging paging) {
        String pattern = query == null || query.isBlank() ? null
                : "%" + query.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.withExtension(ParticipantDao.class,
                participants -> participants.list(siteCode, pattern, paging.fetch(), paging.getOffset()));
    }

    /** Applies a merge patch if the caller has seen the current version; otherwise 412 and nothing changes. */
    public Participant amend(String id, String ifMatch, ObjectNode patch) {
        return jdbi.inTransaction(handle -> {
            ParticipantDao participants = handle.attach(ParticipantDao.class);
            Participant current = participants.find(id).orElseThrow(() -> ProblemException.notFound("participant", id));
            int expectedVersion = Versions.fromIfMatch(ifMatch);
            Versions.requireCurrent(expectedVersion, current.version());
            Identity amended = changes.apply(current.identity(), patch);
            if (participants.updateIdentity(id, expectedVersion, amended, clock.instant()) != 1) {
                throw Versions.stale();
            }
            return participants.find(id).orElseThrow();
        });
    }
}
