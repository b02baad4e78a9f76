-- Issue 13: the certifier's directory of jury members, reused from one session to the next, and
-- linked to évaluateur accounts so that a member steps aside for the candidates they evaluated
-- whatever way their name was typed.

-- One entry per person: `name_key` is the name folded as `PersonName` folds it (case, accents,
-- punctuation and civility ignored), so that "Mme Claire Dubois" and "claire DUBOIS" are one entry.
CREATE TABLE jury_person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    name_key TEXT NOT NULL UNIQUE CHECK (name_key <> ''),
    -- External to the certifier and the training centre: the default when the person is added to a session.
    external INTEGER NOT NULL CHECK (external IN (0, 1)),
    -- The person's évaluateur account, if any: what that account recorded makes them step aside.
    account_id INTEGER UNIQUE REFERENCES user_account(id),
    -- 1: added to the directory itself; 0: came with a session membership, and leaves the directory
    -- when that membership is withdrawn and no other remains (a name typed by mistake).
    listed INTEGER NOT NULL CHECK (listed IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

-- The directory entry of a session member (NULL for members of sessions held before the directory:
-- a closed session never changes).
ALTER TABLE jury_member ADD COLUMN person_id INTEGER REFERENCES jury_person(id);

-- The web account that recorded an evaluation (NULL: imported from a file, or recorded before).
ALTER TABLE evaluation_event ADD COLUMN recorded_by_account INTEGER REFERENCES user_account(id);
CREATE INDEX evaluation_event_account ON evaluation_event(recorded_by_account) WHERE recorded_by_account IS NOT NULL;
