#!/usr/bin/env bash
# tests/run.sh BUILD-DIR -- run every test suite against one build.
#
# Each suite prints its own closing line "N passed, N failed"; this script
# adds them up. A suite that exits non-zero with no failures counted (a
# crash, a sanitizer report after the summary) counts as one failure. Suites
# that need ../shared say so and are skipped when it is absent. The last
# line is the total: "N passed, N failed" (", N skipped" when some were).
set -u
cd "$(dirname "$0")/.."
build=${1:-build-test}
export DYAD="$PWD/$build/dyad"
export DYAD_BUILD="$PWD/$build"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

total_pass=0 total_fail=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

suite() {
	local name=$1
	shift
	"$@" >"$log" 2>&1
	local rc=$?
	local line pass fail
	line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if grep -q '^skipped: ' "$log" && [ -z "$line" ]; then
		printf '%-22s %s\n' "$name" "$(grep '^skipped: ' "$log" | head -n 1)"
		skipped=$((skipped + 1))
		return
	fi
	if [ -z "$line" ]; then
		pass=0 fail=1
	else
		pass=$(echo "$line" | sed -E 's/^([A-Za-z-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
		fail=$(echo "$line" | sed -E 's/^([A-Za-z-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
		if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
	fi
	if [ "$fail" -ne 0 ]; then
		grep -vE '^ok ' "$log" | tail -n 60
	fi
	printf '%-22s %d passed, %d failed\n' "$name" "$pass" "$fail"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
}

suite "unit: text" "$build/tests/test_text"
suite "unit: ingest" "$build/tests/test_ingest"
suite "unit: dict" "$build/tests/test_dict"
suite "unit: cameo" "$build/tests/test_cameo"
suite "unit: coder" "$build/tests/test_coder"
suite "spec: library" "$build/tests/spec_runner" tests/spec/*.txt
suite "spec: cli" "$build/tests/spec_runner" --cli "$DYAD" tests/spec/*.txt
suite "cli" tests/cli_test.sh
suite "bad input" tests/bad_input_test.sh
suite "fuzz corpus replay" tests/fuzz_replay_test.sh
suite "seeds (../shared)" tests/seeds_test.sh
suite "source rules" scripts/checksrc.sh

if [ "$skipped" -gt 0 ]; then
	echo "$total_pass passed, $total_fail failed, $skipped skipped"
else
	echo "$total_pass passed, $total_fail failed"
fi
[ "$total_fail" -eq 0 ]
