--liquibase formatted sql

--changeset desist:0079-account-email
-- Where an account's alerts are emailed (attention/). Optional: without one, alerts wait in the inbox.
ALTER TABLE app_user ADD COLUMN email TEXT;
--rollback ALTER TABLE app_user DROP COLUMN email;

--changeset desist:0079-case-team
-- Who is on a case (team/): one row per allocation of an account to a team role, dated from (and to, once it
-- ends), with who made it and who ended it. Rows are never deleted, so the history of a case's team is kept.
-- A case has at most one open allocation per team role; the index holds that at the database, so two
-- instances allocating at once cannot both succeed.
CREATE TABLE case_team (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    username        TEXT NOT NULL REFERENCES app_user (username),
    team_role       TEXT NOT NULL CHECK (team_role IN ('key_worker', 'responsible_officer', 'advocate',
                        'police_contact', 'cps_lawyer')),
    from_date       TEXT NOT NULL,
    to_date         TEXT,
    allocated_at    TEXT NOT NULL,
    allocated_by    TEXT NOT NULL,
    ended_at        TEXT,
    ended_by        TEXT,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX case_team_open ON case_team (participant_id, team_role) WHERE ended_at IS NULL;
CREATE INDEX case_team_member ON case_team (username, ended_at);
--rollback DROP TABLE case_team;

--changeset desist:0079-alert
-- What needs attention (attention/): one row per rule and case while its condition holds, naming the record
-- that raised it by id and date only, never its content. The partial unique index keeps one open alert per rule
-- and case, across instances: a second raise while one is open does nothing.
CREATE TABLE alert (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    site_code       TEXT NOT NULL REFERENCES site (code),
    rule            TEXT NOT NULL,
    record_type     TEXT,
    record_id       TEXT,
    occurred_on     TEXT,
    raised_at       TEXT NOT NULL,
    cleared_at      TEXT,
    cleared_because TEXT
);
CREATE UNIQUE INDEX alert_open ON alert (participant_id, rule) WHERE cleared_at IS NULL;
CREATE INDEX alert_raised ON alert (raised_at);
--rollback DROP TABLE alert;

--changeset desist:0079-alert-recipient
-- Who was told of an alert, and each one's acknowledgement with its note.
CREATE TABLE alert_recipient (
    alert_id          TEXT NOT NULL REFERENCES alert (id),
    username          TEXT NOT NULL REFERENCES app_user (username),
    told_as           TEXT NOT NULL,
    acknowledged_at   TEXT,
    acknowledgement   TEXT,
    PRIMARY KEY (alert_id, username)
);
CREATE INDEX alert_recipient_user ON alert_recipient (username, acknowledged_at);
--rollback DROP TABLE alert_recipient;

--changeset desist:0079-email-outbox
-- The transactional outbox of email (attention/): a row is written in the transaction that raised the alert (or
-- by the day's digest), and a sender delivers it later with retries. The id is the idempotency key, sent as the
-- message's Message-ID, so a resend after a crash is recognisable. Rows hold no case content: the text is made at
-- sending and says only that a case at a site needs attention.
CREATE TABLE email_outbox (
    id               TEXT PRIMARY KEY,
    username         TEXT NOT NULL REFERENCES app_user (username),
    kind             TEXT NOT NULL CHECK (kind IN ('alert', 'digest')),
    alert_id         TEXT REFERENCES alert (id),
    site_code        TEXT,
    digest_day       TEXT,
    created_at       TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    claimed_until    TEXT,
    sent_at          TEXT,
    last_error       TEXT
);
CREATE UNIQUE INDEX email_outbox_digest ON email_outbox (username, digest_day);
CREATE INDEX email_outbox_due ON email_outbox (sent_at, next_attempt_at);
--rollback DROP TABLE email_outbox;

--changeset desist:0079-shedlock
-- Scheduled work that must run on one instance at a time (the attention sweep, the digest): ShedLock's table.
CREATE TABLE shedlock (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP NOT NULL,
    locked_at   TIMESTAMP NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
--rollback DROP TABLE shedlock;
