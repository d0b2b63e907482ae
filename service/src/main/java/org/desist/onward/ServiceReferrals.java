package org.desist.onward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.desist.access.AccessPolicy;
import org.desist.auth.User;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordKeeper;
import org.desist.caserecord.RecordTable;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;

/**
 * Onward referrals as case records: to mental health, substance misuse or other support, each moving
 * along its own lifecycle with every move kept.
 */
public class ServiceReferrals implements RecordTable<ServiceReferral, NewServiceReferral> {

    @Override
    public String type() {
        return "service_referral";
    }

    @Override
    public String table() {
        return "service_referral";
    }

    @Override
    public Class<ServiceReferral> recordType() {
        return ServiceReferral.class;
    }

    @Override
    public Class<NewServiceReferral> bodyType() {
        return NewServiceReferral.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of("service", "kind", "provider", "madeOn", "reason");
    }

    @Override
    public NewServiceReferral body(ServiceReferral record) {
        return record.body();
    }

    @Override
    public void check(NewServiceReferral body, CaseContext context) {
        if (!body.service().offers(body.kind())) {
            throw new Refusal.Invalid(
                    "kind", "must be one of " + body.service().kinds() + " for a " + body.service() + " referral");
        }
        context.happened("madeOn", body.madeOn());
    }

    @Override
    public void insert(Handle handle, String id, String participantId, NewServiceReferral body, Instant at, String by) {
        ServiceReferralDao referrals = handle.attach(ServiceReferralDao.class);
        referrals.insert(id, participantId, body, at, by);
        referrals.recordMove(id, ServiceReferralState.made, body.madeOn(), body.reason(), by, at);
    }

    /** An amended date of making cannot pass the referral's later moves. */
    @Override
    public int update(Handle handle, String id, int version, NewServiceReferral body, Instant at, String by) {
        ServiceReferralDao referrals = handle.attach(ServiceReferralDao.class);
        referrals.firstMoveAfterMade(id).filter(body.madeOn()::isAfter).ifPresent(moved -> {
            throw new Refusal.Invalid("madeOn", "must not be after the referral's next move (" + moved + ")");
        });
        int changed = referrals.update(id, version, body, at, by);
        if (changed == 1) {
            referrals.restateMade(id, body.madeOn(), body.reason());
        }
        return changed;
    }

    @Override
    public Optional<ServiceReferral> find(Handle handle, String participantId, String id) {
        ServiceReferralDao referrals = handle.attach(ServiceReferralDao.class);
        return referrals.find(participantId, id).map(row -> row.withHistory(referrals.history(id)));
    }

    @Override
    public List<ServiceReferral> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        ServiceReferralDao referrals = handle.attach(ServiceReferralDao.class);
        List<ServiceReferralRow> rows = referrals.list(participantId, from, to, limit, offset);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<ServiceReferralMove>> histories =
                referrals.histories(rows.stream().map(ServiceReferralRow::id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                ServiceReferralDao.MoveOf::serviceReferralId,
                                Collectors.mapping(ServiceReferralDao.MoveOf::move, Collectors.toList())));
        return rows.stream()
                .map(row -> row.withHistory(histories.getOrDefault(row.id(), List.of())))
                .toList();
    }

    /** The service, provider and reasons say what the participant is treated for: health detail. */
    @Override
    public ServiceReferral redact(ServiceReferral record, User reader) {
        return AccessPolicy.seesHealthDetail(reader) ? record : record.withoutHealthDetail();
    }

    /** A move along the lifecycle, recorded by {@code by}: 409 when the machine forbids it, 422 on its date. */
    public static RecordKeeper.Step<ServiceReferral> move(ServiceReferralTransition transition, String by) {
        return (handle, current, context, now) -> {
            ServiceReferralLifecycle.check(current.state(), current.stateOn(), transition, context);
            ServiceReferralDao referrals = handle.attach(ServiceReferralDao.class);
            if (referrals.move(current.id(), current.version(), transition.to(), transition.on()) != 1) {
                throw new Refusal.Conflict("The referral moved while this change was being made; read it again");
            }
            referrals.recordMove(current.id(), transition.to(), transition.on(), transition.reason(), by, now);
        };
    }
}
