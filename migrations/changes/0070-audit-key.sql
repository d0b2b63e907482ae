--liquibase formatted sql

--changeset desist:0070-audit-event-key
-- The audit chain is keyed (issue 12): each new row is sealed with HMAC-SHA256 under a key kept outside the
-- database, and names the key by a short fingerprint (never the key) so that keys can be rotated. Rows sealed
-- before, with plain SHA-256, keep a NULL key_id and stay exactly as they are; no unkeyed row may follow a keyed one.
ALTER TABLE audit_event ADD COLUMN key_id TEXT;
--rollback ALTER TABLE audit_event DROP COLUMN key_id;

--changeset desist:0070-audit-head-seal
-- The head's own seal: a MAC over last_seq and last_hash under the key named by key_id, so that nobody without
-- the key can cut rows off the end and move the head back. NULL only before the chain has been keyed.
ALTER TABLE audit_head ADD COLUMN key_id TEXT;
ALTER TABLE audit_head ADD COLUMN mac TEXT;
--rollback ALTER TABLE audit_head DROP COLUMN mac;
--rollback ALTER TABLE audit_head DROP COLUMN key_id;
