-- Issue 13: what a jury president signs and a parchemin anyone can verify.

-- Who presides a session (when the fiche names no presiding role, the session designates one
-- of its members) and who was excused (recorded on the PV; an excused member fills no seat).
ALTER TABLE jury_member ADD COLUMN presides INTEGER NOT NULL DEFAULT 0 CHECK (presides IN (0, 1));
ALTER TABLE jury_member ADD COLUMN excused INTEGER NOT NULL DEFAULT 0 CHECK (excused IN (0, 1));
CREATE UNIQUE INDEX jury_member_one_president ON jury_member(session_id) WHERE presides = 1;

-- The certifier's own particulars, which no fiche publishes: postal address, the town its
-- documents are made in, who signs for it, the appeal mention its documents carry and the
-- address where a parchemin is verified. One row per certifier (by SIRET); replaced whole.
CREATE TABLE certifier_profile (
    siret TEXT PRIMARY KEY NOT NULL CHECK (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*'),
    address TEXT NOT NULL CHECK (address <> ''),
    city TEXT NOT NULL CHECK (city <> ''),
    signatory_name TEXT NOT NULL CHECK (signatory_name <> ''),
    signatory_quality TEXT NOT NULL CHECK (signatory_quality <> ''),
    appeal TEXT NOT NULL CHECK (appeal <> ''),
    verification_url TEXT NOT NULL CHECK (verification_url GLOB 'http*://*'),
    updated_at TEXT NOT NULL
) STRICT;

-- The register of parchemins: one line per award (a candidate's title awarded by a jury
-- decision), numbered per certification and year of award, issued once. The PDF is made at
-- issue and kept in the file vault under its SHA-256; later downloads return that same file.
CREATE TABLE parchemin (
    serial TEXT PRIMARY KEY NOT NULL,
    certification TEXT NOT NULL REFERENCES certification(code),
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    -- The title decision that awarded it: one parchemin per award, never two.
    decision_id INTEGER NOT NULL UNIQUE REFERENCES jury_decision(id),
    awarded_on TEXT NOT NULL CHECK (awarded_on IS date(awarded_on)),
    verification_code TEXT NOT NULL UNIQUE CHECK (length(verification_code) = 12),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size INTEGER NOT NULL CHECK (size > 0),
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    UNIQUE (certification, year, sequence)
) STRICT;
CREATE INDEX parchemin_candidate ON parchemin(candidate_id);
CREATE TRIGGER parchemin_no_update BEFORE UPDATE ON parchemin
BEGIN SELECT RAISE(ABORT, 'parchemin is append-only: a revocation annuls it, nothing rewrites it'); END;
CREATE TRIGGER parchemin_no_delete BEFORE DELETE ON parchemin
BEGIN SELECT RAISE(ABORT, 'parchemin is append-only'); END;
