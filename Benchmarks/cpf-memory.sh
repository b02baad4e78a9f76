#!/usr/bin/env bash
# The memory of the CPF flux as the holders grow (issue 15: "exports stream their output: peak
# memory for 1 000 000 candidates within twice that for 20 000"). For each size N given (default
# 20000 and 200000): a synthetic RNCP41818 cohort (Benchmarks/synthetic-cohort.py) imported with
# the release binary, every candidate given the title by a decision written straight into the
# database with sqlite3 (a decisions.csv of the past: no session to close), the certifier's CPF
# identifiers recorded with the CLI; then, measured with GNU time, `cpf export` (every holder in
# one flux, validated against the Caisse's schema); then, one insertion survey answer recorded for
# every other holder, `stats` (the fiche's statistics, counted a page of holders at a time) and
# `cpf status --json` (every declaration, the most urgent first); beside a raw
# `sqlite3 .dump > /dev/null` of the same database, the reference measured in the same run.
#
# Usage: Benchmarks/cpf-memory.sh [N…]      (1000000 takes a few GB of disk and minutes)
source "$(dirname "$0")/memory-common.sh"

for n in "${sizes[@]}"; do
  db=$work/cpf$n.sqlite
  synthetic_database "$db" "$n"
  $bin cpf settings --db "$db" --emitter AB123CDE --certifier E564ACB0 --contract 2560080000127J >/dev/null
  sqlite3 "$db" "INSERT INTO jury_decision (candidate_id, component, decision, date, recorded_at)
                 SELECT id, 'title', 'valide', '2027-06-30', '2027-06-30T18:00:00Z' FROM candidate ORDER BY id;"
  echo "$n titulaires : cpf export $(peak "$bin" cpf export --db "$db" --as-of 2027-07-01 --out "$work/flux.xml")" \
       "($(du -m "$work/flux.xml" | cut -f1) Mo de XML) ; sqlite3 .dump (référence) $(peak sqlite3 "$db" .dump)"
  sqlite3 "$db" "INSERT INTO insertion_survey (candidate_id, surveyed_on, horizon, situation, target_job, contract,
                                               recorded_at, batch)
                 SELECT id, '2028-01-05', '6m', 'emploi', rowid % 4 = 0, 'cdi', '2028-01-05T10:00:00Z', 'bench'
                 FROM candidate WHERE rowid % 2 = 0 ORDER BY id;"
  echo "$n titulaires : stats $(peak "$bin" stats --db "$db" --certification RNCP41818 --as-of 2028-06-30 --csv) ;" \
       "cpf status --json $(peak "$bin" cpf status --db "$db" --as-of 2028-06-30 --json)"
  rm -f "$db" "$db"-wal "$db"-shm "$work"/flux.xml
done
