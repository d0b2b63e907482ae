package org.desist.team;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.refusal.Refusal;
import org.desist.site.Site;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is on a case: allocating an account to a part, ending an allocation, and moving every open allocation of
 * one account at a site to another. Rows are never deleted; a part allocated again ends the earlier allocation the
 * day before the new one begins. Each write holds the participant's lock (as every write of a case does) and the
 * database's partial unique index keeps one open allocation per part even between instances (409).
 */
public class CaseTeams {
    static final String RESOURCE = "case_team";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;

    public CaseTeams(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
    }

    /** The case's team and its history; 404 for a case outside the caller's sites. */
    public CaseTeam read(Caller caller, String participantId) {
        Participant participant = participants.visible(caller, participantId);
        CaseTeam team = of(participant);
        audit.read(caller, RESOURCE, null, participant.id());
        return team;
    }

    public Allocation allocate(Caller caller, String participantId, NewAllocation request) {
        Participant participant = participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            ParticipantService.holdLive(handle, caller, participant.id());
            Allocation made = allocate(
                    handle, caller, participant, request.username(), request.role(), request.from(), "username");
            audit.change(handle, caller, AuditAction.create, RESOURCE, made.id(), participant.id(), Outcome.CREATED);
            return made;
        });
    }

    /**
     * For a change of the case made elsewhere (the daily review accepting a case): allocates inside its transaction,
     * the refusals naming {@code field}. Audited here, as a creation of the allocation.
     */
    public static Allocation allocateWithin(
            Handle handle,
            AuditLog audit,
            Caller caller,
            Participant participant,
            String username,
            TeamRole role,
            LocalDate from,
            Instant now,
            String field) {
        Allocation made = allocate(handle, caller.username(), participant, username, role, from, now, field);
        audit.change(handle, caller, AuditAction.create, RESOURCE, made.id(), participant.id(), Outcome.CREATED);
        return made;
    }

    /** Who holds the part on the case now, if anyone. */
    public static Optional<String> holder(Handle handle, String participantId, TeamRole role) {
        return handle.attach(AllocationDao.class).open(participantId, role).map(Allocation::username);
    }

    public Allocation end(Caller caller, String participantId, String allocationId, AllocationEnd request) {
        Participant participant = participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            ParticipantService.holdLive(handle, caller, participant.id());
            AllocationDao allocations = handle.attach(AllocationDao.class);
            Allocation allocation = allocations
                    .find(allocationId)
                    .filter(found -> found.participantId().equals(participant.id()))
                    .orElseThrow(() -> new Refusal.NotFound(RESOURCE, allocationId));
            if (!allocation.open()) {
                throw new Refusal.Conflict("The allocation ended on " + allocation.to() + " already");
            }
            if (request.to().isBefore(allocation.from())) {
                throw new Refusal.Invalid("to", "must not be before the allocation began (" + allocation.from() + ")");
            }
            if (allocations.end(allocationId, request.to(), clock.instant(), caller.username()) != 1) {
                throw new Refusal.Conflict("The allocation ended while this change was being made; read it again");
            }
            audit.change(handle, caller, AuditAction.update, RESOURCE, allocationId, participant.id(), Outcome.CHANGED);
            return allocations.find(allocationId).orElseThrow();
        });
    }

    /**
     * Moves every open allocation of {@code from} on the cases of a site to {@code to}, in one transaction: all
     * move or none (422 when {@code to} cannot take one of the parts, naming it). The site must be the caller's (404).
     */
    public Reallocated reallocate(Caller caller, String siteCode, Reallocation request) {
        site(caller, siteCode);
        if (request.from().equals(request.to())) {
            throw new Refusal.Invalid("to", "must be another account than from");
        }
        return jdbi.inTransaction(handle -> {
            AllocationDao allocations = handle.attach(AllocationDao.class);
            if (allocations.account(request.from()).isEmpty()) {
                throw new Refusal.Invalid("from", "is not a known account");
            }
            List<Allocation> moving = allocations.openAtSite(request.from(), siteCode);
            Instant now = clock.instant();
            List<Allocation> moved = new ArrayList<>();
            for (Allocation old : moving) {
                ParticipantService.holdLive(handle, caller, old.participantId());
                Eligibility.check(allocations, request.to(), old.role(), siteCode, "to");
                if (!request.on().isAfter(old.from())) {
                    throw new Refusal.Invalid(
                            "on", "must be after every allocation moved began (one began on " + old.from() + ")");
                }
                if (allocations.end(old.id(), request.on().minusDays(1), now, caller.username()) != 1) {
                    throw new Refusal.Conflict("An allocation moved while this change was being made; try again");
                }
                String id = UUID.randomUUID().toString();
                allocations.insert(
                        id, old.participantId(), request.to(), old.role(), request.on(), now, caller.username());
                audit.change(
                        handle, caller, AuditAction.update, RESOURCE, old.id(), old.participantId(), Outcome.CHANGED);
                audit.change(handle, caller, AuditAction.create, RESOURCE, id, old.participantId(), Outcome.CREATED);
                moved.add(allocations.find(id).orElseThrow());
            }
            if (moving.isEmpty()) {
                Eligibility.check(allocations, request.to(), null, siteCode, "to");
            }
            return new Reallocated(siteCode, request.from(), request.to(), moved);
        });
    }

    /**
     * Who a reallocation at the site may move from (the site's accounts and anyone still holding a part there) and
     * to (the site's enabled accounts): the reallocation form's choices. The site must be the caller's (404).
     */
    public ReallocationChoices choices(Caller caller, String siteCode) {
        Site site = site(caller, siteCode);
        return jdbi.withExtension(AllocationDao.class, allocations -> {
            List<AllocationDao.Account> accounts = allocations.accountsOfSite(siteCode);
            java.util.SortedSet<String> from = new java.util.TreeSet<>(allocations.holdersAtSite(siteCode));
            accounts.forEach(account -> from.add(account.username()));
            List<String> to = accounts.stream()
                    .filter(account -> !account.disabled())
                    .map(AllocationDao.Account::username)
                    .toList();
            return new ReallocationChoices(site.code(), site.name(), List.copyOf(from), to);
        });
    }

    private Site site(Caller caller, String siteCode) {
        if (!caller.covers(siteCode)) {
            throw new Refusal.NotFound("site", siteCode);
        }
        return jdbi.withExtension(SiteDao.class, sites -> sites.find(siteCode))
                .orElseThrow(() -> new Refusal.NotFound("site", siteCode));
    }

    /** The case's team as the case page shows it (read and audited by the caller of {@link #read}). */
    private CaseTeam of(Participant participant) {
        List<Allocation> all =
                jdbi.withExtension(AllocationDao.class, allocations -> allocations.ofCase(participant.id()));
        return new CaseTeam(
                participant.id(),
                participant.caseRef(),
                all.stream().filter(Allocation::open).toList(),
                all.stream()
                        .filter(a -> !a.open())
                        .sorted(java.util.Comparator.comparing(Allocation::endedAt)
                                .reversed())
                        .toList());
    }

    private Allocation allocate(
            Handle handle,
            Caller caller,
            Participant participant,
            String username,
            TeamRole role,
            LocalDate from,
            String field) {
        return allocate(handle, caller.username(), participant, username, role, from, clock.instant(), field);
    }

    private static Allocation allocate(
            Handle handle,
            String by,
            Participant participant,
            String username,
            TeamRole role,
            LocalDate from,
            Instant now,
            String field) {
        AllocationDao allocations = handle.attach(AllocationDao.class);
        Eligibility.check(allocations, username, role, participant.siteCode(), field);
        allocations.open(participant.id(), role).ifPresent(held -> {
            if (held.username().equals(username)) {
                throw new Refusal.Conflict(username + " is the case's " + Eligibility.words(role) + " already");
            }
            if (!from.isAfter(held.from())) {
                throw new Refusal.Invalid(
                        "from",
                        "must be after the current " + Eligibility.words(role) + "'s allocation began (" + held.from()
                                + ")");
            }
            if (allocations.end(held.id(), from.minusDays(1), now, by) != 1) {
                throw new Refusal.Conflict("The case's team changed while this change was being made; read it again");
            }
        });
        String id = UUID.randomUUID().toString();
        allocations.insert(id, participant.id(), username, role, from, now, by);
        return allocations.find(id).orElseThrow();
    }
}
