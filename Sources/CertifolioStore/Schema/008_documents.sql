-- Documents issued (issue 13): each printed PV gets a number, and its SHA-256 is kept with the
-- issue and in the audit trail, so that a paper copy can be tied to the record. Never changed.

CREATE TABLE issued_document (
    number TEXT PRIMARY KEY NOT NULL CHECK (number <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('pv')),
    subject TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL
) STRICT;
CREATE TRIGGER issued_document_no_update BEFORE UPDATE ON issued_document
BEGIN SELECT RAISE(ABORT, 'issued_document is append-only'); END;
CREATE TRIGGER issued_document_no_delete BEFORE DELETE ON issued_document
BEGIN SELECT RAISE(ABORT, 'issued_document is append-only'); END;
