--liquibase formatted sql

--changeset desist:0018-desistance-review
-- Periodic reviews of progress toward desistance. The four Stalking Risk Profile domains are columns
-- of their own so cohort figures can compare the first assessment with the latest review in SQL.
CREATE TABLE desistance_review (
    id                                TEXT PRIMARY KEY,
    participant_id                    TEXT NOT NULL REFERENCES participant (id),
    reviewed_on                       TEXT NOT NULL,
    risk_violence                     TEXT NOT NULL CHECK (risk_violence IN ('low', 'moderate', 'high')),
    risk_persistence                  TEXT NOT NULL CHECK (risk_persistence IN ('low', 'moderate', 'high')),
    risk_recurrence                   TEXT NOT NULL CHECK (risk_recurrence IN ('low', 'moderate', 'high')),
    risk_psychosocial_damage          TEXT NOT NULL CHECK (risk_psychosocial_damage IN ('low', 'moderate', 'high')),
    fixation                          INTEGER NOT NULL CHECK (fixation BETWEEN 0 AND 10),
    victim_contact_since_last_review  INTEGER NOT NULL CHECK (victim_contact_since_last_review IN (0, 1)),
    engagement                        INTEGER NOT NULL CHECK (engagement BETWEEN 1 AND 5),
    narrative                         TEXT,
    status                            TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason                      TEXT,
    version                           INTEGER NOT NULL,
    recorded_at                       TEXT NOT NULL,
    recorded_by                       TEXT NOT NULL,
    amended_at                        TEXT,
    amended_by                        TEXT
);
CREATE INDEX desistance_review_participant ON desistance_review (participant_id, reviewed_on);
--rollback DROP TABLE desistance_review;
