--liquibase formatted sql

--changeset desist:0065-audit-event-accounts-sqlite dbms:sqlite
-- Account administration and failed sign-ins join the audit chain: new actions, and the client's address
-- (sign-ins have no other trace of where they came from). SQLite cannot change a CHECK constraint, so the
-- table is rebuilt with its rows, indexes and triggers; seq, content and hashes are copied unchanged.
CREATE TABLE audit_event_0065 (
    seq             BIGINT PRIMARY KEY,
    at              TEXT NOT NULL,
    username        TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'export', 'denied',
                        'sign_in_failed', 'enable', 'disable', 'access_change', 'password_reset',
                        'password_change', 'token_revoke')),
    resource_type   TEXT NOT NULL,
    resource_id     TEXT,
    participant_id  TEXT,
    status          INTEGER NOT NULL,
    request_id      TEXT NOT NULL,
    purpose         TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    client_address  TEXT
);
INSERT INTO audit_event_0065 (seq, at, username, role, action, resource_type, resource_id, participant_id, status,
    request_id, purpose, prev_hash, hash)
    SELECT seq, at, username, role, action, resource_type, resource_id, participant_id, status, request_id, purpose,
        prev_hash, hash FROM audit_event;
DROP TABLE audit_event;
ALTER TABLE audit_event_0065 RENAME TO audit_event;
CREATE INDEX audit_event_participant ON audit_event (participant_id, at);
CREATE INDEX audit_event_user ON audit_event (username, at);
CREATE INDEX audit_event_at ON audit_event (at);
--rollback not possible without losing the new rows' actions

--changeset desist:0065-audit-no-update-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_update;

--changeset desist:0065-audit-no-delete-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_delete;

--changeset desist:0065-audit-event-accounts-postgresql dbms:postgresql
ALTER TABLE audit_event ADD COLUMN client_address TEXT;
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('read', 'create', 'update',
    'export', 'denied', 'sign_in_failed', 'enable', 'disable', 'access_change', 'password_reset', 'password_change',
    'token_revoke'));
--rollback ALTER TABLE audit_event DROP COLUMN client_address;
