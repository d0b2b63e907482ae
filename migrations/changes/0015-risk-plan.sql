--liquibase formatted sql

--changeset desist:0015-plan-action
-- Actions of the risk management plan: who (agency, owner) does what by when. An action is open
-- until it is done or dropped, on a date and for a reason.
CREATE TABLE plan_action (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    action          TEXT NOT NULL,
    agency          TEXT NOT NULL CHECK (agency IN ('police', 'probation', 'health', 'advocacy', 'cps')),
    owner           TEXT NOT NULL,
    due_on          TEXT NOT NULL,
    review_on       TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('open', 'done', 'dropped')),
    closed_on       TEXT,
    close_reason    TEXT,
    closed_by       TEXT,
    status          TEXT NOT NULL CHECK (status IN ('active', 'entered_in_error')),
    error_reason    TEXT,
    version         INTEGER NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    amended_at      TEXT,
    amended_by      TEXT,
    CHECK ((state = 'open') = (closed_on IS NULL))
);
CREATE INDEX plan_action_participant ON plan_action (participant_id, due_on);
CREATE INDEX plan_action_open ON plan_action (state, due_on);
--rollback DROP TABLE plan_action;
