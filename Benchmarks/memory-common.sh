# What the memory benchmarks share (sourced by progress-memory.sh, pv-memory.sh, cpf-memory.sh):
# the release binary, a folder removed at exit, `peak` (GNU time's peak resident memory and
# elapsed time of a command), `synthetic_database DB N` (a synthetic RNCP41818 cohort of N
# candidates, Benchmarks/synthetic-cohort.py, imported into a new database DB) and `sizes` (the
# sizes given to the script, 20000 and 200000 by default).
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
  tail -1 "$work/time" | awk '{ printf "%d MiB, %.1f s", $1 / 1024, $2 }'
}

synthetic_database() {  # DB N
  local cohort=$work/cohort
  mkdir -p "$cohort"
  Benchmarks/synthetic-cohort.py "$cohort" "$2"
  $bin init --db "$1" >/dev/null
  $bin referentiel import --db "$1" SampleCohorts/referentiels/RNCP41818.yaml >/dev/null
  $bin import --db "$1" "$cohort" >/dev/null
  rm -rf "$cohort"
}
