--liquibase formatted sql

--changeset desist:0071-participant-merged-into
-- A participant found to be a duplicate of another is merged into it, never deleted: its row stays (with its
-- identity versions) so the merged id can still answer 410 Gone naming the survivor, and the audit trail of
-- the merge keeps both identities. Live participants are those with merged_into NULL.
ALTER TABLE participant ADD COLUMN merged_into TEXT REFERENCES participant (id);
ALTER TABLE participant ADD COLUMN merged_at TEXT;
ALTER TABLE participant ADD COLUMN merged_by TEXT;
ALTER TABLE participant ADD COLUMN merge_reason TEXT;
--rollback ALTER TABLE participant DROP COLUMN merge_reason;
--rollback ALTER TABLE participant DROP COLUMN merged_by;
--rollback ALTER TABLE participant DROP COLUMN merged_at;
--rollback ALTER TABLE participant DROP COLUMN merged_into;
