/*
 * fuzz_text.c -- libFuzzer harness for the text stage: any bytes go through
 * dyad_doc_analyze and both renderers, and the structural invariants must
 * hold (tokens inside the text, in order; sentences made of whole tokens).
 */
#include "dyad/dyad.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int sink(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return 0;
}

static void check(const dyad_doc *d, size_t len)
{
	size_t nt = dyad_doc_token_count(d), prev = 0, next_tok = 0;
	for (size_t i = 0; i < nt; i++) {
		dyad_token t = dyad_doc_token(d, i);
		if (t.start >= t.end || t.end > len || t.start < prev)
			__builtin_trap();
		prev = t.end;
	}
	for (size_t i = 0; i < dyad_doc_sentence_count(d); i++) {
		dyad_sentence s = dyad_doc_sentence(d, i);
		if (s.ntokens == 0 || s.first_token < next_tok || s.first_token + s.ntokens > nt)
			__builtin_trap();
		next_tok = s.first_token + s.ntokens;
	}
	dyad_dateline dl;
	if (dyad_doc_dateline(d, &dl) && (dl.start > dl.end || dl.end > len))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_doc *doc;
	if (!doc)
		doc = dyad_doc_new(NULL);
	const char *text = (const char *)data;
	if (dyad_doc_analyze(doc, text, size, NULL) != DYAD_OK)
		return 0;
	check(doc, size);
	dyad_article a = {{"fuzz", 4}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {text, size}, "fuzz", 1};
	dyad_render_sentences(doc, &a, DYAD_RENDER_JSON, sink, NULL);
	dyad_render_sentences(doc, &a, DYAD_RENDER_TEXT, sink, NULL);
	dyad_render_tokens(doc, &a, DYAD_RENDER_JSON, sink, NULL);
	return 0;
}
