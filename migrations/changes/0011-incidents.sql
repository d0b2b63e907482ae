--liquibase formatted sql

--changeset desist:0011-incident
CREATE TABLE incident (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    kind            TEXT NOT NULL CHECK (kind IN ('breach_of_order', 'new_allegation', 'contact_with_victim', 'arrest',
                                                  'charge', 'conviction')),
    occurred_on     TEXT NOT NULL,
    source          TEXT NOT NULL CHECK (source IN ('police', 'probation', 'advocacy_service', 'health', 'self_report')),
    details         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason    TEXT,
    version         INTEGER NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    amended_at      TEXT,
    amended_by      TEXT
);
CREATE INDEX incident_participant ON incident (participant_id, occurred_on);
--rollback DROP TABLE incident;
