#!/usr/bin/env bash
# bad_input_test.sh -- replay the bad-input corpus (tests/bad) through the
# dyad command and check that nothing crashes, nothing good is lost, and
# every problem is reported with file, line and byte. Also generates, at test
# time, a 50 MB line (a record whose text exceeds the article limit) and a
# 70 MB line (over the record limit) between good records.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
bad=tests/bad

for f in "$bad"/*; do
	run sentences "$f"
	expect_clean "$(basename "$f")"
	if [ "$rc" -gt 1 ]; then not_ok "$(basename "$f"): exit $rc" "$err"; else ok; fi
	run sentences --json "$f"
	expect_clean "$(basename "$f") --json"
	if [ -s "$tmp/out" ] && ! python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$tmp/out" 2>/dev/null; then
		not_ok "$(basename "$f"): --json output is not valid UTF-8 JSON Lines"
	else
		ok
	fi
done

run sentences "$bad/malformed.jsonl"
expect_rc "malformed: skipped records give exit 1" 1
for want in ":2: record is not a JSON object at byte 0" ":3: record has no \"text\" field" \
	":4: field \"text\" must be a string at byte 24" ":5: text after the end of the record at byte 34" \
	":6: invalid escape in string at byte 28" ":7: expected ',' or '}' at byte 13" \
	":10: unterminated string" ":12: date not understood (want YYYY-MM-DD), left empty at byte 19"; do
	expect_in "malformed: message $want" "$err" "$bad/malformed.jsonl$want"
done
expect_in "malformed: count of skipped records" "$err" "9 record(s) skipped"
expect_eq "malformed: the five good records are all there" \
	"$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "m-1 m-11 12 m-13 m-15 "

run sentences "$bad/deep_nesting.jsonl"
expect_rc "deep nesting: exit 1" 1
expect_in "deep nesting: reported" "$err" "$bad/deep_nesting.jsonl:2: JSON nested deeper than DYAD_MAX_JSON_DEPTH"
expect_eq "deep nesting: records around it survive" "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "ok-1 ok-2 "

run sentences "$bad/truncated.jsonl"
expect_rc "truncated: exit 1" 1
expect_in "truncated: reported on line 2" "$err" "$bad/truncated.jsonl:2: unterminated string"
expect_eq "truncated: the whole record is read" "$(printf '%s\n' "$out" | cut -f1)" "t-1"

run sentences "$bad/invalid_utf8.jsonl"
expect_rc "invalid UTF-8: not an error" 0
expect_in "invalid UTF-8: counted" "$err" "5 invalid UTF-8 sequence(s) replaced"
expect_in "invalid UTF-8: repaired text" "$out" "Kabul �� officials � said talks �� resumed."

run sentences "$bad/nul_bytes.jsonl"
expect_rc "NUL: not an error" 0
expect_in "NUL: counted" "$err" "3 NUL byte(s) dropped"
expect_in "NUL: dropped from the text" "$out" "Tehran said talks would resume."

run sentences "$bad/crlf_bom.jsonl"
expect_eq "CRLF and BOM: both records" "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "c-1 c-2 "

# Giant lines, generated here so the repository stays small.
big="$tmp/big.jsonl"
{
	echo '{"id":"before","text":"Before the giant lines."}'
	printf '{"id":"fifty","text":"'
	head -c 50000000 /dev/zero | tr '\0' 'a'
	echo '"}'
	printf '{"id":"seventy","text":"'
	head -c 70000000 /dev/zero | tr '\0' 'b'
	echo '"}'
	echo '{"id":"after","text":"After the giant lines."}'
} >"$big"
run sentences "$big"
expect_clean "giant lines"
expect_rc "giant lines: exit 1" 1
expect_in "50 MB line: text over the article limit" "$err" "$big:2: text longer than DYAD_MAX_ARTICLE_BYTES, skipped"
expect_in "70 MB line: over the record limit" "$err" "$big:3: line longer than DYAD_MAX_RECORD_BYTES, skipped"
expect_eq "giant lines: the records around them" "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "before after "

# Pathological shapes: long runs with no space, nesting, lookahead bait.
# Each 2 MB input must finish well inside the timeout (linear time).
for pat in 'a' 'a.' '.' 'ab.cd.' 'a@' 'http://x' "'s" '1,' '((((' '"' '“' 'Mr. ' 'U.S. ' 'a-' '\n' '!?' '\xe2\x80'; do
	python3 -c "import sys; p=sys.argv[1].encode().decode('unicode_escape').encode('latin-1') if '\\\\' in sys.argv[1] else sys.argv[1].encode(); sys.stdout.buffer.write((p*(2000000//len(p)+1))[:2000000])" "$pat" >"$tmp/path.txt"
	timeout 60 "$DYAD" sentences -q --input text "$tmp/path.txt" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ]; then ok; else not_ok "pathological '$pat': exit $rc (124 = timeout)" "$(cat "$tmp/err")"; fi
done

finish
