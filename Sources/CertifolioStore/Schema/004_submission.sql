-- How each épreuve is taken (issue 12): a document the candidate deposits (note de synthèse,
-- dossier, étude, mémoire, livret…) or a sitting (oral, soutenance, mise en situation, devoir
-- sur table). A référentiel imported before this migration said nothing about it: its épreuves
-- read as sittings (nothing to deposit) and `submission_known` is 0, so that importing the same
-- version again, with `submission` given, completes it instead of being refused as another text.

ALTER TABLE modality ADD COLUMN submission TEXT NOT NULL DEFAULT 'sitting'
    CHECK (submission IN ('document', 'sitting'));
ALTER TABLE final_exam ADD COLUMN submission TEXT NOT NULL DEFAULT 'sitting'
    CHECK (submission IN ('document', 'sitting'));
ALTER TABLE certification ADD COLUMN whole_block_modality_submission TEXT
    CHECK (whole_block_modality_submission IN ('document', 'sitting'));
ALTER TABLE certification ADD COLUMN submission_known INTEGER NOT NULL DEFAULT 0
    CHECK (submission_known IN (0, 1));
