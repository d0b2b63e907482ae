package org.desist.breakglass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.refusal.Refusal;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Jdbi;

/**
 * Break-glass: a member of staff opens a case of a site they do not work at by stating why. For an hour they may
 * read it (participant.ParticipantService.visible lets them, read-only, and every read is audited as break-glass
 * with the reason); the case's site's programme leads and every DPO are told at once (attention rule
 * {@code break_glass_opened}). Nothing else widens a caller's sites: an administrator's password reset gives the
 * account only its own sites.
 */
public class BreakGlass {
    /** How long a grant lets its holder read the case. */
    public static final Duration LASTS = Duration.ofHours(1);

    static final int MIN_WORDS = 4;
    static final int MAX_REASON = 500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;

    public BreakGlass(Jdbi jdbi, Clock clock, AuditLog audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Opens the case for the caller: 422 for a reference that names no live case or a reason too thin to say why
     * (nothing is recorded), 409 when the caller's own sites already cover the case.
     */
    public BreakGlassGrant open(Caller caller, NewBreakGlass request) {
        String reason = request.reason().strip().replaceAll("\\s+", " ");
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal.Invalid("reason", "must be printable text");
        }
        if (reason.split(" ").length < MIN_WORDS) {
            throw new Refusal.Invalid("reason", "must say why the case is opened, in at least " + MIN_WORDS + " words");
        }
        String reference = request.caseReference().strip().toUpperCase(Locale.ROOT);
        return jdbi.inTransaction(handle -> {
            BreakGlassDao grants = handle.attach(BreakGlassDao.class);
            BreakGlassDao.Case found = grants.liveCase(reference)
                    .orElseThrow(() -> new Refusal.Invalid("caseReference", "is not the reference of a known case"));
            if (caller.covers(found.siteCode())) {
                throw new Refusal.Conflict("You work at this case's site: open it as usual, no break-glass is needed");
            }
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            grants.insert(id, caller.username(), found.id(), found.siteCode(), reason, now, now.plus(LASTS));
            Alerts.raise(
                    handle,
                    found.id(),
                    Rule.break_glass_opened,
                    new Alerts.Cause("break_glass", id, LocalDate.ofInstant(now, ProgrammeClock.ZONE)),
                    now);
            audit.change(
                    handle,
                    caller.withPurpose(reason),
                    AuditAction.break_glass,
                    "break_glass",
                    id,
                    found.id(),
                    Outcome.CREATED);
            return grants.find(id, now);
        });
    }

    /** The caller's own grants, running and expired, opened in the period (days in London), newest first. */
    public List<BreakGlassGrant> mine(Caller caller, Period opened, PageRequest paging) {
        Instant now = clock.instant();
        List<BreakGlassGrant> found = jdbi.withExtension(
                BreakGlassDao.class,
                grants -> grants.of(
                        caller.username(),
                        now,
                        opened.startIn(ProgrammeClock.ZONE),
                        opened.endIn(ProgrammeClock.ZONE),
                        paging.fetch(),
                        paging.offset()));
        audit.read(caller, "break_glass", null, null);
        return found;
    }
}
