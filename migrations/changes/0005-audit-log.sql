--liquibase formatted sql

--changeset desist:0005-audit-event
-- Append-only, hash-chained record of every access to case data. seq has no gaps; each row's hash
-- covers its content and the previous row's hash, so an edit or a removal breaks the chain.
CREATE TABLE audit_event (
    seq             BIGINT PRIMARY KEY,
    at              TEXT NOT NULL,
    username        TEXT NOT NULL,
    role            TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'export', 'denied')),
    resource_type   TEXT NOT NULL,
    resource_id     TEXT,
    participant_id  TEXT,
    status          INTEGER NOT NULL,
    request_id      TEXT NOT NULL,
    purpose         TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX audit_event_participant ON audit_event (participant_id, at);
CREATE INDEX audit_event_user ON audit_event (username, at);
CREATE INDEX audit_event_at ON audit_event (at);
--rollback DROP TABLE audit_event;

--changeset desist:0005-audit-head
-- The chain's head: one row, moved by every append in the same transaction. Appenders queue on it, and
-- audit-verify compares it with the last row, so cutting rows off the end is detected too.
CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq   BIGINT NOT NULL,
    last_hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, 'genesis');
--rollback DROP TABLE audit_head;

-- One trigger a changeset: the SQLite driver runs only the first statement of a multi-statement string.
--changeset desist:0005-audit-no-update-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_update;

--changeset desist:0005-audit-no-delete-sqlite dbms:sqlite splitStatements:false
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER audit_event_no_delete;

--changeset desist:0005-audit-append-only-postgresql dbms:postgresql splitStatements:false
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
--rollback DROP TRIGGER audit_event_no_truncate ON audit_event;
--rollback DROP TRIGGER audit_event_no_update ON audit_event;
--rollback DROP FUNCTION audit_event_refuse_change();
