-- Assessment of deposits with a competence grid, and publication of results (issue 12).

-- The deposit an evaluation assesses (none for an épreuve sat, or a line of events.csv).
ALTER TABLE evaluation_event ADD COLUMN deposit_id INTEGER REFERENCES deposit (id);
CREATE INDEX evaluation_event_deposit ON evaluation_event (deposit_id) WHERE deposit_id IS NOT NULL;

-- Each competence of the block rated: part of the event, append-only as it is (a correction is
-- a new event with its own grid). The competence's text is kept as the référentiel then said it.
CREATE TABLE evaluation_grid (
    event_id INTEGER NOT NULL REFERENCES evaluation_event (id),
    position INTEGER NOT NULL CHECK (position >= 1),
    competence TEXT NOT NULL CHECK (competence <> ''),
    rating TEXT NOT NULL CHECK (rating IN ('acquis', 'partiellement_acquis', 'non_acquis')),
    comment TEXT CHECK (comment <> ''),
    PRIMARY KEY (event_id, position)
) STRICT;
CREATE TRIGGER evaluation_grid_no_update BEFORE UPDATE ON evaluation_grid
BEGIN SELECT RAISE(ABORT, 'evaluation_grid is append-only: record a correction instead'); END;
CREATE TRIGGER evaluation_grid_no_delete BEFORE DELETE ON evaluation_grid
BEGIN SELECT RAISE(ABORT, 'evaluation_grid is append-only: record a correction instead'); END;

-- The results of an épreuve published to a cohort's candidates: every evaluation recorded up to
-- `up_to_event` then reaches their page (an evaluation imported with a cohort folder is the
-- certifier's record already: published). Each publication is in the audit trail.
CREATE TABLE publication (
    cohort TEXT NOT NULL CHECK (cohort <> ''),
    component TEXT NOT NULL CHECK (component <> ''),
    modality TEXT NOT NULL CHECK (modality <> ''),
    up_to_event INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (cohort, component, modality)
) STRICT;

-- A candidate's page asks for the open sessions they are convoked to.
CREATE INDEX jury_convocation_candidate ON jury_convocation (candidate_id);
