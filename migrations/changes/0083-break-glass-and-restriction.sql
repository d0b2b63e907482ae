--liquibase formatted sql

--changeset desist:0083-break-glass-grant
-- Break-glass (breakglass/): a member of staff opened a case of a site they do not work at, stating a reason. The
-- grant lets them read that one case until expires_at (an hour after opened_at), never write. Rows are never
-- deleted: they are each account's record of what it opened and why, beside the audit rows of every read.
CREATE TABLE break_glass_grant (
    id              TEXT PRIMARY KEY,
    username        TEXT NOT NULL REFERENCES app_user (username),
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    site_code       TEXT NOT NULL REFERENCES site (code),
    reason          TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    expires_at      TEXT NOT NULL
);
CREATE INDEX break_glass_grant_user ON break_glass_grant (username, participant_id, expires_at);
--rollback DROP TABLE break_glass_grant;

--changeset desist:0083-case-restriction
-- Restriction of processing (restriction/, UK GDPR art. 18): while a row is in force (not lifted) nothing of the
-- case may be written and only the DPO may read it, each read audited with the purpose. At most one in force per
-- case, held by the partial unique index; lifted rows stay as the case's history of restriction.
CREATE TABLE case_restriction (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    purpose         TEXT NOT NULL,
    restricted_at   TEXT NOT NULL,
    restricted_by   TEXT NOT NULL,
    lifted_at       TEXT,
    lifted_by       TEXT
);
CREATE UNIQUE INDEX case_restriction_in_force ON case_restriction (participant_id) WHERE lifted_at IS NULL;
--rollback DROP TABLE case_restriction;
