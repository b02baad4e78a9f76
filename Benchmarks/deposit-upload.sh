#!/usr/bin/env bash
# The memory of a deposit upload (issue 12: "uploads stream to disk, memory does not grow with
# the file"). Builds the release binary, serves the sample cohorts as of 10 January 2027 (BC04's
# étude de cas is open), signs a candidate in, uploads one PDF of SIZE_MB megabytes (default 45)
# with curl, and samples the server's resident memory every 0.1 s. Prints the memory at rest, the
# peak during the upload, and the upload's time beside a plain `cp` of the same file (the
# reference measured in the same run).
#
# Usage: Benchmarks/deposit-upload.sh [SIZE_MB]
# Needs: curl; builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-45}
port=18081

swift build -c release --product certifolio >/dev/null
bin=.build/release/certifolio
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

db=$work/upload.sqlite
$bin init --db "$db" >/dev/null
for code in RNCP41818 RNCP36888; do $bin referentiel import --db "$db" "SampleCohorts/referentiels/$code.yaml" >/dev/null; done
$bin import --db "$db" SampleCohorts/meqp-2025 >/dev/null
echo "mot-de-passe-bench" | $bin user add --db "$db" --email mq016@bench.example --role candidat --candidate MQ016 \
  --password-stdin >/dev/null
python3 -c "import sys; f=open(sys.argv[1],'wb'); f.write(b'%PDF-1.7\n'); f.write(bytes($size*1000000-9))" "$work/etude.pdf"

CERTIFOLIO_DEPOSIT_LIMIT_MB=$((size + 5)) $bin serve --db "$db" --port $port --as-of 2027-01-10 >"$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/connexion" >/dev/null; do sleep 0.2; done
jar=$work/jar
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/connexion" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "email=mq016@bench.example" \
  --data-urlencode "mot_de_passe=mot-de-passe-bench" "http://127.0.0.1:$port/connexion"
token=$(curl -s -b "$jar" "http://127.0.0.1:$port/mon-dossier/depots" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)

rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$server/status"; }
rest=$(rss)
peak=$rest
( while kill -0 "$server" 2>/dev/null; do rss; echo; sleep 0.1; done ) >"$work/rss.txt" &
sampler=$!
start=$(date +%s.%N)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -F "_csrf=$token" -F "epreuve=RNCP41818BC04|etude_de_cas" \
  -F "fichiers=@$work/etude.pdf;type=application/pdf" "http://127.0.0.1:$port/mon-dossier/depots")
upload=$(echo "$(date +%s.%N) - $start" | bc)
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/rss.txt" | tail -1)
start=$(date +%s.%N); cp "$work/etude.pdf" "$work/copie.pdf"; sync "$work/copie.pdf"; copy=$(echo "$(date +%s.%N) - $start" | bc)
echo "Envoi de $size Mo : HTTP $status en $upload s ; copie du même fichier (cp + sync) : $copy s ; rapport $(echo "scale=1; $upload / $copy" | bc)"
echo "Mémoire du serveur : $rest Mo au repos, $peak Mo au plus pendant l'envoi (le fichier fait $size Mo)"
$bin deposit list --db "$db" --candidate MQ016 | head -2
