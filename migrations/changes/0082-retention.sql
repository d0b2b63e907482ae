--liquibase formatted sql

--changeset desist:0082-retention-decision
-- The data protection officer's retention decisions on a closed case (retention/): retain until a day, for a
-- reason, or dispose. Rows are kept after disposal with their reason erased (it may quote the case), so who
-- decided what and when stays answerable; the audit rows name each decision by its id.
CREATE TABLE retention_decision (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    decision        TEXT NOT NULL CHECK (decision IN ('retain', 'dispose')),
    until_date      TEXT,
    reason          TEXT,
    decided_at      TEXT NOT NULL,
    decided_by      TEXT NOT NULL,
    CHECK ((decision = 'retain') = (until_date IS NOT NULL))
);
CREATE INDEX retention_decision_participant ON retention_decision (participant_id, decided_at);
--rollback DROP TABLE retention_decision;

--changeset desist:0082-legal-hold
-- A legal hold (litigation, an inquiry, a complaint) on a case: while one is open (lifted_at NULL) the case cannot
-- be disposed of. Disposal takes the participant's row lock, as does placing a hold, so the two cannot cross.
CREATE TABLE legal_hold (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participant (id),
    reason          TEXT,
    placed_at       TEXT NOT NULL,
    placed_by       TEXT NOT NULL,
    lifted_at       TEXT,
    lifted_by       TEXT
);
CREATE INDEX legal_hold_participant ON legal_hold (participant_id, lifted_at);
--rollback DROP TABLE legal_hold;

--changeset desist:0082-disposed-case
-- What is left of a disposed case: no identity, no content, only its reference, site, dates, the policy applied and
-- who decided. The participant's row stays (content-free: see retention/Disposal) for the figures already published.
CREATE TABLE disposed_case (
    participant_id  TEXT PRIMARY KEY REFERENCES participant (id),
    case_ref        TEXT NOT NULL,
    site_code       TEXT NOT NULL REFERENCES site (code),
    referred_on     TEXT,
    closed_on       TEXT NOT NULL,
    record_class    TEXT NOT NULL CHECK (record_class IN ('enrolled', 'not_enrolled')),
    policy          TEXT NOT NULL,
    review_due_on   TEXT NOT NULL,
    reviewed_on     TEXT NOT NULL,
    disposed_at     TEXT NOT NULL,
    decided_by      TEXT NOT NULL,
    decision_id     TEXT NOT NULL REFERENCES retention_decision (id)
);
--rollback DROP TABLE disposed_case;

--changeset desist:0082-erasable-columns-postgresql dbms:postgresql
-- Disposal keeps a content-free skeleton of the rows the published figures count (retention/Disposal) and NULLs
-- every identity and free-text column in them; these were NOT NULL. The API still requires them on every write.
ALTER TABLE participant ALTER COLUMN given_name DROP NOT NULL;
ALTER TABLE participant ALTER COLUMN family_name DROP NOT NULL;
ALTER TABLE participant ALTER COLUMN date_of_birth DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN referrer DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN behaviour DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN victim_ref DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN legal_status DROP NOT NULL;
ALTER TABLE session ALTER COLUMN facilitator DROP NOT NULL;
ALTER TABLE service_referral ALTER COLUMN provider DROP NOT NULL;
ALTER TABLE service_referral ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE service_referral_move ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE assessment ALTER COLUMN assessor DROP NOT NULL;
ALTER TABLE assessment ALTER COLUMN diagnoses DROP NOT NULL;
ALTER TABLE assessment ALTER COLUMN substance_misuse DROP NOT NULL;
ALTER TABLE incident ALTER COLUMN details DROP NOT NULL;
--rollback not possible once a disposal has written NULLs
