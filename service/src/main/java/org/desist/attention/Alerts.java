package org.desist.attention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.desist.access.AccessPolicy;
import org.desist.auth.Role;
import org.desist.team.CaseTeamDao;
import org.desist.team.TeamMember;
import org.jdbi.v3.core.Handle;

/**
 * Raises and clears alerts inside the caller's transaction, so an alert (and its email in the outbox) exists
 * exactly when the change that raised it was committed. One open alert per rule and case: the database's partial
 * unique index decides between two instances raising at once, and the loser's raise does nothing.
 */
public final class Alerts {
    /** Told as: the team role, or this for a site's reviewers. */
    public static final String SITE_REVIEWER = "site_reviewer";

    private Alerts() {}

    /** What raised an alert: the record's kind, id and date (never its content). */
    public record Cause(String recordType, String recordId, LocalDate occurredOn) {}

    /**
     * Raises the rule's alert on the case unless one is open already, tells each recipient and
     * queues an email for each with an address. Returns the new alert's id, or empty when one was open.
     */
    public static Optional<String> raise(Handle handle, String participantId, Rule rule, Cause cause, Instant now) {
        String id = UUID.randomUUID().toString();
        int inserted = handle.createUpdate("INSERT INTO alert (id, participant_id, site_code, rule, record_type,"
                        + " record_id, occurred_on, raised_at) SELECT :id, p.id, p.site_code, :rule, :recordType,"
                        + " :recordId, :occurredOn, :now FROM participant p WHERE p.id = :participantId"
                        + " ON CONFLICT DO NOTHING")
                .bind("id", id)
                .bind("participantId", participantId)
                .bind("rule", rule.name())
                .bind("recordType", cause.recordType())
                .bind("recordId", cause.recordId())
                .bind("occurredOn", cause.occurredOn())
                .bind("now", now)
                .execute();
        if (inserted != 1) {
            reRaise(handle, participantId, rule, cause, now);
            return Optional.empty();
        }
        recipients(handle, participantId, rule).forEach((username, toldAs) -> tell(handle, id, username, toldAs, now));
        return Optional.of(id);
    }

    /**
     * A further occurrence while the rule's alert is open (a second breach): no second alert and no second email
     * (no storms), but the open alert now names the newest record and date, and whoever had acknowledged it has it
     * back as unacknowledged, since what they acknowledged is no longer all there is. Someone who joined the team
     * since the alert was raised is told now, as a first telling.
     */
    private static void reRaise(Handle handle, String participantId, Rule rule, Cause cause, Instant now) {
        Optional<Map<String, Object>> open = handle.createQuery(
                        "SELECT id, record_type, record_id, occurred_on FROM alert WHERE participant_id ="
                                + " :participantId AND rule = :rule AND cleared_at IS NULL")
                .bind("participantId", participantId)
                .bind("rule", rule.name())
                .mapToMap()
                .findOne();
        if (open.isEmpty()) {
            return; // cleared between the insert and this read, by another transaction: nothing to point anew
        }
        if (Objects.equals(text(open.get().get("record_type")), cause.recordType())
                && Objects.equals(text(open.get().get("record_id")), cause.recordId())
                && Objects.equals(text(open.get().get("occurred_on")), text(cause.occurredOn()))) {
            return; // the same occurrence raised again (a sweep's next run): nothing new to tell
        }
        String alertId = text(open.get().get("id"));
        handle.createUpdate("UPDATE alert SET record_type = :recordType, record_id = :recordId, occurred_on ="
                        + " :occurredOn WHERE id = :id")
                .bind("recordType", cause.recordType())
                .bind("recordId", cause.recordId())
                .bind("occurredOn", cause.occurredOn())
                .bind("id", alertId)
                .execute();
        handle.createUpdate("UPDATE alert_recipient SET acknowledged_at = NULL, acknowledgement = NULL"
                        + " WHERE alert_id = :id AND acknowledged_at IS NOT NULL")
                .bind("id", alertId)
                .execute();
        Set<String> told = Set.copyOf(handle.createQuery("SELECT username FROM alert_recipient WHERE alert_id = :id")
                .bind("id", alertId)
                .mapTo(String.class)
                .list());
        recipients(handle, participantId, rule).forEach((username, toldAs) -> {
            if (!told.contains(username)) {
                tell(handle, alertId, username, toldAs, now);
            }
        });
    }

    /** Clears the rule's open alert on the case, if any, because its condition ended; returns whether one was. */
    public static boolean clear(Handle handle, String participantId, Rule rule, String because, Instant now) {
        return handle.createUpdate("UPDATE alert SET cleared_at = :now, cleared_because = :because"
                                + " WHERE participant_id = :participantId AND rule = :rule AND cleared_at IS NULL")
                        .bind("now", now)
                        .bind("because", because)
                        .bind("participantId", participantId)
                        .bind("rule", rule.name())
                        .execute()
                > 0;
    }

    /**
     * Clears the rule's open alert on the case only if it names this record: a record entered in error takes its
     * alert with it, but not an alert a later record of the same kind has since been pointed at.
     */
    public static boolean clearIfAbout(
            Handle handle, String participantId, Rule rule, String recordId, String because, Instant now) {
        return handle.createUpdate("UPDATE alert SET cleared_at = :now, cleared_because = :because"
                                + " WHERE participant_id = :participantId AND rule = :rule AND cleared_at IS NULL"
                                + " AND record_id = :recordId")
                        .bind("now", now)
                        .bind("because", because)
                        .bind("participantId", participantId)
                        .bind("rule", rule.name())
                        .bind("recordId", recordId)
                        .execute()
                > 0;
    }

    /**
     * Username → told as: every member of the case's team (an alert says only that something of the rule's kind
     * happened on the case, and when), or for a referral awaiting review, the site's reviewers, or for a break-glass
     * opening, the site's programme leads and every DPO (told as their role).
     */
    static Map<String, String> recipients(Handle handle, String participantId, Rule rule) {
        Map<String, String> told = new LinkedHashMap<>();
        if (rule == Rule.referral_awaiting_review) {
            Set<Role> reviewers = AccessPolicy.rolesAllowed(rule.readRight());
            handle.createQuery("SELECT DISTINCT r.username FROM user_role r JOIN app_user u ON u.username = r.username"
                            + " JOIN user_site s ON s.username = r.username JOIN participant p ON p.site_code = s.site_code"
                            + " WHERE p.id = :participantId AND u.disabled = 0 AND r.role IN (<roles>)"
                            + " ORDER BY r.username")
                    .bind("participantId", participantId)
                    .bindList("roles", reviewers.stream().map(Role::name).collect(Collectors.toList()))
                    .mapTo(String.class)
                    .forEach(username -> told.put(username, SITE_REVIEWER));
            return told;
        }
        if (rule == Rule.break_glass_opened) {
            // the leads who oversee the case's site (bound to it, or to every site) and every DPO
            handle.createQuery("SELECT DISTINCT r.username, r.role FROM user_role r JOIN app_user u ON u.username ="
                            + " r.username JOIN participant p ON p.id = :participantId WHERE u.disabled = 0 AND"
                            + " (r.role = 'dpo' OR (r.role = 'programme_lead' AND (EXISTS (SELECT 1 FROM user_site s"
                            + " WHERE s.username = r.username AND s.site_code = p.site_code) OR NOT EXISTS (SELECT 1"
                            + " FROM user_site s WHERE s.username = r.username)))) ORDER BY r.username, r.role")
                    .bind("participantId", participantId)
                    .map((rs, ctx) -> Map.entry(rs.getString("username"), rs.getString("role")))
                    .forEach(entry -> told.putIfAbsent(entry.getKey(), entry.getValue()));
            return told;
        }
        for (TeamMember member : handle.attach(CaseTeamDao.class).currentMembers(participantId)) {
            told.putIfAbsent(member.username(), member.teamRole().name());
        }
        return told;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void tell(Handle handle, String alertId, String username, String toldAs, Instant now) {
        handle.createUpdate("INSERT INTO alert_recipient (alert_id, username, told_as) VALUES (:alertId, :username,"
                        + " :toldAs)")
                .bind("alertId", alertId)
                .bind("username", username)
                .bind("toldAs", toldAs)
                .execute();
        handle.createUpdate("INSERT INTO email_outbox (id, username, kind, alert_id, site_code, created_at,"
                        + " next_attempt_at) SELECT :id, u.username, 'alert', a.id, a.site_code, :now, :now"
                        + " FROM app_user u JOIN alert a ON a.id = :alertId"
                        + " WHERE u.username = :username AND u.email IS NOT NULL")
                .bind("id", UUID.randomUUID().toString())
                .bind("username", username)
                .bind("alertId", alertId)
                .bind("now", now)
                .execute();
    }
}
