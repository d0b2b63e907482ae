package org.desist.riskplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordKeeper;
import org.desist.caserecord.RecordTable;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;

/**
 * The actions of a case's risk management plan as case records: each with its agency, owner and
 * dates, open until done or dropped. The clock decides which open actions are overdue.
 */
public class PlanActions implements RecordTable<PlanAction, NewPlanAction> {
    private final Clock clock;

    public PlanActions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "plan_action";
    }

    @Override
    public String table() {
        return "plan_action";
    }

    @Override
    public Class<PlanAction> recordType() {
        return PlanAction.class;
    }

    @Override
    public Class<NewPlanAction> bodyType() {
        return NewPlanAction.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of("action", "agency", "owner", "dueOn", "reviewOn");
    }

    @Override
    public NewPlanAction body(PlanAction record) {
        return record.body();
    }

    @Override
    public void check(NewPlanAction body, CaseContext context) {
        context.notBeforeReferral("dueOn", body.dueOn());
        context.notBeforeReferral("reviewOn", body.reviewOn());
    }

    @Override
    public void insert(Handle handle, String id, String participantId, NewPlanAction body, Instant at, String by) {
        handle.attach(PlanActionDao.class).insert(id, participantId, body, at, by);
    }

    @Override
    public int update(Handle handle, String id, int version, NewPlanAction body, Instant at, String by) {
        return handle.attach(PlanActionDao.class).update(id, version, body, at, by);
    }

    @Override
    public Optional<PlanAction> find(Handle handle, String participantId, String id) {
        return handle.attach(PlanActionDao.class).find(participantId, id, today());
    }

    @Override
    public List<PlanAction> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        return handle.attach(PlanActionDao.class).list(participantId, from, to, limit, offset, today());
    }

    /** Done or dropped, once: 409 unless the action is open; 422 when the date has not happened. */
    public static RecordKeeper.Step<PlanAction> close(PlanActionTransition transition, String by) {
        return (handle, current, context, now) -> {
            context.happened("on", transition.on());
            if (!current.state().canMoveTo(transition.to())) {
                throw new Refusal.Conflict("A plan action cannot move from " + current.state() + " to "
                        + transition.to() + "; an open action moves once, to done or dropped");
            }
            if (handle.attach(PlanActionDao.class)
                            .close(
                                    current.id(),
                                    current.version(),
                                    transition.to(),
                                    transition.on(),
                                    transition.reason(),
                                    by)
                    != 1) {
                throw new Refusal.Conflict("The action changed while this change was being made; read it again");
            }
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
