--liquibase formatted sql

--changeset desist:0066-credential-version
-- Moves on every change to an account's credentials or rights (password set, reset or changed, disabled,
-- enabled, roles or sites changed). Each instance checks it on every request, so a change made on one
-- instance holds on all of them at once, whatever they have cached.
ALTER TABLE app_user ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0;
--rollback ALTER TABLE app_user DROP COLUMN credential_version;

--changeset desist:0066-temporary-password
-- A password set by an administrator is temporary: it must be changed at the next sign-in, and stops
-- working at password_expires_at, so the administrator never knows a working password for long.
ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE app_user ADD COLUMN password_expires_at TEXT;
--rollback ALTER TABLE app_user DROP COLUMN password_expires_at;
--rollback ALTER TABLE app_user DROP COLUMN must_change_password;
