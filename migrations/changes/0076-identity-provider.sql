--liquibase formatted sql

--changeset desist:0076-identity-link
-- Which identity-provider subject signs in as which Desist account. An administrator makes the link; nothing is
-- ever created from a token, and roles and sites stay Desist's. One subject of one issuer names one account, and
-- one account has at most one subject.
CREATE TABLE identity_link (
    username   TEXT PRIMARY KEY REFERENCES app_user (username),
    issuer     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    linked_at  TEXT NOT NULL,
    linked_by  TEXT NOT NULL,
    UNIQUE (issuer, subject)
);
--rollback DROP TABLE identity_link;

--changeset desist:0076-provider-sign-in
-- A sign-in under way at the identity provider: what the callback must find to finish it, so that any instance
-- can. Keyed by the SHA-256 of its state; bound to the browser that began it by the SHA-256 of a cookie; the
-- nonce and the PKCE verifier wait here, never in the browser. Deleted when the callback takes it (once only),
-- and swept when older than a few minutes.
CREATE TABLE provider_sign_in (
    state_hash     TEXT PRIMARY KEY,
    browser_hash   TEXT NOT NULL,
    nonce          TEXT NOT NULL,
    code_verifier  TEXT NOT NULL,
    return_to      TEXT NOT NULL,
    started_at     TEXT NOT NULL
);
CREATE INDEX provider_sign_in_started ON provider_sign_in (started_at);
--rollback DROP TABLE provider_sign_in;
