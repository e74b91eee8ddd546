# tests/lib.sh -- helpers for the shell test suites. Source it; set $DYAD.
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: "${DYAD:=$PWD/build/dyad}"

ok() { pass=$((pass + 1)); }
not_ok() {
	fail=$((fail + 1))
	echo "FAIL - $1"
	[ -n "${2:-}" ] && echo "$2" | head -n 20 | sed 's/^/    /'
	return 0
}

# run ARGS... : runs dyad, leaves $out, $err, $rc
run() {
	"$DYAD" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# expect_rc NAME WANT
expect_rc() {
	if [ "$rc" -eq "$2" ]; then ok; else not_ok "$1: exit $rc, want $2" "$err"; fi
}

# expect_in NAME HAYSTACK NEEDLE (fixed string)
expect_in() {
	if printf '%s' "$2" | grep -qF -- "$3"; then ok; else not_ok "$1: missing '$3'" "$2"; fi
}

expect_not_in() {
	if printf '%s' "$2" | grep -qF -- "$3"; then not_ok "$1: unexpected '$3'" "$2"; else ok; fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok; else not_ok "$1: got '$2', want '$3'"; fi
}

# No sanitizer may have spoken.
expect_clean() {
	if printf '%s' "$err" | grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer'; then
		not_ok "$1: sanitizer report" "$err"
	else
		ok
	fi
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
