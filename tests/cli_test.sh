#!/usr/bin/env bash
# cli_test.sh -- the dyad command: help, version, options, input from files
# and standard input, both output formats, and exit statuses.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh

run --version
expect_rc "--version" 0
expect_eq "--version prints the version" "$out" "dyad $(sed -n 's/^#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad/dyad.h)"

run --help
expect_rc "--help" 0
expect_in "--help lists sentences" "$out" "sentences"
expect_in "--help lists tokens" "$out" "tokens"
expect_in "--help documents exit statuses" "$out" "Exit status"

run sentences --help
expect_rc "sentences --help" 0
expect_in "sentences --help shows usage" "$out" "Usage: dyad sentences"

run
expect_rc "no command is a usage error" 2
run frobnicate
expect_rc "unknown command" 2
expect_in "unknown command is named" "$err" "unknown command 'frobnicate'"
run sentences --bogus
expect_rc "unknown option" 2
run sentences --input xml
expect_rc "bad --input value" 2

# plain text from a file and from standard input
printf 'Mr. Zarif met Dr. Karimi in Geneva. They talked.\n' >"$tmp/a.txt"
run sentences "$tmp/a.txt"
expect_rc "text file" 0
expect_eq "text file: two sentences" "$(printf '%s\n' "$out" | wc -l)" "2"
expect_eq "text file: id, index, span, text" "$(printf '%s\n' "$out" | head -n 1)" \
	"$(printf 'a.txt\t0\t0\t35\tMr. Zarif met Dr. Karimi in Geneva.')"
out=$("$DYAD" sentences <"$tmp/a.txt")
expect_eq "stdin as text: id is stdin" "$(printf '%s\n' "$out" | cut -f1 | sort -u)" "stdin"

# JSON Lines from standard input, detected by content
printf '{"id":"x1","text":"One. Two."}\n{"id":"x2","text":"Three."}\n' >"$tmp/a.jsonl"
out=$("$DYAD" sentences --json <"$tmp/a.jsonl")
expect_eq "stdin as jsonl: three sentences" "$(printf '%s\n' "$out" | wc -l)" "3"
expect_in "json output shape" "$out" '{"article":"x1","index":1,"start":5,"end":9,"text":"Two."}'
run sentences --input text "$tmp/a.jsonl"
expect_in "--input text reads JSON as text" "$out" '{"id":"x1"'

# datelines
printf 'TEHRAN (Wire) - Iran said no.' >"$tmp/d.txt"
run sentences "$tmp/d.txt"
expect_in "dateline line in text output" "$out" "$(printf 'd.txt\tdateline\t0\t15\tTEHRAN (Wire) -')"
run sentences --json "$tmp/d.txt"
expect_in "dateline in json output" "$out" '"dateline":{"start":0,"end":15,"text":"TEHRAN (Wire) -","place":"TEHRAN","agency":"Wire"}'

# tokens
run tokens "$tmp/d.txt"
expect_in "tokens: dateline tokens marked" "$out" "$(printf 'd.txt\tdateline\t0\t6\tword\tTEHRAN\ttehran')"
expect_in "tokens: sentence tokens" "$out" "$(printf 'd.txt\t0\t16\t20\tword\tIran\tiran')"

# exit statuses
printf '{"id":"g","text":"Good."}\nnot json\n' >"$tmp/mixed.jsonl"
run sentences "$tmp/mixed.jsonl"
expect_rc "a skipped record makes exit status 1" 1
expect_in "the skipped record is named with file and line" "$err" "$tmp/mixed.jsonl:2: record is not a JSON object at byte 0"
expect_in "the good record is still printed" "$out" "Good."
run sentences -q "$tmp/mixed.jsonl"
expect_rc "-q keeps the exit status" 1
expect_eq "-q prints no summary" "$(printf '%s' "$err" | grep -c '^dyad:')" "0"
run sentences "$tmp/missing.txt" "$tmp/a.txt"
expect_rc "an unreadable file makes exit status 1" 1
expect_in "the unreadable file is named" "$err" "missing.txt"
expect_in "files after it are still read" "$out" "They talked."
if [ -w /dev/full ]; then
	"$DYAD" sentences "$tmp/a.txt" >/dev/full 2>"$tmp/err"
	rc=$?
	expect_eq "a failed write exits 3" "$rc" "3"
fi

# actors, with a dictionary written here (not the default ones)
cat >"$tmp/d.dict" <<'DICT'
entry country:IRN
name Iran
adj Iranian
capital Tehran
code IRN
entry person:ebrahim-raisi
name Ebrahim Raisi
office president IRN 2021-08-03 2024-05-19
code IRNELI
entry agent:president
name president
code ~GOV
bogus line here
code lowercase
DICT
printf 'Ebrahim Raisi spoke in Tehran. The Iranian president left.' >"$tmp/r.txt"
run actors --no-default-dict --dict "$tmp/d.dict" --date 2023-06-19 "$tmp/r.txt"
expect_rc "actors: dictionary problems are not input errors" 0
expect_in "actors: a bad dictionary line is reported with file, line and byte" "$err" "$tmp/d.dict:13: unknown directive at byte 0"
expect_in "actors: the second bad line too" "$err" "$tmp/d.dict:14: code wants CODE [FROM [TO]] with CODE in capitals, digits and ~ at byte 5"
expect_in "actors: a count of skipped lines" "$err" "2 line(s) skipped"
expect_in "actors: text output" "$out" "$(printf 'r.txt\t0\t0\t13\tEbrahim Raisi\tIRNGOV\tperson:ebrahim-raisi\texact')"
expect_in "actors: coreference" "$out" "$(printf 'Iranian president\tIRNGOV\tperson:ebrahim-raisi\tcoreference')"
run actors -q --no-default-dict --dict "$tmp/d.dict" --date 2020-01-01 --json "$tmp/r.txt"
expect_in "actors: json keys, and the code at another date" "$out" '{"article":"r.txt","sentence":0,"start":0,"end":13,"text":"Ebrahim Raisi","code":"IRNELI","entry":"person:ebrahim-raisi","how":"exact"}'
expect_eq "actors: -q silences dictionary problems" "$err" ""
printf '{"id":"j","date":"2022-05-01","text":"Ebrahim Raisi spoke."}\n' >"$tmp/r.jsonl"
run actors -q --no-default-dict --dict "$tmp/d.dict" "$tmp/r.jsonl"
expect_in "actors: the article's own date chooses the code" "$out" "$(printf 'IRNGOV\tperson:ebrahim-raisi')"
run actors --no-default-dict --dict "$tmp/nonexistent.dict" "$tmp/r.txt"
expect_rc "actors: a missing dictionary file is an error" 1
run actors --date 2023-6-1 "$tmp/r.txt"
expect_rc "actors: a bad --date is a usage error" 2
if [ -d ../shared/peers/petrarch/dictionaries ]; then
	P=../shared/peers/petrarch/dictionaries
	run actors --no-default-dict --dict "$P/Phoenix.Countries.actors.txt" --dict "$P/Phoenix.International.actors.txt" \
		--dict "$P/Phoenix.MilNonState.actors.txt" --dict "$P/Phoenix.agents.txt" "$tmp/r.txt"
	expect_rc "actors: the Phoenix dictionaries load" 0
	expect_in "actors: Phoenix entries counted" "$err" "dictionaries: 29487 entries from 4 files; 10 line(s) skipped"
	expect_in "actors: a Phoenix entry matches" "$out" "$(printf 'Tehran\tIRN\tpeer:iran\texact')"
fi
# code: events with a verb dictionary written here
cat >"$tmp/v.dict" <<'DICT'
entry country:PSE
name Gaza
code PSE
entry country:ISR
name Israel
code ISR
entry person:ziyad-al-nakhalah
name Ziyad al-Nakhalah
code PSEREBPIJ
verb meet
forms met
code 040
pattern * + in Tehran 043
verb attack
code 190
DICT
printf "Iran's President Ebrahim Raisi met Ziyad al-Nakhalah in Tehran on Sunday. Israel attacked Gaza." >"$tmp/e.txt"
run code --no-default-dict --dict "$tmp/d.dict" --dict "$tmp/v.dict" --date 2023-06-18 "$tmp/e.txt"
expect_rc "code: runs" 0
expect_in "code: the meeting, with its keys and evidence" "$out" '{"article":"e.txt","sentence":0,"date":"2023-06-18","source":"IRNGOV","target":"PSEREBPIJ","code":"043","root":"04","quad":1,"goldstein":2.8,"plover":"CONSULT","source_entry":"person:ebrahim-raisi","target_entry":"person:ziyad-al-nakhalah","flags":[],"evidence":{"source":{"start":17,"end":30,"text":"Ebrahim Raisi"},"verb":{"start":31,"end":34,"text":"met"},"target":{"start":35,"end":52,"text":"Ziyad al-Nakhalah"}}}'
expect_in "code: the attack, with the default code flagged" "$out" '"source":"ISR","target":"PSE","code":"190","root":"19","quad":4,"goldstein":-10.0,"plover":"ASSAULT"'
run code -q --format tsv --no-default-dict --dict "$tmp/d.dict" --dict "$tmp/v.dict" --date 2023-06-18 "$tmp/e.txt"
expect_eq "code: tsv has a header and one line per event" "$(printf '%s\n' "$out" | wc -l)" "3"
expect_in "code: tsv header" "$out" "$(printf 'article\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tplover')"
expect_in "code: tsv line" "$out" "$(printf 'e.txt\t1\t2023-06-18\tISR\tPSE\t190\t19\t4\t-10.0\tASSAULT\tIsrael\tattacked\tGaza')"
run code --format xml "$tmp/e.txt"
expect_rc "code: a bad --format is a usage error" 2
run code --no-default-dict --dict "$tmp/v.dict" --cameo "$tmp/missing.tsv" "$tmp/e.txt"
expect_rc "code: a missing CAMEO table is an error" 1

if [ -d ../shared/peers/tabari/dictionaries ]; then
	T=../shared/peers/tabari/dictionaries/TABARI-Dictionaries
	run actors --no-default-dict --dict "$T/CAMEO.ECS.120522.actors" --dict "$T/CAMEO.RCS.120521.actors" \
		--dict "$T/Internatnl.120521.actors" --dict "$T/Levant.080629.actors" --dict "$T/PSU.120522.agents" "$tmp/r.txt"
	expect_rc "actors: the TABARI dictionaries load" 0
	expect_in "actors: TABARI entries counted, two malformed lines" "$err" "dictionaries: 18338 entries from 5 files; 2 line(s) skipped"
	expect_in "actors: a malformed TABARI date range is named" "$err" "Levant.080629.actors:4558: date range wants FROM-TO at byte 32"
fi

finish
