--liquibase formatted sql

--changeset desist:0080-user-role-dpo-sqlite dbms:sqlite
-- A new role, dpo (the data protection officer: retention reviews, disposal, restriction, the disclosure ledger).
-- SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows; nothing references it.
CREATE TABLE user_role_0080 (
    username  TEXT NOT NULL REFERENCES app_user (username),
    role      TEXT NOT NULL CHECK (role IN ('clinician', 'probation', 'cps', 'programme_lead', 'advocate', 'police',
                  'admin', 'dpo')),
    PRIMARY KEY (username, role)
);
INSERT INTO user_role_0080 (username, role) SELECT username, role FROM user_role;
DROP TABLE user_role;
ALTER TABLE user_role_0080 RENAME TO user_role;
--rollback not possible without losing the dpo accounts' role

--changeset desist:0080-user-role-dpo-postgresql dbms:postgresql
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('clinician', 'probation', 'cps',
    'programme_lead', 'advocate', 'police', 'admin', 'dpo'));
--rollback ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;

--changeset desist:0080-audit-event-data-protection-sqlite dbms:sqlite
-- The audit actions of the data's life: a disclosure (a document handed to a named recipient for a purpose),
-- break-glass access to another site's case, retention decisions, legal holds, disposal, restriction. A
-- disclosure's row also names its recipient and the SHA-256 of the exact bytes sent. Rebuilt as in 0078: seq,
-- content, hashes and key ids are copied unchanged.
CREATE TABLE audit_event_0080 (
    seq             BIGINT PRIMARY KEY,
    at              TEXT NOT NULL,
    username        TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'export', 'denied',
                        'sign_in_failed', 'enable', 'disable', 'access_change', 'password_reset',
                        'password_change', 'token_revoke', 'unusual_reading', 'disclose', 'break_glass',
                        'retain', 'dispose', 'legal_hold', 'legal_hold_lift', 'restrict', 'restriction_lift')),
    resource_type   TEXT NOT NULL,
    resource_id     TEXT,
    participant_id  TEXT,
    status          INTEGER NOT NULL,
    request_id      TEXT NOT NULL,
    purpose         TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    client_address  TEXT,
    key_id          TEXT,
    recipient       TEXT,
    content_sha256  TEXT
);
INSERT INTO audit_event_0080 (seq, at, username, role, action, resource_type, resource_id, participant_id, status,
    request_id, purpose, prev_hash, hash, client_address, key_id)
    SELECT seq, at, username, role, action, resource_type, resource_id, participant_id, status, request_id, purpose,
        prev_hash, hash, client_address, key_id FROM audit_event;
DROP TABLE audit_event;
ALTER TABLE audit_event_0080 RENAME TO audit_event;
CREATE INDEX audit_event_participant ON audit_event (participant_id, at);
CREATE INDEX audit_event_user ON audit_event (username, at);
CREATE INDEX audit_event_at ON audit_event (at);
--rollback not possible without losing the new rows' actions

--changeset desist:0080-audit-no-update-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_update;

--changeset desist:0080-audit-no-delete-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_delete;

--changeset desist:0080-audit-event-data-protection-postgresql dbms:postgresql
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN ('read', 'create', 'update',
    'export', 'denied', 'sign_in_failed', 'enable', 'disable', 'access_change', 'password_reset', 'password_change',
    'token_revoke', 'unusual_reading', 'disclose', 'break_glass', 'retain', 'dispose', 'legal_hold',
    'legal_hold_lift', 'restrict', 'restriction_lift'));
ALTER TABLE audit_event ADD COLUMN recipient TEXT;
ALTER TABLE audit_event ADD COLUMN content_sha256 TEXT;
--rollback ALTER TABLE audit_event DROP COLUMN content_sha256; ALTER TABLE audit_event DROP COLUMN recipient; ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
