--liquibase formatted sql

--changeset desist:0013-session
-- Sessions of a case: scheduled (possibly ahead), then their outcome recorded once. Outcome and
-- engagement are plain columns so that cohort figures can count attendance in SQL.
CREATE TABLE session (
    id                   TEXT PRIMARY KEY,
    participant_id       TEXT NOT NULL REFERENCES participant (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('individual_therapy', 'group_therapy', 'psychiatric_review',
                                                       'nurse_contact', 'case_consultation')),
    scheduled_at         TEXT NOT NULL,
    duration_minutes     INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
    facilitator          TEXT NOT NULL,
    outcome              TEXT CHECK (outcome IN ('attended', 'late', 'did_not_attend', 'cancelled_by_service',
                                                 'cancelled_by_participant')),
    engagement           INTEGER CHECK (engagement BETWEEN 1 AND 5),
    notes                TEXT,
    shareable            BOOLEAN,
    concern              TEXT,
    outcome_recorded_at  TEXT,
    outcome_recorded_by  TEXT,
    status               TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason         TEXT,
    version              INTEGER NOT NULL,
    recorded_at          TEXT NOT NULL,
    recorded_by          TEXT NOT NULL,
    amended_at           TEXT,
    amended_by           TEXT,
    CHECK (engagement IS NULL OR outcome IN ('attended', 'late')),
    CHECK ((outcome IS NULL) = (outcome_recorded_at IS NULL))
);
CREATE INDEX session_participant ON session (participant_id, scheduled_at);
CREATE INDEX session_outcome ON session (outcome);
--rollback DROP TABLE session;
