--liquibase formatted sql

--changeset desist:0016-legal-measure
-- Legal measures (protection and restraining orders, licence and bail conditions, electronic
-- monitoring) with the dates they run between. A measure may predate the referral: an order made
-- before the case reached the programme. until_date is null for a measure with no end date.
CREATE TABLE legal_measure (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    kind            TEXT NOT NULL CHECK (kind IN ('stalking_protection_order', 'restraining_order',
                                                  'licence_conditions', 'electronic_monitoring', 'bail_conditions')),
    from_date       TEXT NOT NULL,
    until_date      TEXT CHECK (until_date IS NULL OR until_date >= from_date),
    conditions      TEXT,
    status          TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason    TEXT,
    version         INTEGER NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    amended_at      TEXT,
    amended_by      TEXT
);
CREATE INDEX legal_measure_participant ON legal_measure (participant_id, from_date);
--rollback DROP TABLE legal_measure;
