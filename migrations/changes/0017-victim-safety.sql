--liquibase formatted sql

--changeset desist:0017-victim-safety-concern
-- Concerns for the victim's safety, recorded by the victim advocate. The victim is named only by the
-- advocacy service's opaque reference from one of the case's referrals: no name, address or contact.
CREATE TABLE victim_safety_concern (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    victim_ref      TEXT NOT NULL,
    raised_on       TEXT NOT NULL,
    concern         TEXT NOT NULL,
    action_taken    TEXT,
    status          TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason    TEXT,
    version         INTEGER NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    amended_at      TEXT,
    amended_by      TEXT
);
CREATE INDEX victim_safety_concern_participant ON victim_safety_concern (participant_id, raised_on);
--rollback DROP TABLE victim_safety_concern;
