--liquibase formatted sql

--changeset desist:0078-request-quota
-- Requests that read case data, PDFs and exports, counted per account and per client address in fixed windows
-- (quota/RequestQuotas), so that every instance sees the same counts and a restart forgets none. A count covers
-- the requests since window_start; the first request after the window has passed starts it again at one.
CREATE TABLE request_quota (
    quota          TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('account', 'address')),
    subject        TEXT NOT NULL,
    requests       INTEGER NOT NULL,
    window_start   TEXT NOT NULL,
    PRIMARY KEY (quota, kind, subject)
);
CREATE INDEX request_quota_window ON request_quota (window_start);
--rollback DROP TABLE request_quota;

--changeset desist:0078-unusual-reading
-- The days on which an account read far more than its usual (quota/UnusualReading): one row an account a day, so
-- the warning and its audit row are written once, by whichever instance saw it first.
CREATE TABLE unusual_reading (
    username    TEXT NOT NULL,
    day         TEXT NOT NULL,
    reads       INTEGER NOT NULL,
    usual       INTEGER NOT NULL,
    noticed_at  TEXT NOT NULL,
    PRIMARY KEY (username, day)
);
--rollback DROP TABLE unusual_reading;

--changeset desist:0078-audit-event-unusual-reading-sqlite dbms:sqlite
-- A new audit action, unusual_reading. SQLite cannot change a CHECK constraint, so the table is rebuilt with its
-- rows, indexes and triggers (as in 0065); seq, content, hashes and key ids are copied unchanged.
CREATE TABLE audit_event_0078 (
    seq             BIGINT PRIMARY KEY,
    at              TEXT NOT NULL,
    username        TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'export', 'denied',
                        'sign_in_failed', 'enable', 'disable', 'access_change', 'password_reset',
                        'password_change', 'token_revoke', 'unusual_reading')),
    resource_type   TEXT NOT NULL,
    resource_id     TEXT,
    participant_id  TEXT,
    status          INTEGER NOT NULL,
    request_id      TEXT NOT NULL,
    purpose         TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    client_address  TEXT,
    key_id          TEXT
);
INSERT INTO audit_event_0078 (seq, at, username, role, action, resource_type, resource_id, participant_id, status,
    request_id, purpose, prev_hash, hash, client_address, key_id)
    SELECT seq, at, username, role, action, resource_type, resource_id, participant_id, status, request_id, purpose,
        prev_hash, hash, client_address, key_id FROM audit_event;
DROP TABLE audit_event;
ALTER TABLE audit_event_0078 RENAME TO audit_event;
CREATE INDEX audit_event_participant ON audit_event (participant_id, at);
CREATE INDEX audit_event_user ON audit_event (username, at);
CREATE INDEX audit_event_at ON audit_event (at);
--rollback not possible without losing the new rows' actions

--changeset desist:0078-audit-no-update-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_update;

--changeset desist:0078-audit-no-delete-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_delete;

--changeset desist:0078-audit-event-unusual-reading-postgresql dbms:postgresql
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('read', 'create', 'update',
    'export', 'denied', 'sign_in_failed', 'enable', 'disable', 'access_change', 'password_reset', 'password_change',
    'token_revoke', 'unusual_reading'));
--rollback ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
