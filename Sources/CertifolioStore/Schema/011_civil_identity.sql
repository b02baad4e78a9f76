-- Issue 14 (and the parchemin's birth place of issue 13): the holder's civil identity, as the
-- civil-status record writes it and the Caisse des Dépôts matches holders on (contract §8). Each
-- column is optional: candidates recorded before keep their records; NULL is "not given".

-- NULL: family_name is the birth name.
ALTER TABLE candidate ADD COLUMN birth_name TEXT CHECK (birth_name <> '');
ALTER TABLE candidate ADD COLUMN usage_name TEXT CHECK (usage_name <> '');
-- Space-separated, in civil-status order.
ALTER TABLE candidate ADD COLUMN first_names TEXT CHECK (first_names <> '');
ALTER TABLE candidate ADD COLUMN sex TEXT CHECK (sex IN ('M', 'F'));
-- An INSEE commune code for a birth in France; abroad, an optional postal code.
ALTER TABLE candidate ADD COLUMN birth_place_code TEXT CHECK (birth_place_code <> '');
ALTER TABLE candidate ADD COLUMN birth_place TEXT CHECK (birth_place <> '');
-- NULL: born in France. Otherwise the INSEE country code without its "99".
ALTER TABLE candidate ADD COLUMN birth_country_code TEXT CHECK (birth_country_code GLOB '[1-5][0-9][0-9]');
ALTER TABLE candidate ADD COLUMN birth_country TEXT CHECK (birth_country <> '');
ALTER TABLE candidate ADD COLUMN postal_address TEXT CHECK (postal_address <> '');

-- Append-only: each change of a recorded identity (the gestionnaire's rectification, or a cohort
-- file that completes columns left empty), with what the record said before and after, as JSON
-- objects keyed by the candidates.csv column names. The legal record keeps what it said before.
CREATE TABLE candidate_rectification (
    id INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    rectified_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason <> ''),
    before TEXT NOT NULL CHECK (json_valid(before)),
    after TEXT NOT NULL CHECK (json_valid(after))
) STRICT;
CREATE INDEX candidate_rectification_candidate ON candidate_rectification(candidate_id);
CREATE TRIGGER candidate_rectification_no_update BEFORE UPDATE ON candidate_rectification
BEGIN SELECT RAISE(ABORT, 'candidate_rectification is append-only'); END;
CREATE TRIGGER candidate_rectification_no_delete BEFORE DELETE ON candidate_rectification
BEGIN SELECT RAISE(ABORT, 'candidate_rectification is append-only'); END;
