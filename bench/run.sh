#!/usr/bin/env bash
# bench/run.sh BUILD -- the benchmarks behind `make bench`. Needs
# ../shared/corpus; results go to the terminal and, as JSON, to
# bench/results/ (not committed) so runs can be compared.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
corpus=../shared/corpus
if [ ! -f "$corpus/guardian-249.jsonl" ]; then
	echo "bench: $corpus/guardian-249.jsonl is absent; nothing to measure" >&2
	exit 0
fi
mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
echo "== corpus: guardian-249.jsonl + seeds ($(uname -m), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "-- dictionaries: ours (data/actors, data/agents, data/verbs)"
"$build/bench/bench_stages" --runs 5 --json "bench/results/stages-$stamp.json" \
	--dict-dir data/actors --dict-dir data/agents --dict-dir data/verbs \
	"$corpus/guardian-249.jsonl" "$corpus"/seeds/*.txt
phoenix=../shared/peers/petrarch/dictionaries
if [ -d "$phoenix" ]; then
	echo
	echo "-- dictionaries: ours + Phoenix (Countries, International, MilNonState actors; agents)"
	"$build/bench/bench_stages" --runs 5 --json "bench/results/stages-phoenix-$stamp.json" \
		--dict-dir data/actors --dict-dir data/agents --dict-dir data/verbs \
		--dict "$phoenix/Phoenix.Countries.actors.txt" --dict "$phoenix/Phoenix.International.actors.txt" \
		--dict "$phoenix/Phoenix.MilNonState.actors.txt" --dict "$phoenix/Phoenix.agents.txt" \
		"$corpus/guardian-249.jsonl" "$corpus"/seeds/*.txt
fi
echo "(JSON: bench/results/stages-*$stamp.json)"
