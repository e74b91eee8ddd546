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
bold "Events (article, sentence: source -> target, CAMEO code, Goldstein; the words behind them)"
echo
"$dyad" code -q --format tsv "$samples" | awk -F'\t' '
	NR == 1 { next }
	$1 != last { if (last != "") print ""; print "  " $1 " (" $3 ")"; last = $1 }
	{ printf "  %4d  %-10s -> %-10s %-5s %6s  %s | %s | %s\n", $2, $4, $5, $6, $9, $11, $12, $13 }'
echo
articles=$("$dyad" sentences "$samples" | cut -f1 | sort -u | wc -l)
sentences=$("$dyad" sentences "$samples" | awk -F'\t' '$2 != "dateline"' | wc -l)
datelines=$("$dyad" sentences "$samples" | awk -F'\t' '$2 == "dateline"' | wc -l)
tokens=$("$dyad" tokens "$samples" | wc -l)
mentions=$("$dyad" actors -q "$samples" | wc -l)
events=$("$dyad" code -q "$samples" | wc -l)
bold "$articles articles, $sentences sentences, $datelines datelines, $tokens tokens, $mentions actor mentions, $events events."
echo "The event coder is a first version (issue 4 is in progress): expect misses and false events."
echo "Try: $dyad tokens $samples | head      (tokens with offsets and normalised forms)"
echo "     $dyad sentences --json $samples   (JSON Lines)"
echo "     $dyad actors --json --date 2023-06-19 FILE   (actors at a given date)"
