-- A cohort's calendar (issue 12): per épreuve, the deadline of a work to hand in (Paris time,
-- "2027-05-31T23:59") or the day and place of an épreuve sat. Importing it again replaces an
-- épreuve's dates; each change is in the audit trail with what it replaced.

CREATE TABLE calendar_entry (
    cohort TEXT NOT NULL CHECK (cohort <> ''),
    component TEXT NOT NULL CHECK (component <> ''),
    modality TEXT NOT NULL CHECK (modality <> ''),
    deadline TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-2][0-9]:[0-5][0-9]'
                         AND date(substr(deadline, 1, 10)) IS substr(deadline, 1, 10)),
    sitting_date TEXT CHECK (sitting_date IS date(sitting_date)),
    place TEXT CHECK (place <> ''),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (cohort, component, modality),
    -- A deadline, or a day and a place: never both, never neither.
    CHECK ((deadline IS NULL) = (sitting_date IS NOT NULL)),
    CHECK ((sitting_date IS NULL) = (place IS NULL))
) STRICT;
