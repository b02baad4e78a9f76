#!/usr/bin/env bash
# The memory of the procès-verbal as the session grows (issue 15: "the PV streams its output:
# peak memory for 1 000 000 candidates within twice that for 20 000"). For each size N given
# (default 20000 and 200000): a synthetic RNCP41818 cohort (Benchmarks/synthetic-cohort.py)
# imported with the release binary; a session opened with the CLI (two external members, the
# composition the fiche requires for every route); then, written straight into the database
# with sqlite3 (closing through the CLI would time the closing, not the PV), every candidate
# convoked and decided (four blocks validated, the title validated for nine in ten and adjourned
# with a motive for the tenth) and the session closed. Measured with GNU time: `jury pv` (PDF and
# CSV twin), beside a raw `sqlite3 .dump > /dev/null` of the same database, the reference
# measured in the same run.
#
# Usage: Benchmarks/pv-memory.sh [N…]      (1000000 takes a few GB of disk and about an hour)
source "$(dirname "$0")/memory-common.sh"

for n in "${sizes[@]}"; do
  db=$work/pv$n.sqlite
  synthetic_database "$db" "$n"
  session=$($bin jury create --db "$db" --certification RNCP41818 --date 2027-06-30 --place "Paris, Cnam")
  $bin jury member --db "$db" "$session" --name "Mme Experte" --role expert_domaine --external >/dev/null
  $bin jury member --db "$db" "$session" --name "M. Professionnel" --role professionnel_ess --external >/dev/null
  sqlite3 "$db" <<SQL
BEGIN;
INSERT INTO jury_convocation (session_id, candidate_id, convoked_at)
  SELECT $session, id, '2027-06-01T09:00:00Z' FROM candidate;
INSERT INTO jury_decision (candidate_id, component, decision, date, recorded_at, session_id)
  SELECT c.id, b.code, 'valide', '2027-06-30', '2027-06-30T18:00:00Z', $session
  FROM candidate c JOIN block b ON b.certification = 'RNCP41818' ORDER BY c.id, b.code;
INSERT INTO jury_decision (candidate_id, component, decision, date, motive, recorded_at, session_id)
  SELECT id, 'title', CASE WHEN rowid % 10 = 0 THEN 'ajourne' ELSE 'valide' END, '2027-06-30',
         CASE WHEN rowid % 10 = 0 THEN 'Mémoire à reprendre : la problématique n''est pas posée.' END,
         '2027-06-30T18:00:00Z', $session
  FROM candidate ORDER BY id;
UPDATE jury_session SET closed_at = '2027-06-30T18:30:00Z' WHERE id = $session;
COMMIT;
SQL
  echo "$n candidats : jury pv (PDF et CSV) $(peak "$bin" jury pv --db "$db" "$session" --as-of 2027-07-01 \
         --out "$work/pv.pdf" --csv "$work/pv.csv") ($(du -m "$work/pv.pdf" | cut -f1) Mo de PDF," \
       "$(du -m "$work/pv.csv" | cut -f1) Mo de CSV) ; sqlite3 .dump (référence) $(peak sqlite3 "$db" .dump)"
  rm -f "$db" "$db"-wal "$db"-shm "$work"/pv.*
done
