-- Issue 14: what the certifier owes the State — the CPF "accrochage" of every holder (Code du
-- travail L6113-8, within three months of the award) and the insertion surveys behind the fiche's
-- statistics.

-- The certifier's identifiers at the Caisse des Dépôts, one row.
CREATE TABLE cpf_settings (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    emitter TEXT NOT NULL CHECK (length(emitter) = 8),
    certifier TEXT NOT NULL CHECK (length(certifier) = 8),
    contract TEXT NOT NULL CHECK (length(contract) BETWEEN 1 AND 20),
    depositor TEXT NOT NULL CHECK (depositor IN ('certificateur', 'tiers_confiance')),
    updated_at TEXT NOT NULL
) STRICT;

-- One passage per award (a title `valide` decision), with the certifier's stable id of it: the
-- Caisse's reports quote it, and a refused passage is sent again under the same id.
CREATE TABLE cpf_passage (
    id_technique TEXT PRIMARY KEY NOT NULL CHECK (length(id_technique) BETWEEN 1 AND 255),
    decision_id INTEGER NOT NULL UNIQUE REFERENCES jury_decision(id),
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    created_at TEXT NOT NULL
) STRICT;

-- Each flux written (the file's id, its SHA-256, how many passages).
CREATE TABLE cpf_flux (
    id TEXT PRIMARY KEY NOT NULL,
    written_at TEXT NOT NULL,
    as_of TEXT NOT NULL CHECK (as_of IS date(as_of)),
    passages INTEGER NOT NULL CHECK (passages > 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    actor TEXT NOT NULL
) STRICT;

-- Append-only: what happened to each passage — sent in a flux, accepted or refused (with the
-- Caisse's message) by a report. Its status is the latest row.
CREATE TABLE cpf_passage_event (
    id INTEGER PRIMARY KEY,
    id_technique TEXT NOT NULL REFERENCES cpf_passage(id_technique),
    status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'refused')),
    flux_id TEXT REFERENCES cpf_flux(id),
    report TEXT,
    message TEXT,
    at TEXT NOT NULL,
    CHECK ((status = 'sent') = (flux_id IS NOT NULL)),
    CHECK ((status = 'refused') = (message IS NOT NULL))
) STRICT;
CREATE INDEX cpf_passage_event_passage ON cpf_passage_event(id_technique);
CREATE TRIGGER cpf_passage_event_no_update BEFORE UPDATE ON cpf_passage_event
BEGIN SELECT RAISE(ABORT, 'cpf_passage_event is append-only'); END;
CREATE TRIGGER cpf_passage_event_no_delete BEFORE DELETE ON cpf_passage_event
BEGIN SELECT RAISE(ABORT, 'cpf_passage_event is append-only'); END;

-- Insertion surveys, one answer per holder and horizon (6 months, 2 years); a new answer for the
-- same holder and horizon replaces nothing: the latest counts.
CREATE TABLE insertion_survey (
    id INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    surveyed_on TEXT NOT NULL CHECK (surveyed_on IS date(surveyed_on)),
    horizon TEXT NOT NULL CHECK (horizon IN ('6m', '2y')),
    situation TEXT NOT NULL CHECK (situation IN ('emploi', 'recherche', 'inactif', 'etudes', 'alternance',
                                                 'inapte', 'etranger', 'sans_reponse')),
    target_job INTEGER CHECK (target_job IN (0, 1)),
    contract TEXT CHECK (contract IN ('cdi', 'cdd', 'interim', 'independant', 'fonctionnaire', 'autre')),
    recorded_at TEXT NOT NULL,
    batch TEXT NOT NULL
) STRICT;
CREATE INDEX insertion_survey_candidate ON insertion_survey(candidate_id);
CREATE TRIGGER insertion_survey_no_update BEFORE UPDATE ON insertion_survey
BEGIN SELECT RAISE(ABORT, 'insertion_survey is append-only'); END;
CREATE TRIGGER insertion_survey_no_delete BEFORE DELETE ON insertion_survey
BEGIN SELECT RAISE(ABORT, 'insertion_survey is append-only'); END;

-- The Caisse's name of each access route (`modaliteAcces`), from the référentiel's `cpf:` key;
-- NULL for a référentiel imported before it (re-importing it under the same version completes it).
ALTER TABLE access_route ADD COLUMN cpf_access TEXT CHECK (cpf_access IN (
    'FORMATION_INITIALE_HORS_APPRENTISSAGE', 'FORMATION_INITIALE_APPRENTISSAGE',
    'FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION', 'FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION',
    'VAE', 'EQUIVALENCE_DIPLOME_ETRANGER', 'CANDIDAT_LIBRE'));
