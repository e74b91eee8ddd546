#!/usr/bin/env bash
# seeds_test.sh -- the five real scraped articles in ../shared/corpus/seeds
# split into the sentences a reader sees, boilerplate lines kept as their
# own sentences. The expected spans (tests/seeds/expected.tsv) were checked
# by hand; only offsets are stored, never the articles' text.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
seeds=../shared/corpus/seeds
if [ ! -d "$seeds" ]; then
	echo "skipped: ../shared/corpus/seeds is absent"
	exit 0
fi
expected=tests/seeds/expected.tsv
while IFS=$'\t' read -r kind file sum; do
	if [ "$(sha256sum "$seeds/$file" | cut -d' ' -f1)" = "$sum" ]; then ok; else not_ok "seed $file changed since the spans were checked"; fi
done < <(grep '^sha256' "$expected")
for f in "$seeds"/*.txt; do
	name=$(basename "$f")
	run sentences --input text "$f"
	expect_rc "$name: read" 0
	got=$(printf '%s\n' "$out" | cut -f1-4)
	want=$(grep -P "^\Q$name\E\t" "$expected" | grep -v '^sha256')
	if [ "$got" = "$want" ]; then ok; else not_ok "$name: sentence spans differ" "$(diff <(echo "$want") <(echo "$got"))"; fi
done
# What the reader sees, beyond the spans: the boilerplate lines are separate.
run sentences --input text "$seeds"/003_*.txt
for line in "LEAVE A REPLY" "Please enter your comment!" "68.8 F" "Islamabad" "Related Articles"; do
	expect_in "003: boilerplate line '$line' is its own sentence" "$(printf '%s\n' "$out" | cut -f5)" "$line"
done
expect_eq "003: a missing space after a full stop splits (Iraq.Raisi)" \
	"$(printf '%s\n' "$out" | cut -f5 | grep -c '^Raisi engaged in discussions')" "1"
run sentences --input text "$seeds"/002_*.txt
expect_in "002: the Tehran(IP)- dateline is found" "$out" "$(printf 'dateline\t0\t11\tTehran(IP)-')"
# Actors: every person and organisation named, with its code at the
# article's date (tests/seeds/actors.tsv, reviewed by hand).
for f in "$seeds"/*.txt; do
	name=$(basename "$f")
	date=$(awk -F'\t' -v n="$name" '$1 == n {print $2; exit}' tests/seeds/actors.tsv)
	[ -n "$date" ] || continue
	run actors -q --input text --date "$date" "$f"
	got=$(printf '%s\n' "$out" | awk -F'\t' -v d="$date" '$7 ~ /^(person|group|igo|body)/ {printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", $1, d, $2, $3, $4, $6, $7, $8}')
	want=$(grep -P "^\Q$name\E\t" tests/seeds/actors.tsv)
	if [ "$got" = "$want" ]; then ok; else not_ok "$name: actors differ" "$(diff <(echo "$want") <(echo "$got"))"; fi
done
finish
