--liquibase formatted sql

--changeset desist:0073-live-records
-- The live records: each clinical record that has not been entered in error, one view per clinical table,
-- so that "live" is defined once and every read that means it reads active_<table>. Writes, the amendment
-- history and the subject-access report (which holds entered-in-error records too) keep to the tables.
-- PostgreSQL fixes a view's * to the table's columns when the view is made, SQLite reads it afresh: a later
-- change to one of these tables' columns drops and remakes its view (LiveRecordsTest holds the two alike).
CREATE VIEW active_assessment AS SELECT * FROM assessment WHERE status = 'active';
CREATE VIEW active_desistance_review AS SELECT * FROM desistance_review WHERE status = 'active';
CREATE VIEW active_incident AS SELECT * FROM incident WHERE status = 'active';
CREATE VIEW active_legal_measure AS SELECT * FROM legal_measure WHERE status = 'active';
CREATE VIEW active_plan_action AS SELECT * FROM plan_action WHERE status = 'active';
CREATE VIEW active_service_referral AS SELECT * FROM service_referral WHERE status = 'active';
CREATE VIEW active_session AS SELECT * FROM session WHERE status = 'active';
CREATE VIEW active_victim_safety_concern AS SELECT * FROM victim_safety_concern WHERE status = 'active';
--rollback DROP VIEW active_victim_safety_concern;
--rollback DROP VIEW active_session;
--rollback DROP VIEW active_service_referral;
--rollback DROP VIEW active_plan_action;
--rollback DROP VIEW active_legal_measure;
--rollback DROP VIEW active_incident;
--rollback DROP VIEW active_desistance_review;
--rollback DROP VIEW active_assessment;
