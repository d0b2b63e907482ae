--liquibase formatted sql

--changeset desist:0075-second-factor
-- An account's second factor: a TOTP secret (RFC 6238) for an authenticator app. While enrolment is under way the
-- new secret waits in pending_secret until a current code confirms it; secret is the confirmed one. last_step is
-- the 30-second step of the last code accepted: a code of that step or an earlier one is refused (no replay), on
-- any instance, by a conditional update.
CREATE TABLE second_factor (
    username        TEXT PRIMARY KEY REFERENCES app_user (username),
    secret          TEXT,
    pending_secret  TEXT,
    confirmed_at    TEXT,
    last_step       BIGINT NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);
--rollback DROP TABLE second_factor;

--changeset desist:0075-recovery-code
-- One-time recovery codes, shown once at enrolment: only an Argon2id hash of each is kept; a used code is spent.
CREATE TABLE recovery_code (
    id          TEXT PRIMARY KEY,
    username    TEXT NOT NULL REFERENCES app_user (username),
    code_hash   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX recovery_code_user ON recovery_code (username);
--rollback DROP TABLE recovery_code;

--changeset desist:0075-two-factor-credentials
-- Whether a bearer token or a browser session was begun with both factors (password and code, or an identity
-- provider that asserted its own second factor). Everything issued before this change was begun with one.
ALTER TABLE api_token ADD COLUMN two_factor INTEGER NOT NULL DEFAULT 0 CHECK (two_factor IN (0, 1));
ALTER TABLE browser_session ADD COLUMN two_factor INTEGER NOT NULL DEFAULT 0 CHECK (two_factor IN (0, 1));
--rollback ALTER TABLE browser_session DROP COLUMN two_factor;
--rollback ALTER TABLE api_token DROP COLUMN two_factor;
