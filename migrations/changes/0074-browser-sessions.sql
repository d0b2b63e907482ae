--liquibase formatted sql

--changeset desist:0074-browser-session
-- Signed-in browsers (the screens; the API keeps Basic and Bearer). Only the SHA-256 of the 256-bit cookie value
-- is kept, so a copy of the database cannot be replayed; any instance can serve any session. A session holds only
-- at the account's credential version it began at: a new password, a disabled account or changed rights end it.
-- The CSRF token is the synchronizer token every form of that session carries.
CREATE TABLE browser_session (
    id_hash             TEXT PRIMARY KEY,
    username            TEXT NOT NULL REFERENCES app_user (username),
    credential_version  INTEGER NOT NULL,
    csrf_token          TEXT NOT NULL,
    started_at          TEXT NOT NULL,
    last_seen_at        TEXT NOT NULL
);
CREATE INDEX browser_session_user ON browser_session (username);
--rollback DROP TABLE browser_session;

--changeset desist:0074-setup-link
-- The one-time link with which the first administrator of a new installation creates their account in the
-- browser: printed to the log at a start that finds no accounts, valid one hour, spent by its use.
CREATE TABLE setup_link (
    token_hash  TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
--rollback DROP TABLE setup_link;
