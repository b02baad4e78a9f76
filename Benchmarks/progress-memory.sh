#!/usr/bin/env bash
# The memory of `progress --all --json` as the number of candidates grows (issue 15: "peak memory
# for 1 000 000 candidates within twice that for 20 000"). For each size N given (default 20000
# and 200000), writes a synthetic RNCP41818 cohort (Benchmarks/synthetic-cohort.py), imports it
# with the release binary, then measures with GNU time the peak resident memory and the time of
# `progress --all --json > /dev/null` and of the table (`progress --all`), beside a raw
# `sqlite3 .dump > /dev/null` of the same database (the reference measured in the same run).
#
# Usage: Benchmarks/progress-memory.sh [N…]      (1000000 takes a few GB of disk and minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 200000)

swift build -c release --product certifolio >/dev/null
bin=.build/release/certifolio
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peak() {  # peak RSS in MiB and elapsed seconds of a command, its output to /dev/null
  /usr/bin/time -f "%M %e" "$@" >/dev/null 2>"$work/time" || { cat "$work/time"; exit 1; }
  tail -1 "$work/time" | awk '{ printf "%d MiB, %.2f s", $1 / 1024, $2 }'
}

for n in "${sizes[@]}"; do
  db=$work/p$n.sqlite
  cohort=$work/c$n
  mkdir -p "$cohort"
  Benchmarks/synthetic-cohort.py "$cohort" "$n"
  $bin init --db "$db" >/dev/null
  $bin referentiel import --db "$db" SampleCohorts/referentiels/RNCP41818.yaml >/dev/null
  $bin import --db "$db" "$cohort" >/dev/null
  rm -rf "$cohort"
  echo "$n candidats : progress --all --json $(peak "$bin" progress --db "$db" --all --as-of 2027-06-30 --json) ;" \
       "progress --all (tableau) $(peak "$bin" progress --db "$db" --all --as-of 2027-06-30) ;" \
       "sqlite3 .dump (référence) $(peak sqlite3 "$db" .dump)"
  rm -f "$db" "$db"-wal "$db"-shm
done
