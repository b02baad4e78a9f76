#!/usr/bin/env bash
# The memory of `progress --all --json` as the number of candidates grows (issue 15: "peak memory
# for 1 000 000 candidates within twice that for 20 000"). For each size N given (default 20000
# and 200000), writes a synthetic RNCP41818 cohort (Benchmarks/synthetic-cohort.py), imports it
# with the release binary, then measures with GNU time the peak resident memory and the time of
# `progress --all --json > /dev/null` and of the table (`progress --all`), beside a raw
# `sqlite3 .dump > /dev/null` of the same database (the reference measured in the same run).
#
# Usage: Benchmarks/progress-memory.sh [N…]      (1000000 takes a few GB of disk and minutes)
source "$(dirname "$0")/memory-common.sh"

for n in "${sizes[@]}"; do
  db=$work/p$n.sqlite
  synthetic_database "$db" "$n"
  echo "$n candidats : progress --all --json $(peak "$bin" progress --db "$db" --all --as-of 2027-06-30 --json) ;" \
       "progress --all (tableau) $(peak "$bin" progress --db "$db" --all --as-of 2027-06-30) ;" \
       "sqlite3 .dump (référence) $(peak sqlite3 "$db" .dump)"
  rm -f "$db" "$db"-wal "$db"-shm
done
