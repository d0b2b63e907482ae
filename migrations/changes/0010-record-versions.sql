--liquibase formatted sql

--changeset desist:0010-record-version
-- Every saved version of every case record (assessments, sessions, ...), as a JSON snapshot with who
-- saved it, when and why. Records are amended, never silently overwritten.
CREATE TABLE record_version (
    record_type  TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    snapshot     TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    reason       TEXT,
    PRIMARY KEY (record_type, record_id, version)
);
--rollback DROP TABLE record_version;
