--liquibase formatted sql

--changeset desist:0060-attendance-totals
-- Running totals of session outcomes per site, day (UTC date of the scheduled time) and outcome, so
-- the programme comparison reads a few thousand rows instead of scanning every session. Every write
-- that records, amends or marks a session entered in error updates them in its own transaction
-- (org.desist.session.AttendanceTotals); only active sessions with an outcome count.
CREATE TABLE attendance_totals (
    site_code         TEXT NOT NULL REFERENCES site (code),
    on_date           TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('attended', 'late', 'did_not_attend', 'cancelled_by_service',
                                                       'cancelled_by_participant')),
    sessions          INTEGER NOT NULL CHECK (sessions >= 0),
    engagement_sum    INTEGER NOT NULL CHECK (engagement_sum >= 0),
    engagement_rated  INTEGER NOT NULL CHECK (engagement_rated >= 0),
    PRIMARY KEY (site_code, on_date, outcome)
);
--rollback DROP TABLE attendance_totals;

--changeset desist:0060-attendance-totals-backfill
-- The sessions recorded before the totals existed.
INSERT INTO attendance_totals (site_code, on_date, outcome, sessions, engagement_sum, engagement_rated)
SELECT p.site_code, substr(s.scheduled_at, 1, 10), s.outcome, count(*), coalesce(sum(s.engagement), 0),
       count(s.engagement)
FROM session s JOIN participant p ON p.id = s.participant_id
WHERE s.status = 'active' AND s.outcome IS NOT NULL
GROUP BY p.site_code, substr(s.scheduled_at, 1, 10), s.outcome;
--rollback DELETE FROM attendance_totals;
