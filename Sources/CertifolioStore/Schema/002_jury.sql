-- Jury sessions (members, convocations, decisions being entered) and the audit trail.
-- Released migrations are never edited: a change is a new numbered file.

CREATE TABLE jury_session (
    id INTEGER PRIMARY KEY,
    certification TEXT NOT NULL REFERENCES certification(code),
    date TEXT NOT NULL CHECK (date IS date(date)),
    place TEXT NOT NULL CHECK (place <> ''),
    created_at TEXT NOT NULL,
    -- Set once by closing; from then on nothing of the session changes.
    closed_at TEXT
) STRICT;

CREATE TABLE jury_member (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES jury_session(id),
    name TEXT NOT NULL CHECK (name <> ''),
    role TEXT NOT NULL,
    external INTEGER NOT NULL CHECK (external IN (0, 1)),
    UNIQUE (session_id, name)
) STRICT;

CREATE TABLE jury_convocation (
    session_id INTEGER NOT NULL REFERENCES jury_session(id),
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    convoked_at TEXT NOT NULL,
    PRIMARY KEY (session_id, candidate_id)
) STRICT;

-- Decisions entered while a session is open. They count for nothing until the session is
-- closed: closing copies them to jury_decision (dated the session date) and removes them.
-- Entering a decision again for the same component replaces the draft.
CREATE TABLE jury_draft_decision (
    session_id INTEGER NOT NULL,
    candidate_id TEXT NOT NULL,
    component TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('valide', 'ajourne', 'absent')),
    motive TEXT,
    revokes_decision_id INTEGER REFERENCES jury_decision(id),
    revocation_reason TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, candidate_id, component),
    FOREIGN KEY (session_id, candidate_id) REFERENCES jury_convocation(session_id, candidate_id),
    CHECK ((revokes_decision_id IS NULL) = (revocation_reason IS NULL))
) STRICT;

-- The session a decision was taken in (NULL for decisions.csv lines). A decision that revokes
-- another decision of the same session is an amendment (avenant) to that session.
ALTER TABLE jury_decision ADD COLUMN session_id INTEGER REFERENCES jury_session(id);
CREATE INDEX jury_decision_session ON jury_decision(session_id);

-- A closed session is locked: its row, members, convocations and drafts never change again.
CREATE TRIGGER jury_session_locked BEFORE UPDATE ON jury_session WHEN OLD.closed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_session_no_delete BEFORE DELETE ON jury_session
BEGIN SELECT RAISE(ABORT, 'jury sessions are never deleted'); END;
CREATE TRIGGER jury_member_locked_insert BEFORE INSERT ON jury_member
WHEN (SELECT closed_at FROM jury_session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_member_locked_update BEFORE UPDATE ON jury_member
WHEN (SELECT closed_at FROM jury_session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_member_locked_delete BEFORE DELETE ON jury_member
WHEN (SELECT closed_at FROM jury_session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_convocation_locked_insert BEFORE INSERT ON jury_convocation
WHEN (SELECT closed_at FROM jury_session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_convocation_locked_delete BEFORE DELETE ON jury_convocation
WHEN (SELECT closed_at FROM jury_session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_draft_locked_insert BEFORE INSERT ON jury_draft_decision
WHEN (SELECT closed_at FROM jury_session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_draft_locked_update BEFORE UPDATE ON jury_draft_decision
WHEN (SELECT closed_at FROM jury_session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;
CREATE TRIGGER jury_draft_locked_delete BEFORE DELETE ON jury_draft_decision
WHEN (SELECT closed_at FROM jury_session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jury session is closed'); END;

-- The audit trail: one entry per write, each carrying the SHA-256 of the previous one.
-- Ids run 1, 2, 3… without gaps; audit_head keeps the count and the last hash so that
-- removing the last entries is detected too.
CREATE TABLE audit_entry (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;

CREATE TABLE audit_head (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    entries INTEGER NOT NULL,
    last_hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;
