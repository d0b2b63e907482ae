--liquibase formatted sql

--changeset desist:0012-assessment
-- Psychiatric, psychological and risk assessments. The four Stalking Risk Profile domains are four
-- columns so cohort figures can aggregate each in SQL; diagnoses ([{system, code, label}]) and
-- substance misuse ([text]) are JSON arrays as text. Enums are stored as the API spells them
-- (instrument 'SRP', 'SAM'; diagnosis systems 'ICD-10', 'ICD-11' inside the JSON).
CREATE TABLE assessment (
    id                        TEXT PRIMARY KEY,
    participant_id            TEXT NOT NULL REFERENCES participant (id),
    kind                      TEXT NOT NULL CHECK (kind IN ('psychiatric', 'psychological', 'risk')),
    assessed_on               TEXT NOT NULL,
    assessor                  TEXT NOT NULL,
    instrument                TEXT NOT NULL CHECK (instrument IN ('SRP', 'SAM', 'clinical_interview', 'other')),
    risk_violence             TEXT NOT NULL CHECK (risk_violence IN ('low', 'moderate', 'high')),
    risk_persistence          TEXT NOT NULL CHECK (risk_persistence IN ('low', 'moderate', 'high')),
    risk_recurrence           TEXT NOT NULL CHECK (risk_recurrence IN ('low', 'moderate', 'high')),
    risk_psychosocial_damage  TEXT NOT NULL CHECK (risk_psychosocial_damage IN ('low', 'moderate', 'high')),
    overall_risk              TEXT NOT NULL CHECK (overall_risk IN ('low', 'moderate', 'high')),
    stalker_type              TEXT CHECK (stalker_type IN ('rejected', 'resentful', 'intimacy_seeking',
                                                           'incompetent_suitor', 'predatory')),
    relationship              TEXT CHECK (relationship IN ('ex_intimate', 'acquaintance', 'workplace',
                                                           'professional_contact', 'stranger', 'other')),
    diagnoses                 TEXT NOT NULL,
    substance_misuse          TEXT NOT NULL,
    formulation               TEXT,
    status                    TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason              TEXT,
    version                   INTEGER NOT NULL,
    recorded_at               TEXT NOT NULL,
    recorded_by               TEXT NOT NULL,
    amended_at                TEXT,
    amended_by                TEXT
);
CREATE INDEX assessment_participant ON assessment (participant_id, assessed_on);
--rollback DROP TABLE assessment;
