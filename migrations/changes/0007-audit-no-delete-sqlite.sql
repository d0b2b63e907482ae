--liquibase formatted sql

--changeset desist:0007-audit-no-delete-sqlite dbms:sqlite splitStatements:false
-- 0005 meant to create both append-only triggers in one changeset, but the SQLite JDBC driver runs
-- only the first statement of a multi-statement string, so the DELETE trigger never existed and
-- audit rows could be deleted. Created here on its own; IF NOT EXISTS keeps it safe either way.
CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--rollback DROP TRIGGER IF EXISTS audit_event_no_delete;
