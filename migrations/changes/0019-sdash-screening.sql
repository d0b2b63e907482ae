--liquibase formatted sql

--changeset desist:0019-screening-question
-- Reference data: the wording of each triage screening question, kept here rather than in code.
-- S-DASH is the police stalking screening of the DASH risk checklist: eleven yes/no questions.
CREATE TABLE screening_question (
    instrument  TEXT NOT NULL,
    key         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    wording     TEXT NOT NULL,
    PRIMARY KEY (instrument, key),
    UNIQUE (instrument, position)
);
INSERT INTO screening_question (instrument, key, position, wording) VALUES
    ('S-DASH', 'q1', 1, 'Is the victim very frightened?'),
    ('S-DASH', 'q2', 2, 'Is there previous domestic abuse or stalking and harassment history?'),
    ('S-DASH', 'q3', 3, 'Has the stalker vandalised or destroyed property?'),
    ('S-DASH', 'q4', 4, 'Has the stalker turned up unannounced more than three times a week?'),
    ('S-DASH', 'q5', 5, 'Has the stalker followed the victim or loitered near the victim?'),
    ('S-DASH', 'q6', 6, 'Has the stalker threatened physical or sexual violence?'),
    ('S-DASH', 'q7', 7, 'Has the stalker been harassing any third party since the harassment began (i.e. friends, family, children, colleagues, partners or other)?'),
    ('S-DASH', 'q8', 8, 'Has the stalker acted violently to anyone else during the stalking incident?'),
    ('S-DASH', 'q9', 9, 'Has the stalker engaged others to help (wittingly or unwittingly)?'),
    ('S-DASH', 'q10', 10, 'Has the stalker had problems in the past year with drugs, alcohol or mental health?'),
    ('S-DASH', 'q11', 11, 'Has the stalker ever been violent in the past?');
--rollback DROP TABLE screening_question;

--changeset desist:0019-referral-screening
-- The screening answered at a referral's daily review: at most one per referral, written with the review.
CREATE TABLE referral_screening (
    referral_id  TEXT PRIMARY KEY REFERENCES referral (id),
    instrument   TEXT NOT NULL CHECK (instrument IN ('S-DASH')),
    q1           INTEGER NOT NULL CHECK (q1 IN (0, 1)),
    q2           INTEGER NOT NULL CHECK (q2 IN (0, 1)),
    q3           INTEGER NOT NULL CHECK (q3 IN (0, 1)),
    q4           INTEGER NOT NULL CHECK (q4 IN (0, 1)),
    q5           INTEGER NOT NULL CHECK (q5 IN (0, 1)),
    q6           INTEGER NOT NULL CHECK (q6 IN (0, 1)),
    q7           INTEGER NOT NULL CHECK (q7 IN (0, 1)),
    q8           INTEGER NOT NULL CHECK (q8 IN (0, 1)),
    q9           INTEGER NOT NULL CHECK (q9 IN (0, 1)),
    q10          INTEGER NOT NULL CHECK (q10 IN (0, 1)),
    q11          INTEGER NOT NULL CHECK (q11 IN (0, 1)),
    yes_count    INTEGER NOT NULL,
    CHECK (yes_count = q1 + q2 + q3 + q4 + q5 + q6 + q7 + q8 + q9 + q10 + q11)
);
--rollback DROP TABLE referral_screening;
