-- Issue 15: "is this decision revoked?" is asked of every decision read for the CPF flux, the
-- CPF page and the decision in force; without an index each question scanned every decision
-- (a flux of 20 000 holders took eight minutes, quadratic in the decisions).
CREATE INDEX jury_decision_revokes ON jury_decision(revokes_decision_id);
