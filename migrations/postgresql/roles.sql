-- Desist on PostgreSQL: an owner role that runs migrations, and an application role that the service runs as.
-- Not a migration (Liquibase never runs it): run it with psql as a superuser, in Desist's database,
--   1. once before the first `db migrate`, to create the roles and set what tables created later grant;
--   2. again after every `db migrate`, to re-apply the grants (it is idempotent, and cheap).
--
--   PGOPTIONS='-c desist.owner_role=desist_owner -c desist.app_role=desist_app' \
--     psql -v ON_ERROR_STOP=1 -h db.example -U postgres -d desist -f migrations/postgresql/roles.sql
--
-- The names default to desist_owner and desist_app. The roles are created without passwords: give them
-- some with \password (or use certificates); the application's must be different from the owner's.
--
-- The owner owns every table (it created them); only it (or a superuser) can ALTER, DROP or disable triggers.
-- The application role owns nothing and is no member of the owner: it reads and writes the application's
-- tables, may only SELECT and INSERT the audit log (no UPDATE, DELETE or TRUNCATE) and SELECT and UPDATE its
-- head, and may read Liquibase's bookkeeping but not change it. So the credentials the running service holds
-- cannot rewrite the audit log, nor switch off the triggers that refuse to, nor drop the log.
DO $roles$
DECLARE
    owner_role text := coalesce(nullif(current_setting('desist.owner_role', true), ''), 'desist_owner');
    app_role   text := coalesce(nullif(current_setting('desist.app_role', true), ''), 'desist_app');
BEGIN
    IF owner_role = app_role THEN
        RAISE EXCEPTION 'the owner and the application need two different roles, not both %', owner_role;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = owner_role) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', owner_role);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', app_role);
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', owner_role);
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', app_role);
    IF pg_has_role(app_role, owner_role, 'MEMBER') THEN
        RAISE EXCEPTION 'the application role % is a member of the owner % and could act as it: revoke that first',
            app_role, owner_role;
    END IF;

    -- the schema: the owner creates in it, the application only uses it, nobody else creates anything
    EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA public TO %I', owner_role);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I, %I', current_database(), owner_role, app_role);

    -- tables and sequences the owner creates from now on are the application's to use at once, so an upgrade
    -- whose grant step was forgotten still serves; the audit tables' limits are re-applied below by step 2
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public'
        || ' GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', owner_role, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public'
        || ' GRANT USAGE, SELECT ON SEQUENCES TO %I', owner_role, app_role);

    -- the tables that exist now
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
    IF to_regclass('public.audit_event') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON audit_event FROM %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT ON audit_event TO %I', app_role);
        EXECUTE format('REVOKE ALL ON audit_head FROM %I', app_role);
        EXECUTE format('GRANT SELECT, UPDATE ON audit_head TO %I', app_role);
    END IF;
    IF to_regclass('public.databasechangelog') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON databasechangelog, databasechangeloglock FROM %I', app_role);
        EXECUTE format('GRANT SELECT ON databasechangelog, databasechangeloglock TO %I', app_role);
    END IF;
    -- migrations run by a superuser before this split: hand the tables to the owner
    PERFORM 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner <> owner_role;
    IF FOUND THEN
        RAISE NOTICE 'some tables in public are not owned by %: ALTER TABLE ... OWNER TO % for each (docs/operations.md)',
            owner_role, owner_role;
    END IF;
END
$roles$;
