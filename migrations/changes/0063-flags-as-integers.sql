--liquibase formatted sql

--changeset desist:0063-session-shareable-integer dbms:postgresql
-- Flags are INTEGER 0/1 on every database (Databases binds Java booleans that way). session.shareable was
-- declared BOOLEAN, which SQLite stores as 0/1 anyway; PostgreSQL needs it to be an integer to match.
ALTER TABLE session ALTER COLUMN shareable TYPE INTEGER USING shareable::integer;
ALTER TABLE session ADD CONSTRAINT session_shareable_flag CHECK (shareable IN (0, 1));
--rollback ALTER TABLE session DROP CONSTRAINT session_shareable_flag;
--rollback ALTER TABLE session ALTER COLUMN shareable TYPE BOOLEAN USING shareable <> 0;
