--liquibase formatted sql

--changeset desist:0001-site
CREATE TABLE site (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    model       TEXT NOT NULL CHECK (model IN ('threat_assessment_centre', 'clinic_treatment', 'multi_agency_panel')),
    created_at  TEXT NOT NULL
);
--rollback DROP TABLE site;

--changeset desist:0001-cohort
CREATE TABLE cohort (
    id          TEXT PRIMARY KEY,
    site_code   TEXT NOT NULL REFERENCES site (code),
    name        TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    target      INTEGER NOT NULL CHECK (target > 0),
    created_at  TEXT NOT NULL,
    CHECK (starts_on <= ends_on)
);
CREATE INDEX cohort_site ON cohort (site_code);
--rollback DROP TABLE cohort;
