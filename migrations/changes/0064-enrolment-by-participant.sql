--liquibase formatted sql

--changeset desist:0064-enrolment-by-participant
-- A case's enrolments (its case summary, subject access, progress) were found by scanning every enrolment:
-- only open ones were indexed by participant. 47 ms a summary at 50,000 participants, growing with the table.
CREATE INDEX enrolment_participant ON enrolment (participant_id, created_at);
--rollback DROP INDEX enrolment_participant;
