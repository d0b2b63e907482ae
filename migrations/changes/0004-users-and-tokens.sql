--liquibase formatted sql

--changeset desist:0004-app-user
-- Staff accounts. Only an Argon2id hash of the password is kept.
CREATE TABLE app_user (
    username       TEXT PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
--rollback DROP TABLE app_user;

--changeset desist:0004-user-role
CREATE TABLE user_role (
    username  TEXT NOT NULL REFERENCES app_user (username),
    role      TEXT NOT NULL CHECK (role IN ('clinician', 'probation', 'cps', 'programme_lead', 'advocate', 'police', 'admin')),
    PRIMARY KEY (username, role)
);
--rollback DROP TABLE user_role;

--changeset desist:0004-user-site
-- The sites a user's cases come from; none means every site (programme leads and administrators only).
CREATE TABLE user_site (
    username   TEXT NOT NULL REFERENCES app_user (username),
    site_code  TEXT NOT NULL REFERENCES site (code),
    PRIMARY KEY (username, site_code)
);
--rollback DROP TABLE user_site;

--changeset desist:0004-api-token
-- Bearer tokens: only the SHA-256 of the token is kept, so a copy of the database cannot be replayed.
CREATE TABLE api_token (
    id          TEXT PRIMARY KEY,
    username    TEXT NOT NULL REFERENCES app_user (username),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX api_token_user ON api_token (username);
--rollback DROP TABLE api_token;
