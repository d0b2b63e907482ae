--liquibase formatted sql

--changeset desist:0002-participant
CREATE TABLE participant (
    id             TEXT PRIMARY KEY,
    case_ref       TEXT NOT NULL UNIQUE,
    site_code      TEXT NOT NULL REFERENCES site (code),
    given_name     TEXT NOT NULL,
    family_name    TEXT NOT NULL,
    date_of_birth  TEXT NOT NULL,
    pnc_id         TEXT,
    nhs_number     TEXT,
    version        INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX participant_site ON participant (site_code, family_name);
--rollback DROP TABLE participant;

--changeset desist:0002-case-ref-sequence
-- The last case number handed out per site and year; bumped in the transaction that creates the case.
CREATE TABLE case_ref_sequence (
    site_code    TEXT NOT NULL REFERENCES site (code),
    year         INTEGER NOT NULL,
    last_number  INTEGER NOT NULL,
    PRIMARY KEY (site_code, year)
);
--rollback DROP TABLE case_ref_sequence;

--changeset desist:0002-referral
CREATE TABLE referral (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    site_code       TEXT NOT NULL REFERENCES site (code),
    received_on     TEXT NOT NULL,
    source          TEXT NOT NULL CHECK (source IN ('police', 'mental_health_team', 'advocacy_service', 'probation', 'other')),
    referrer        TEXT NOT NULL,
    behaviour       TEXT NOT NULL,
    victim_ref      TEXT NOT NULL,
    legal_status    TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('awaiting_review', 'reviewed')),
    -- 0 while awaiting review; then the priority's rank, so the queue sorts high first
    priority_rank   INTEGER NOT NULL DEFAULT 0,
    priority        TEXT CHECK (priority IN ('standard', 'medium', 'high')),
    decision        TEXT CHECK (decision IN ('accept_for_intervention', 'community_referral_only', 'consultation_only', 'no_further_action')),
    reviewed_on     TEXT,
    review_reason   TEXT,
    reviewed_by     TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    CHECK ((status = 'reviewed') = (priority IS NOT NULL AND decision IS NOT NULL AND reviewed_on IS NOT NULL))
);
CREATE INDEX referral_queue ON referral (site_code, status, priority_rank, received_on);
CREATE INDEX referral_participant ON referral (participant_id);
--rollback DROP TABLE referral;
