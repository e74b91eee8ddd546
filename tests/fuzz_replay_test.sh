#!/usr/bin/env bash
# fuzz_replay_test.sh -- replay the fuzz seed corpora and the bad-input
# corpus through both fuzz harnesses (linked with fuzz/replay.c) in the
# sanitizer build: no crash, no sanitizer report, no broken invariant.
set -u
cd "$(dirname "$0")/.."
b=${DYAD_BUILD:-build}/fuzz
pass=0 fail=0
for t in text jsonl dict; do
	out=$("$b/fuzz_${t}_replay" fuzz/corpus/*/* tests/bad/* data/samples/wire.jsonl data/agents/titles.txt 2>&1)
	rc=$?
	line=$(printf '%s\n' "$out" | tail -n 1)
	if [ $rc -eq 0 ] && ! printf '%s' "$out" | grep -qE 'Sanitizer|runtime error'; then
		pass=$((pass + ${line%% passed*}))
	else
		fail=$((fail + 1))
		echo "FAIL - fuzz_$t replay"
		printf '%s\n' "$out" | tail -n 30
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
