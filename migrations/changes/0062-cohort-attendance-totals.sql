--liquibase formatted sql

--changeset desist:0062-cohort-attendance-totals
-- Running totals of session outcomes per cohort, day (UTC date of the scheduled time) and outcome, so a
-- cohort report reads a few hundred rows instead of every session of its participants. A session counts
-- for each cohort its participant has an enrolment in. Kept by org.desist.session.AttendanceTotals in
-- the transaction of every session write, and of every enrolment opened in a cohort new to the person.
CREATE TABLE cohort_attendance_totals (
    cohort_id         TEXT NOT NULL REFERENCES cohort (id),
    on_date           TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('attended', 'late', 'did_not_attend', 'cancelled_by_service',
                                                       'cancelled_by_participant')),
    sessions          INTEGER NOT NULL CHECK (sessions >= 0),
    engagement_sum    INTEGER NOT NULL CHECK (engagement_sum >= 0),
    engagement_rated  INTEGER NOT NULL CHECK (engagement_rated >= 0),
    PRIMARY KEY (cohort_id, on_date, outcome)
);
--rollback DROP TABLE cohort_attendance_totals;

--changeset desist:0062-cohort-attendance-totals-backfill
INSERT INTO cohort_attendance_totals (cohort_id, on_date, outcome, sessions, engagement_sum, engagement_rated)
SELECT c.cohort_id, substr(s.scheduled_at, 1, 10), s.outcome, count(*), coalesce(sum(s.engagement), 0),
       count(s.engagement)
FROM (SELECT DISTINCT participant_id, cohort_id FROM enrolment) c
     JOIN session s ON s.participant_id = c.participant_id
WHERE s.status = 'active' AND s.outcome IS NOT NULL
GROUP BY c.cohort_id, substr(s.scheduled_at, 1, 10), s.outcome;
--rollback DELETE FROM cohort_attendance_totals;
