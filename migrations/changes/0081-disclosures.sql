--liquibase formatted sql

--changeset desist:0081-disclosure
-- The ledger of disclosures (disclosure/): one row per document handed out (a PDF, a CSV, an export), naming
-- the recipient (a person and their organisation), the purpose, the kind of document, the case it is about
-- (null for documents about no one case: a cohort or the programme), the cohort or site it is about where
-- that is its subject, and the SHA-256 of the exact bytes sent, so that a correction or an erasure can be
-- passed on to every recipient. It holds no clinical content. participant_id has no foreign key on purpose:
-- the ledger outlives the case's disposal (docs/data-protection.md).
CREATE TABLE disclosure (
    id                      TEXT PRIMARY KEY,
    participant_id          TEXT,
    kind                    TEXT NOT NULL CHECK (kind IN ('probation_summary', 'cps_summary', 'cohort_report_pdf',
                                'cohort_report_csv', 'programme_report_pdf', 'programme_comparison_csv',
                                'programme_export', 'review_agenda_pdf', 'subject_access')),
    cohort_id               TEXT,
    site_code               TEXT,
    recipient_name          TEXT NOT NULL,
    recipient_organisation  TEXT NOT NULL,
    purpose                 TEXT NOT NULL,
    content_sha256          TEXT NOT NULL,
    size_bytes              BIGINT NOT NULL,
    disclosed_at            TEXT NOT NULL,
    disclosed_by            TEXT NOT NULL
);
CREATE INDEX disclosure_participant ON disclosure (participant_id, disclosed_at);
CREATE INDEX disclosure_by ON disclosure (disclosed_by, disclosed_at);
--rollback DROP TABLE disclosure;
