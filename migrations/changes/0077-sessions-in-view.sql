--liquibase formatted sql

--changeset desist:0077-sessions-in-view
-- What an account's owner sees of their browser sessions and bearer tokens (GET /api/me/sessions): a public id
-- to name one by (never the cookie's or the token's hash), the client address each was begun from and last used
-- from, and, for tokens, when they were last used: a token idle past tokenIdleTimeout is refused. The idle clock
-- and the last address are written at most once a minute, not on every request. Sessions begun before this
-- change have no public id: they end, and their users sign in again. Tokens count as last used when issued.
DELETE FROM browser_session;
ALTER TABLE browser_session ADD COLUMN public_id TEXT;
ALTER TABLE browser_session ADD COLUMN started_from TEXT;
ALTER TABLE browser_session ADD COLUMN last_seen_from TEXT;
CREATE UNIQUE INDEX browser_session_public_id ON browser_session (public_id);
ALTER TABLE api_token ADD COLUMN created_from TEXT;
ALTER TABLE api_token ADD COLUMN last_used_at TEXT;
ALTER TABLE api_token ADD COLUMN last_used_from TEXT;
UPDATE api_token SET last_used_at = created_at;
--rollback ALTER TABLE api_token DROP COLUMN last_used_from;
--rollback ALTER TABLE api_token DROP COLUMN last_used_at;
--rollback ALTER TABLE api_token DROP COLUMN created_from;
--rollback DROP INDEX browser_session_public_id;
--rollback ALTER TABLE browser_session DROP COLUMN last_seen_from;
--rollback ALTER TABLE browser_session DROP COLUMN started_from;
--rollback ALTER TABLE browser_session DROP COLUMN public_id;
