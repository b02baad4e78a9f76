-- Certifolio core schema: référentiels, candidates, evaluations, requirement evidence,
-- jury decisions. Released migrations are never edited: a change is a new numbered file.
-- Dates are TEXT 'YYYY-MM-DD' (checked real days); exact decimals are TEXT ('12.5').

CREATE TABLE certification (
    code TEXT PRIMARY KEY NOT NULL CHECK (code GLOB 'RNCP[0-9]*'),
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
    registration_end TEXT NOT NULL CHECK (registration_end IS date(registration_end)),
    acquisition_rules TEXT NOT NULL,
    entry_prerequisites TEXT NOT NULL,
    pass_ratio TEXT NOT NULL,
    default_max_score TEXT NOT NULL,
    whole_block_modality_id TEXT,
    whole_block_modality_label TEXT,
    -- The référentiel file as imported: a re-import of the same text is a no-op.
    source_text TEXT NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE certifier (
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    legal_name TEXT NOT NULL,
    siret TEXT NOT NULL CHECK (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*'),
    commercial_name TEXT,
    website TEXT,
    PRIMARY KEY (certification, position)
) STRICT;

-- NSF, Formacode, ROME codes and predecessor fiches, in the fiche's order.
CREATE TABLE certification_code (
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    nomenclature TEXT NOT NULL CHECK (nomenclature IN ('nsf', 'formacode', 'rome', 'predecessor')),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (certification, nomenclature, position)
) STRICT;

CREATE TABLE block (
    code TEXT PRIMARY KEY NOT NULL,
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    UNIQUE (certification, position)
) STRICT;

CREATE TABLE competence (
    block TEXT NOT NULL REFERENCES block(code) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (block, position)
) STRICT;

CREATE TABLE modality (
    block TEXT NOT NULL REFERENCES block(code) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (block, id)
) STRICT;

CREATE TABLE final_exam (
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (certification, id)
) STRICT;

CREATE TABLE requirement (
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (certification, id)
) STRICT;

-- A requirement is met by any one of its alternatives.
CREATE TABLE requirement_alternative (
    certification TEXT NOT NULL,
    requirement TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('stage', 'experience')),
    min_days INTEGER CHECK (min_days >= 1),
    min_months INTEGER CHECK (min_months >= 0),
    min_years TEXT,
    PRIMARY KEY (certification, requirement, position),
    FOREIGN KEY (certification, requirement) REFERENCES requirement(certification, id) ON DELETE CASCADE,
    CHECK (CASE kind
           WHEN 'stage' THEN min_days IS NOT NULL AND min_months IS NOT NULL AND min_years IS NULL
           ELSE min_years IS NOT NULL AND min_days IS NULL AND min_months IS NULL END)
) STRICT;

CREATE TABLE jury_role (
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (certification, id)
) STRICT;

CREATE TABLE access_route (
    certification TEXT NOT NULL REFERENCES certification(code) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    allowed INTEGER NOT NULL CHECK (allowed IN (0, 1)),
    jury_text TEXT,
    jury_president TEXT,
    PRIMARY KEY (certification, id),
    FOREIGN KEY (certification, jury_president) REFERENCES jury_role(certification, id),
    CHECK (allowed = 0 OR jury_text IS NOT NULL)
) STRICT;

CREATE TABLE requirement_waiver (
    certification TEXT NOT NULL,
    requirement TEXT NOT NULL,
    route TEXT NOT NULL,
    PRIMARY KEY (certification, requirement, route),
    FOREIGN KEY (certification, requirement) REFERENCES requirement(certification, id) ON DELETE CASCADE,
    FOREIGN KEY (certification, route) REFERENCES access_route(certification, id) ON DELETE CASCADE
) STRICT;

-- The seats a jury must fill for one access route.
CREATE TABLE jury_seat (
    certification TEXT NOT NULL,
    route TEXT NOT NULL,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 1),
    must_be_external INTEGER NOT NULL CHECK (must_be_external IN (0, 1)),
    PRIMARY KEY (certification, route, position),
    FOREIGN KEY (certification, route) REFERENCES access_route(certification, id) ON DELETE CASCADE,
    FOREIGN KEY (certification, role) REFERENCES jury_role(certification, id) ON DELETE CASCADE
) STRICT;

-- One row per cohort folder imported: where every event, stage and decision came from.
CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    candidates INTEGER NOT NULL,
    events INTEGER NOT NULL,
    stages INTEGER NOT NULL,
    experiences INTEGER NOT NULL,
    decisions INTEGER NOT NULL
) STRICT;

CREATE TABLE candidate (
    id TEXT PRIMARY KEY NOT NULL CHECK (id <> '' AND id NOT GLOB '*[ 	]*'),
    family_name TEXT NOT NULL CHECK (family_name <> ''),
    given_names TEXT NOT NULL CHECK (given_names <> ''),
    birth_date TEXT NOT NULL CHECK (birth_date IS date(birth_date)),
    email TEXT NOT NULL
) STRICT;

-- One inscription per candidate (a candidate id belongs to one certification).
CREATE TABLE enrolment (
    candidate_id TEXT PRIMARY KEY NOT NULL REFERENCES candidate(id),
    certification TEXT NOT NULL,
    route TEXT NOT NULL,
    enrolled_on TEXT NOT NULL CHECK (enrolled_on IS date(enrolled_on)),
    cohort TEXT NOT NULL,
    batch_id INTEGER REFERENCES import_batch(id),
    FOREIGN KEY (certification, route) REFERENCES access_route(certification, id)
) STRICT;
CREATE INDEX enrolment_cohort ON enrolment(cohort);
CREATE INDEX enrolment_certification ON enrolment(certification);

-- Append-only: a correction is a new row naming the corrected one, with a reason.
CREATE TABLE evaluation_event (
    id INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    component TEXT NOT NULL,
    modality TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date IS date(date)),
    score TEXT,
    max_score TEXT NOT NULL,
    result TEXT CHECK (result IN ('acquis', 'non_acquis')),
    evaluator TEXT NOT NULL,
    corrects_event_id INTEGER REFERENCES evaluation_event(id),
    correction_reason TEXT,
    batch_id INTEGER REFERENCES import_batch(id),
    recorded_at TEXT NOT NULL,
    CHECK (score IS NOT NULL OR result IS NOT NULL),
    CHECK ((corrects_event_id IS NULL) = (correction_reason IS NULL)),
    CHECK (correction_reason IS NULL OR correction_reason <> '')
) STRICT;
CREATE INDEX evaluation_event_candidate ON evaluation_event(candidate_id);
CREATE UNIQUE INDEX evaluation_event_corrected_once ON evaluation_event(corrects_event_id)
    WHERE corrects_event_id IS NOT NULL;

CREATE TABLE stage (
    id INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    start TEXT NOT NULL CHECK (start IS date(start)),
    "end" TEXT NOT NULL CHECK ("end" IS date("end")),
    batch_id INTEGER REFERENCES import_batch(id),
    CHECK (start <= "end")
) STRICT;
CREATE INDEX stage_candidate ON stage(candidate_id);

CREATE TABLE experience (
    id INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    years TEXT NOT NULL,
    batch_id INTEGER REFERENCES import_batch(id)
) STRICT;
CREATE INDEX experience_candidate ON experience(candidate_id);

-- Append-only: a revocation is a new row naming the revoked one, with a reason.
CREATE TABLE jury_decision (
    id INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidate(id),
    component TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('valide', 'ajourne', 'absent')),
    date TEXT NOT NULL CHECK (date IS date(date)),
    motive TEXT,
    revokes_decision_id INTEGER REFERENCES jury_decision(id),
    revocation_reason TEXT,
    batch_id INTEGER REFERENCES import_batch(id),
    recorded_at TEXT NOT NULL,
    CHECK ((revokes_decision_id IS NULL) = (revocation_reason IS NULL))
) STRICT;
CREATE INDEX jury_decision_candidate ON jury_decision(candidate_id);

CREATE TRIGGER evaluation_event_no_update BEFORE UPDATE ON evaluation_event
BEGIN SELECT RAISE(ABORT, 'evaluation_event is append-only: record a correction instead'); END;
CREATE TRIGGER evaluation_event_no_delete BEFORE DELETE ON evaluation_event
BEGIN SELECT RAISE(ABORT, 'evaluation_event is append-only: record a correction instead'); END;
CREATE TRIGGER jury_decision_no_update BEFORE UPDATE ON jury_decision
BEGIN SELECT RAISE(ABORT, 'jury_decision is append-only: record a revocation instead'); END;
CREATE TRIGGER jury_decision_no_delete BEFORE DELETE ON jury_decision
BEGIN SELECT RAISE(ABORT, 'jury_decision is append-only: record a revocation instead'); END;
