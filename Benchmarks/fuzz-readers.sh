#!/usr/bin/env bash
# Fuzzes every reader a person's file reaches (cohort CSVs, calendar, surveys, decision sheet,
# référentiel YAML, CPF report, uploaded documents) with libFuzzer, guided by coverage, for RUNS
# inputs (default 1 000 000), then prints the figures. A crash, or a refusal that is not French or
# does not name its file, stops the run and leaves the input in .build-fuzz/crash-*.
# Usage: Benchmarks/fuzz-readers.sh [RUNS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
seed=${2:-1}
scratch=.build-fuzz
echo "Construction avec -sanitize=fuzzer (dossier $scratch)…"
build() { swift build -c release --product certifolio-fuzz "$@" >/tmp/fuzz-build.log 2>&1 \
    || { tail -20 /tmp/fuzz-build.log; echo "ÉCHEC de la construction"; exit 1; }; }
# lld: gold stops with an internal error on this link.
build --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
build --scratch-path "$scratch-replay"
corpus=$scratch/corpus
rm -rf "$corpus" "$scratch"/crash-* && mkdir -p "$corpus"
"$scratch-replay/release/certifolio-fuzz" --seeds "$corpus/seeds"
mkdir -p "$corpus/found"
log=$scratch/fuzz.log
start=$(date +%s)
# Swift's own backtracer off: libFuzzer's handler then writes the input that trapped.
SWIFT_BACKTRACE=enable=no "$scratch/release/certifolio-fuzz" -runs="$runs" -seed="$seed" -max_len=8192 -rss_limit_mb=2048 \
    -artifact_prefix="$scratch/crash-" -print_final_stats=1 "$corpus/found" "$corpus/seeds" 2>"$log" \
    || { tail -40 "$log"; echo "ÉCHEC : voir $log"; exit 1; }
end=$(date +%s)
executed=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
peak=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$')
coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
found=$(ls "$corpus/found" | wc -l)
# The corpus libFuzzer kept, replayed by the plain build: how many inputs were accepted or refused.
replay=$("$scratch-replay/release/certifolio-fuzz" "$corpus/found")
echo "$executed entrées en $((end - start)) s, 0 plantage ; couverture $coverage arêtes ;" \
     "corpus gardé $found entrées ; mémoire max $peak Mio."
echo "Corpus rejoué sans instrumentation : $replay"
