#!/usr/bin/env bash
# demo.sh BUILD -- what `make demo` shows: dyad run on the sample articles
# that ship in data/samples, stage by stage as the pipeline grows.
set -eu
cd "$(dirname "$0")/.."
dyad="${1:-build}/dyad"
samples=data/samples/wire.jsonl

bold() { if [ -t 1 ]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi; }

bold "$("$dyad" --version): $(grep -c . "$samples") sample wire articles in $samples"
echo
bold "Sentences (article, index, byte span, text; datelines are kept apart)"
echo
"$dyad" sentences "$samples" | awk -F'\t' '
	$1 != last { if (last != "") print ""; print "  " $1; last = $1 }
	{ idx = ($2 == "dateline") ? "  dl" : sprintf("%4d", $2)
	  printf "  %s  [%5d,%5d)  %s\n", idx, $3, $4, $5 }'
echo
bold "Actors (article, sentence, text -> code at the article's date, dictionary entry, how found)"
echo
"$dyad" actors -q "$samples" | awk -F'\t' '
	$1 != last { if (last != "") print ""; print "  " $1; last = $1 }
	{ printf "  %4d  %-42s %-10s %-36s %s\n", $2, substr($5, 1, 42), $6, $7, $8 }'
echo
articles=$("$dyad" sentences "$samples" | cut -f1 | sort -u | wc -l)
sentences=$("$dyad" sentences "$samples" | awk -F'\t' '$2 != "dateline"' | wc -l)
datelines=$("$dyad" sentences "$samples" | awk -F'\t' '$2 == "dateline"' | wc -l)
tokens=$("$dyad" tokens "$samples" | wc -l)
mentions=$("$dyad" actors -q "$samples" | wc -l)
bold "$articles articles, $sentences sentences, $datelines datelines, $tokens tokens, $mentions actor mentions."
echo "Try: $dyad tokens $samples | head      (tokens with offsets and normalised forms)"
echo "     $dyad sentences --json $samples   (JSON Lines)"
echo "     $dyad actors --json --date 2023-06-19 FILE   (actors at a given date)"
