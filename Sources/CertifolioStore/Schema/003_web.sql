-- Web accounts, the cohorts an évaluateur is assigned to, and the comment an évaluateur may
-- add to an evaluation entered on the web.

CREATE TABLE user_account (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
    display_name TEXT NOT NULL CHECK (display_name <> ''),
    role TEXT NOT NULL CHECK (role IN ('candidat', 'evaluateur', 'gestionnaire', 'secretaire')),
    -- A candidate's account reads exactly one record; other roles read none by identity.
    candidate_id TEXT UNIQUE REFERENCES candidate(id),
    -- bcrypt, as written by hummingbird-auth's Bcrypt.hash.
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK ((role = 'candidat') = (candidate_id IS NOT NULL))
) STRICT;

CREATE TABLE evaluator_cohort (
    user_id INTEGER NOT NULL REFERENCES user_account(id),
    cohort TEXT NOT NULL CHECK (cohort <> ''),
    PRIMARY KEY (user_id, cohort)
) STRICT;

ALTER TABLE evaluation_event ADD COLUMN comment TEXT;
