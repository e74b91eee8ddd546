/*
 * fuzz_jsonl.c -- libFuzzer harness for the article readers. The first
 * byte picks the format (auto, JSON Lines, text); the rest is the input.
 * Every record is read, skipped records included, and each article's text
 * goes through the text stage. A reader must end, and what it returns must
 * be well formed: dates are YYYY-MM-DD, errors carry a message.
 */
#include "dyad/dyad.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_doc *doc;
	if (!doc)
		doc = dyad_doc_new(NULL);
	if (size == 0)
		return 0;
	dyad_format formats[] = {DYAD_FORMAT_AUTO, DYAD_FORMAT_JSONL, DYAD_FORMAT_TEXT};
	dyad_format f = formats[data[0] % 3];
	dyad_reader *r;
	if (dyad_reader_open_mem(&r, "fuzz.jsonl", (const char *)data + 1, size - 1, f, NULL,
	                         NULL) != DYAD_OK)
		return 0;
	dyad_article a;
	dyad_error err;
	dyad_status st;
	size_t rounds = 0;
	while ((st = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
		if (++rounds > size + 2) /* more records than bytes: a reader that never ends */
			__builtin_trap();
		if (st != DYAD_OK) {
			if (!err.msg || err.code != st)
				__builtin_trap();
			if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM)
				break;
			continue;
		}
		if (a.date.p && (a.date.n != 10 || a.date.p[4] != '-' || a.date.p[7] != '-'))
			__builtin_trap();
		if (!a.id.p || !a.text.p)
			__builtin_trap();
		dyad_doc_analyze(doc, a.text.p, a.text.n, NULL);
	}
	dyad_reader_free(r);
	return 0;
}
