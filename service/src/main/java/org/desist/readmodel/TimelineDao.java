package org.desist.readmodel;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dated facts of one case, kind by kind, each as (at, id, up to three words to summarise it). Records
 * entered in error are left out. Free text columns are never selected.
 */
@RegisterConstructorMapper(TimelineDao.Fact.class)
public interface TimelineDao {

    record Fact(String at, String id, String a, String b, String c) {
        public Fact on(String day) {
            return new Fact(day, id, a, b, c);
        }
    }

    @SqlQuery("SELECT received_on AS at, id, source AS a, NULL AS b, NULL AS c FROM referral WHERE participant_id = :p")
    List<Fact> referrals(@Bind("p") String participantId);

    @SqlQuery("SELECT reviewed_on AS at, id, priority AS a, decision AS b, NULL AS c FROM referral"
            + " WHERE participant_id = :p AND status = 'reviewed'")
    List<Fact> reviews(@Bind("p") String participantId);

    @SqlQuery("SELECT ev.on_date AS at, e.id, ev.state AS a, ev.reason_code AS b, NULL AS c"
            + " FROM enrolment_event ev JOIN enrolment e ON e.id = ev.enrolment_id WHERE e.participant_id = :p")
    List<Fact> enrolmentMoves(@Bind("p") String participantId);

    @SqlQuery("SELECT assessed_on AS at, id, kind AS a, instrument AS b, overall_risk AS c FROM active_assessment"
            + " WHERE participant_id = :p")
    List<Fact> assessments(@Bind("p") String participantId);

    @SqlQuery("SELECT scheduled_at AS at, id, kind AS a, outcome AS b, CAST(engagement AS TEXT) AS c"
            + " FROM active_session WHERE participant_id = :p")
    List<Fact> sessions(@Bind("p") String participantId);

    @SqlQuery("SELECT m.on_date AS at, r.id, r.service AS a, r.kind AS b, m.state AS c"
            + " FROM service_referral_move m JOIN active_service_referral r ON r.id = m.service_referral_id"
            + " WHERE r.participant_id = :p")
    List<Fact> serviceReferralMoves(@Bind("p") String participantId);

    /** An action is set when it is recorded (an instant, which the timeline turns into a London date), then closed. */
    @SqlQuery("SELECT recorded_at AS at, id, agency AS a, 'open' AS b, due_on AS c FROM active_plan_action"
            + " WHERE participant_id = :p"
            + " UNION ALL SELECT closed_on AS at, id, agency AS a, state AS b, NULL AS c FROM active_plan_action"
            + " WHERE participant_id = :p AND closed_on IS NOT NULL")
    List<Fact> planActions(@Bind("p") String participantId);

    @SqlQuery("SELECT from_date AS at, id, kind AS a, until_date AS b, NULL AS c FROM active_legal_measure"
            + " WHERE participant_id = :p")
    List<Fact> legalMeasures(@Bind("p") String participantId);

    @SqlQuery("SELECT raised_on AS at, id, NULL AS a, NULL AS b, NULL AS c FROM active_victim_safety_concern"
            + " WHERE participant_id = :p")
    List<Fact> victimSafety(@Bind("p") String participantId);

    @SqlQuery("SELECT reviewed_on AS at, id, CAST(fixation AS TEXT) AS a,"
            + " CASE WHEN victim_contact_since_last_review = 1 THEN 'yes' ELSE 'no' END AS b, CAST(engagement AS TEXT) AS c"
            + " FROM active_desistance_review WHERE participant_id = :p")
    List<Fact> desistanceReviews(@Bind("p") String participantId);

    @SqlQuery("SELECT occurred_on AS at, id, kind AS a, source AS b, NULL AS c FROM active_incident"
            + " WHERE participant_id = :p")
    List<Fact> incidents(@Bind("p") String participantId);
}
