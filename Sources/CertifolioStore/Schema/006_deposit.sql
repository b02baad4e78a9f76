-- Deposits (issue 12): a candidate hands in one or more files for an épreuve the référentiel
-- marks `submission: document`. Each deposit is a new version; none is ever changed or removed.
-- A file's content is kept beside the database under its SHA-256 (`<db>.files/sha256/ab/abcd…`),
-- written and flushed to disk before the transaction that records it commits.

CREATE TABLE deposit (
    id INTEGER PRIMARY KEY,
    candidate TEXT NOT NULL REFERENCES candidate (id),
    component TEXT NOT NULL CHECK (component <> ''),
    modality TEXT NOT NULL CHECK (modality <> ''),
    version INTEGER NOT NULL CHECK (version >= 1),
    -- The moment it was made, Paris time ("2027-05-28T11:42"), and the deadline then in force.
    deposited_at TEXT NOT NULL CHECK (deposited_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-2][0-9]:[0-5][0-9]'),
    deadline TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-2][0-9]:[0-5][0-9]'),
    actor TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (candidate, component, modality, version)
) STRICT;

CREATE TABLE deposit_file (
    deposit INTEGER NOT NULL REFERENCES deposit (id),
    position INTEGER NOT NULL CHECK (position >= 1),
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'odt', 'docx')),
    size INTEGER NOT NULL CHECK (size > 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    PRIMARY KEY (deposit, position)
) STRICT;
CREATE INDEX deposit_file_sha256 ON deposit_file (sha256);

CREATE TRIGGER deposit_no_update BEFORE UPDATE ON deposit
BEGIN SELECT RAISE(ABORT, 'deposit is append-only: deposit a new version instead'); END;
CREATE TRIGGER deposit_no_delete BEFORE DELETE ON deposit
BEGIN SELECT RAISE(ABORT, 'deposit is append-only: deposit a new version instead'); END;
CREATE TRIGGER deposit_file_no_update BEFORE UPDATE ON deposit_file
BEGIN SELECT RAISE(ABORT, 'deposit_file is append-only'); END;
CREATE TRIGGER deposit_file_no_delete BEFORE DELETE ON deposit_file
BEGIN SELECT RAISE(ABORT, 'deposit_file is append-only'); END;

-- The gestionnaire's extension of one candidate's deadline for one épreuve: the latest granted
-- is in force; each grant is in the audit trail with its reason and what it replaced.
CREATE TABLE deadline_extension (
    candidate TEXT NOT NULL REFERENCES candidate (id),
    component TEXT NOT NULL CHECK (component <> ''),
    modality TEXT NOT NULL CHECK (modality <> ''),
    until TEXT NOT NULL CHECK (until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-2][0-9]:[0-5][0-9]'),
    reason TEXT NOT NULL CHECK (reason <> ''),
    granted_by TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (candidate, component, modality)
) STRICT;
