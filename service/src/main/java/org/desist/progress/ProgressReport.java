package org.desist.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.db.Snapshot;
import org.desist.participant.ParticipantService;
import org.desist.readmodel.ProgressDao;
import org.desist.risk.Movement;
import org.desist.risk.RiskRating;
import org.desist.session.Attendance;
import org.jdbi.v3.core.Jdbi;

/** Assembles a case's {@link Progress} from aggregates over its records. */
public class ProgressReport {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;

    public ProgressReport(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
    }

    public Progress of(Caller caller, String participantId) {
        participants.visible(caller, participantId);
        LocalDate today = LocalDate.now(clock);
        // one read-only snapshot: the counts, ratings and actions of one state of the case
        Progress progress = Snapshot.read(jdbi, handle -> {
            ProgressDao dao = handle.attach(ProgressDao.class);
            ProgressDao.OutcomeCounts outcomes = dao.outcomes(participantId);
            Optional<ProgressDao.Ratings> first = dao.firstAssessment(participantId);
            Optional<ProgressDao.Ratings> latest = dao.latestReview(participantId);
            Map<String, Integer> onward = new LinkedHashMap<>();
            dao.onwardReferrals(participantId).forEach(count -> onward.put(count.state(), count.count()));
            return new Progress(
                    participantId,
                    today,
                    Attendance.ofCounts(
                            outcomes.attendedOrLate(), outcomes.didNotAttend(), outcomes.cancelledByParticipant()),
                    outcomes.awaitingOutcome(),
                    outcomes.cancelledByService(),
                    dao.engagement(participantId),
                    risk(first, latest),
                    first.map(ProgressDao.Ratings::ratedOn).orElse(null),
                    latest.map(ProgressDao.Ratings::ratedOn).orElse(null),
                    dao.fixation(participantId),
                    dao.lastIncident(participantId)
                            .map(on -> ChronoUnit.DAYS.between(on, today))
                            .orElse(null),
                    onward,
                    dao.overdueActions(participantId, today),
                    dao.concerns(participantId));
        });
        audit.read(caller, "progress", null, participantId);
        return progress;
    }

    private static Map<String, Progress.DomainRisk> risk(
            Optional<ProgressDao.Ratings> first, Optional<ProgressDao.Ratings> latest) {
        Map<String, Progress.DomainRisk> risk = new LinkedHashMap<>();
        domain(risk, "violence", first, latest, ProgressDao.Ratings::violence);
        domain(risk, "persistence", first, latest, ProgressDao.Ratings::persistence);
        domain(risk, "recurrence", first, latest, ProgressDao.Ratings::recurrence);
        domain(risk, "psychosocial_damage", first, latest, ProgressDao.Ratings::psychosocialDamage);
        return risk;
    }

    private static void domain(
            Map<String, Progress.DomainRisk> risk,
            String name,
            Optional<ProgressDao.Ratings> first,
            Optional<ProgressDao.Ratings> latest,
            Function<ProgressDao.Ratings, RiskRating> rating) {
        RiskRating before = first.map(rating).orElse(null);
        RiskRating now = latest.map(rating).orElse(null);
        risk.put(name, new Progress.DomainRisk(before, now, Movement.between(before, now)));
    }
}
