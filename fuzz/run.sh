#!/usr/bin/env bash
# fuzz/run.sh BUILD SECONDS -- run each libFuzzer harness for SECONDS,
# starting from the committed seed corpus; new inputs go to
# fuzz/corpus-new-*/ (ignored by git), crashes to fuzz/crash-*.
set -eu
cd "$(dirname "$0")/.."
build=$1 seconds=$2
status=0
for t in text jsonl dict; do
	mkdir -p "fuzz/corpus-new-$t"
	echo "== fuzz_$t for ${seconds}s"
	"$build/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
		-artifact_prefix=fuzz/ -print_final_stats=1 \
		"fuzz/corpus-new-$t" "fuzz/corpus/$t" tests/bad || status=1
done
exit $status
