--liquibase formatted sql

--changeset desist:0067-sign-in-throttle
-- Failed sign-ins, counted per username tried and per client address, so that every instance sees the same
-- counts and a restart forgets none (see auth/SignInPolicy). A count covers failures since window_start; a
-- stale row is deleted by the next failure anywhere, so the table holds only the last window's names.
CREATE TABLE sign_in_throttle (
    kind           TEXT NOT NULL CHECK (kind IN ('username', 'address')),
    subject        TEXT NOT NULL,
    failures       INTEGER NOT NULL,
    window_start   TEXT NOT NULL,
    last_failure   TEXT NOT NULL,
    blocked_until  TEXT,
    PRIMARY KEY (kind, subject)
);
CREATE INDEX sign_in_throttle_window ON sign_in_throttle (window_start);
--rollback DROP TABLE sign_in_throttle;
