#!/usr/bin/env bash
# The memory of `progress --all --json` as the number of candidates grows (issue 15: "peak memory
# for 1 000 000 candidates within twice that for 20 000"). For each size N given (default 20000
# and 200000), writes a synthetic RNCP41818 cohort (13 evaluations and a stage per candidate),
# imports it with the release binary, then measures with GNU time the peak resident memory and
# the time of `progress --all --json > /dev/null` and of the table (`progress --all`), beside a raw `sqlite3 .dump > /dev/null` of
# the same database (the reference measured in the same run).
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
  python3 - "$cohort" "$n" <<'PY'
import sys
folder, n = sys.argv[1], int(sys.argv[2])
blocks = {"RNCP41818BC01": ["note_synthese", "dossier_professionnel", "soutenance_orale"],
          "RNCP41818BC02": ["etude_faisabilite", "soutenance_orale", "etude_de_cas"],
          "RNCP41818BC03": ["mise_en_situation", "etude_de_cas"], "RNCP41818BC04": ["mise_en_situation", "etude_de_cas"]}
routes = ["apprentissage", "formation_continue", "contrat_professionnalisation", "vae"]
with open(f"{folder}/candidates.csv", "w") as c, open(f"{folder}/events.csv", "w") as e, \
     open(f"{folder}/requirements.csv", "w") as r:
    c.write("candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n")
    e.write("candidate_id,component,modality,date,score,max_score,result,evaluator\n")
    r.write("candidate_id,kind,start,end,years\n")
    for i in range(n):
        id = f"B{i:07d}"
        c.write(f"{id},Lefèvre,Zoé,1990-02-03,,RNCP41818,{routes[i % 4]},2025-09-15,BENCH\n")
        for b, (code, modalities) in enumerate(blocks.items()):
            for m in modalities:
                e.write(f"{id},{code},{m},2026-{b + 3:02d}-15,{10 + i % 9},20,,Mme Évaluatrice\n")
        for exam in ("memoire", "livret", "soutenance"):
            e.write(f"{id},final,{exam},2027-05-20,13,20,,Jury\n")
        if i % 3:
            r.write(f"{id},stage,2026-04-06,2026-07-31,\n")
PY
  $bin init --db "$db" >/dev/null
  $bin referentiel import --db "$db" SampleCohorts/referentiels/RNCP41818.yaml >/dev/null
  $bin import --db "$db" "$cohort" >/dev/null
  rm -rf "$cohort"
  echo "$n candidats : progress --all --json $(peak "$bin" progress --db "$db" --all --as-of 2027-06-30 --json) ;" \
       "progress --all (tableau) $(peak "$bin" progress --db "$db" --all --as-of 2027-06-30) ;" \
       "sqlite3 .dump (référence) $(peak sqlite3 "$db" .dump)"
  rm -f "$db" "$db"-wal "$db"-shm
done
