--liquibase formatted sql

--changeset desist:0006-participant-version
-- Every version of a participant's identity, the first included: amendments never erase what was held.
CREATE TABLE participant_version (
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    version         INTEGER NOT NULL,
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    date_of_birth   TEXT NOT NULL,
    pnc_id          TEXT,
    nhs_number      TEXT,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    PRIMARY KEY (participant_id, version)
);
INSERT INTO participant_version (participant_id, version, given_name, family_name, date_of_birth, pnc_id, nhs_number,
                                 recorded_at, recorded_by)
SELECT id, version, given_name, family_name, date_of_birth, pnc_id, nhs_number, updated_at, 'unknown'
FROM participant;
--rollback DROP TABLE participant_version;
