--liquibase formatted sql

--changeset desist:0014-service-referral
-- Onward referrals to other services (mental health, substance misuse, other support). The state is
-- the latest move; every move, the first ('made') included, is kept in service_referral_move.
CREATE TABLE service_referral (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    service         TEXT NOT NULL CHECK (service IN ('mental_health', 'substance_misuse', 'other')),
    kind            TEXT NOT NULL CHECK (kind IN ('community_mental_health_team', 'talking_therapies', 'inpatient',
                                                  'drug', 'alcohol', 'housing', 'employment',
                                                  'domestic_abuse_programme', 'other')),
    provider        TEXT NOT NULL,
    made_on         TEXT NOT NULL,
    reason          TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('made', 'accepted', 'declined', 'engaged', 'disengaged',
                                                   'completed')),
    state_on        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason    TEXT,
    version         INTEGER NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    amended_at      TEXT,
    amended_by      TEXT
);
CREATE INDEX service_referral_participant ON service_referral (participant_id, made_on);
--rollback DROP TABLE service_referral;

--changeset desist:0014-service-referral-move
CREATE TABLE service_referral_move (
    service_referral_id  TEXT NOT NULL REFERENCES service_referral (id),
    seq                  INTEGER NOT NULL,
    state                TEXT NOT NULL CHECK (state IN ('made', 'accepted', 'declined', 'engaged', 'disengaged',
                                                          'completed')),
    on_date              TEXT NOT NULL,
    reason               TEXT NOT NULL,
    actor                TEXT NOT NULL,
    recorded_at          TEXT NOT NULL,
    PRIMARY KEY (service_referral_id, seq)
);
--rollback DROP TABLE service_referral_move;
