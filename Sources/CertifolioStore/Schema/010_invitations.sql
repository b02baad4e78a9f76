-- Issue 13: accounts opened for a whole cohort, each with a one-time link with which the person
-- sets their own password; resets (a new link) and deactivation by the gestionnaire.

-- Set when the gestionnaire deactivates the account: it can no longer sign in; nothing of it is
-- deleted (its evaluations and the audit trail name it).
ALTER TABLE user_account ADD COLUMN deactivated_at TEXT;
-- When its owner last chose a password (NULL: an invitation still pending).
ALTER TABLE user_account ADD COLUMN password_set_at TEXT;
UPDATE user_account SET password_set_at = created_at;

-- A one-time link: only the SHA-256 of its token is kept (the token is shown once, on screen or
-- in the CSV for the certifier's mailing). Used once, before it expires; a new link for the same
-- account voids the earlier ones.
CREATE TABLE account_link (
    token_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(token_sha256) = 64),
    account_id INTEGER NOT NULL REFERENCES user_account(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'reinitialisation')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    voided_at TEXT
) STRICT;
CREATE INDEX account_link_account ON account_link(account_id);
