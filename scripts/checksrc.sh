#!/usr/bin/env bash
# checksrc.sh -- house rules the compiler does not enforce (STYLE.md):
# no unbounded or locale-dependent C library calls in the library and CLI,
# and no src/ header included from outside src/.
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0
check() { # name, command that must print nothing
	local out
	out=$(eval "$2")
	if [ -z "$out" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL - $1"
		echo "$out" | head -n 20
	fi
}
files="src/*.c src/*.h cli/*.c"
check "no strcpy/strcat/sprintf/vsprintf/gets/strtok/atoi/sscanf in src/ and cli/" \
	"grep -nE '\\b(strcpy|strcat|strncat|sprintf|vsprintf|gets|strtok|atoi|atol|sscanf)\\s*\\(' $files | grep -v 'snprintf'"
check "no locale-dependent ctype calls in src/ and cli/" \
	"grep -nE '\\b(isalpha|isdigit|isspace|isupper|islower|isalnum|ispunct|toupper|tolower)\\s*\\(' $files"
check "nothing outside src/ includes a src/ header" \
	"grep -nE '#include \"(dyad_int|limits)\\.h\"' cli/*.c tests/*.c tests/unit/*.c fuzz/*.c bench/*.c 2>/dev/null"
check "only the public header is included by cli/" \
	"grep -nE '#include \"' cli/*.c | grep -v 'dyad/dyad.h'"
check "the library never prints or exits" \
	"grep -nE '\\b(printf|fprintf|puts|fputs|exit|abort)\\s*\\(' src/*.c | grep -vE 'snprintf'"
if command -v clang-format >/dev/null 2>&1; then
	check "sources are formatted with the committed .clang-format (make format)" \
		"clang-format --dry-run include/dyad/*.h src/*.c src/*.h cli/*.c tests/*.c tests/*.h tests/unit/*.c fuzz/*.c bench/*.c 2>&1 | grep -m 5 warning"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
