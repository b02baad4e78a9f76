-- Issue 15 (RGPD): personal data past its retention period (docs/decisions.md, "Retention").
-- `gdpr purge --as-of` anonymises and erases; the rows stay, since decisions, statistics and the
-- audit chain refer to them, and each purge is recorded with what it did.

CREATE TABLE gdpr_purge (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL CHECK (as_of IS date(as_of)),
    purged_at TEXT NOT NULL,
    actor TEXT NOT NULL
) STRICT;

-- A candidate whose identity was anonymised (never a holder of the title or of a block, and
-- inactive for the stated period). Their rectifications' before and after go with it.
CREATE TABLE anonymised_candidate (
    candidate_id TEXT PRIMARY KEY NOT NULL REFERENCES candidate(id),
    purge_id INTEGER NOT NULL REFERENCES gdpr_purge(id)
) STRICT;

-- A deposited file whose content was erased from the vault and whose name was blanked. Its row,
-- size and SHA-256 stay: the deposit happened, and what was handed in can still be proven.
CREATE TABLE erased_file (
    deposit INTEGER NOT NULL,
    position INTEGER NOT NULL,
    purge_id INTEGER NOT NULL REFERENCES gdpr_purge(id),
    PRIMARY KEY (deposit, position),
    FOREIGN KEY (deposit, position) REFERENCES deposit_file (deposit, position)
) STRICT;

-- An account anonymised: its address and name replaced, its password unusable.
CREATE TABLE anonymised_account (
    account_id INTEGER PRIMARY KEY NOT NULL REFERENCES user_account(id),
    purge_id INTEGER NOT NULL REFERENCES gdpr_purge(id)
) STRICT;

-- The append-only tables stay append-only, but for the purge's one change: a file's name
-- blanked once its erasure is recorded, a rectification's values once its candidate is.
DROP TRIGGER deposit_file_no_update;
CREATE TRIGGER deposit_file_no_update BEFORE UPDATE ON deposit_file
WHEN NOT (NEW.deposit = OLD.deposit AND NEW.position = OLD.position AND NEW.kind = OLD.kind
          AND NEW.size = OLD.size AND NEW.sha256 = OLD.sha256
          AND EXISTS (SELECT 1 FROM erased_file e WHERE e.deposit = OLD.deposit AND e.position = OLD.position))
BEGIN SELECT RAISE(ABORT, 'deposit_file is append-only'); END;

DROP TRIGGER candidate_rectification_no_update;
CREATE TRIGGER candidate_rectification_no_update BEFORE UPDATE ON candidate_rectification
WHEN NOT (NEW.id = OLD.id AND NEW.candidate_id = OLD.candidate_id AND NEW.rectified_at = OLD.rectified_at
          AND NEW.actor = OLD.actor
          AND EXISTS (SELECT 1 FROM anonymised_candidate a WHERE a.candidate_id = OLD.candidate_id))
BEGIN SELECT RAISE(ABORT, 'candidate_rectification is append-only'); END;
