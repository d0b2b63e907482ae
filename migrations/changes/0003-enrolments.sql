--liquibase formatted sql

--changeset desist:0003-enrolment
CREATE TABLE enrolment (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    cohort_id       TEXT NOT NULL REFERENCES cohort (id),
    state           TEXT NOT NULL CHECK (state IN ('referred', 'assessing', 'enrolled', 'completed', 'withdrawn',
                                                   'disengaged', 'breached', 'transferred', 'not_suitable')),
    state_on        TEXT NOT NULL,
    -- 1 while the enrolment can still move; a participant holds at most one open enrolment
    is_open         INTEGER NOT NULL CHECK (is_open IN (0, 1)),
    -- the day the participant first reached 'enrolled': counts toward the cohort's target
    enrolled_on     TEXT,
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX enrolment_one_open ON enrolment (participant_id) WHERE is_open = 1;
CREATE INDEX enrolment_cohort ON enrolment (cohort_id, state);
--rollback DROP TABLE enrolment;

--changeset desist:0003-reason-code
-- Reference data: why an enrolment moved. Two levels, category/reason.
CREATE TABLE reason_code (
    code      TEXT PRIMARY KEY,
    category  TEXT NOT NULL,
    reason    TEXT NOT NULL,
    label     TEXT NOT NULL
);
INSERT INTO reason_code (code, category, reason, label) VALUES
    ('motivation/declined_to_engage', 'motivation', 'declined_to_engage', 'Declined to engage with the programme'),
    ('motivation/lost_contact', 'motivation', 'lost_contact', 'Stopped attending and could not be contacted'),
    ('motivation/withdrew_consent', 'motivation', 'withdrew_consent', 'Withdrew consent to take part'),
    ('operational/moved_area', 'operational', 'moved_area', 'Moved out of the site''s area'),
    ('operational/transferred_service', 'operational', 'transferred_service', 'Transferred to another service or site'),
    ('operational/programme_capacity', 'operational', 'programme_capacity', 'No place available in the programme'),
    ('sentence/recalled', 'sentence', 'recalled', 'Recalled to custody'),
    ('sentence/custody', 'sentence', 'custody', 'Remanded or sentenced to custody'),
    ('sentence/order_ended', 'sentence', 'order_ended', 'Court order or licence ended'),
    ('sentence/breach_proceedings', 'sentence', 'breach_proceedings', 'Breach proceedings started'),
    ('clinical/needs_not_met', 'clinical', 'needs_not_met', 'Needs better met by another service'),
    ('clinical/risk_too_high', 'clinical', 'risk_too_high', 'Risk cannot be managed in the community programme'),
    ('clinical/acute_illness', 'clinical', 'acute_illness', 'Acute mental illness requiring other care'),
    ('clinical/criteria_not_met', 'clinical', 'criteria_not_met', 'Does not meet the programme''s criteria'),
    ('completion/goals_met', 'completion', 'goals_met', 'Completed the intervention with its goals met'),
    ('completion/planned_end', 'completion', 'planned_end', 'Reached the planned end of the intervention');
--rollback DROP TABLE reason_code;

--changeset desist:0003-enrolment-event
CREATE TABLE enrolment_event (
    id            TEXT PRIMARY KEY,
    enrolment_id  TEXT NOT NULL REFERENCES enrolment (id),
    seq           INTEGER NOT NULL,
    state         TEXT NOT NULL,
    on_date       TEXT NOT NULL,
    reason        TEXT,
    reason_code   TEXT REFERENCES reason_code (code),
    actor         TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    UNIQUE (enrolment_id, seq)
);
--rollback DROP TABLE enrolment_event;
