#!/usr/bin/env bash
# Benchmark (issue 4): the candidate progress page under load, on the 20 000-candidate
# synthetic cohort of certifolio-bench. Prints wrk's latency distribution (target: p99 under
# 10 ms at 32 concurrent connections on loopback) and the server's resident memory sampled
# through the run (target: flat over five minutes). Figures, not a test: nothing fails on a
# slow machine.
#
# The static file measured in the same run is the reference: quote the page as a ratio to it.
#
# Usage: Benchmarks/web-progress.sh [DURATION_SECONDS=300] [CANDIDATES=20000]
# Needs: wrk (Debian package), curl; builds the release binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-300}
count=${2:-20000}
accounts=32
port=18080

swift build -c release --product certifolio >/dev/null
swift build -c release --product certifolio-bench >/dev/null
bin=.build/release/certifolio
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# The synthetic cohort (certifolio-bench writes it, then keeps its folder).
kept=$(CERTIFOLIO_BENCH_KEEP=1 .build/release/certifolio-bench "$count" | sed -n 's/^Dossier conservé : //p')
db=$work/web.sqlite
$bin init --db "$db" >/dev/null
$bin referentiel import --db "$db" SampleCohorts/referentiels/RNCP41818.yaml >/dev/null
$bin import --db "$db" "$kept/cohort" >/dev/null
rm -rf "$kept"
for i in $(seq 0 $((accounts - 1))); do
  id=$(printf "B%06d" "$i")
  echo "mot-de-passe-bench" | $bin user add --db "$db" --email "$id@bench.example" --role candidat --candidate "$id" \
    --password-stdin >/dev/null
done

$bin serve --db "$db" --port $port --as-of 2027-06-30 >"$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/connexion" >/dev/null; do sleep 0.2; done

# One signed-in session per account; wrk spreads its requests over them.
lua=$work/cookies.lua
echo "local cookies = {" >"$lua"
for i in $(seq 0 $((accounts - 1))); do
  id=$(printf "B%06d" "$i")
  jar=$work/jar-$i
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/connexion" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "email=$id@bench.example" \
    --data-urlencode "mot_de_passe=mot-de-passe-bench" "http://127.0.0.1:$port/connexion"
  session=$(awk '$6 == "certifolio_session" { print $7 }' "$jar")
  echo "  \"certifolio_session=$session\"," >>"$lua"
done
cat >>"$lua" <<'LUA'
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/mon-dossier", { ["Cookie"] = cookies[(n % #cookies) + 1] })
end
LUA

rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$server/status"; }
echo "Serveur prêt : $count candidats, $accounts comptes candidats connectés ; mémoire au repos : $(rss) Mo"
wrk -t2 -c32 -d10s -s "$lua" "http://127.0.0.1:$port/" >/dev/null   # warm-up
echo "Après échauffement : $(rss) Mo"
(
  for _ in $(seq 1 $((duration / 15))); do sleep 15; echo "  mémoire à $SECONDS s : $(rss) Mo"; done
) &
sampler=$!
wrk -t2 -c32 -d"${duration}s" --latency -s "$lua" "http://127.0.0.1:$port/" | tee "$work/page.txt"
wait $sampler 2>/dev/null || true
echo "Mémoire en fin de course : $(rss) Mo"

# The reference of the same run: the server's static file (the same stack, no page to draw,
# no database), so that the page's figure reads as a ratio whatever the machine's day.
reference=$(( duration < 30 ? duration : 30 ))
echo "Référence : /static/style.css, mêmes connexions, ${reference} s"
wrk -t2 -c32 -d"${reference}s" --latency "http://127.0.0.1:$port/static/style.css" | tee "$work/static.txt"
rate() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
awk -v page="$(rate "$work/page.txt")" -v file="$(rate "$work/static.txt")" \
  'BEGIN { printf "Page du candidat : %.0f req/s, fichier statique : %.0f req/s, rapport %.2f\n", page, file, page / file }'
