/*
 * text.c -- the document: one article's text analysed into tokens and
 * sentences (tokens.c, then sentences.c). This file is the public face of
 * stage 1: it owns the arrays, resets them between articles without giving
 * their memory back, and converts the compact internal records into the
 * public dyad_token and dyad_sentence views.
 */
#include "dyad_int.h"

#include <string.h>

dyad_doc *dyad_doc_new(const dyad_allocator *alloc)
{
	dyad_allocator a = {NULL, NULL};
	if (alloc)
		a = *alloc;
	dyad_doc *d = mem_alloc(&a, sizeof *d);
	if (!d)
		return NULL;
	memset(d, 0, sizeof *d);
	d->alloc = a;
	buf_init(&d->norm, &d->alloc, (size_t)DYAD_MAX_ARTICLE_BYTES * 4 + 64);
	buf_init(&d->strs, &d->alloc, (size_t)DYAD_MAX_ARTICLE_BYTES * 4 + 64);
	return d;
}

void dyad_doc_free(dyad_doc *d)
{
	if (!d)
		return;
	dyad_allocator a = d->alloc;
	buf_free(&d->norm);
	buf_free(&d->strs);
	mem_free(&a, d->ments);
	mem_free(&a, d->keys);
	mem_free(&a, d->names);
	mem_free(&a, d->raws);
	mem_free(&a, d->events);
	mem_free(&a, d->toks);
	mem_free(&a, d->sents);
	mem_free(&a, d);
}

static void doc_reset(dyad_doc *d, const char *text, size_t len)
{
	d->text = text;
	d->len = len;
	d->ntoks = 0;
	d->nsents = 0;
	d->nments = 0;
	d->nevents = 0;
	d->dict = NULL;
	buf_clear(&d->strs);
	buf_clear(&d->norm);
	d->has_dateline = false;
	d->dateline_end_tok = 0;
	memset(&d->dateline, 0, sizeof d->dateline);
	memset(&d->stats, 0, sizeof d->stats);
}

dyad_status dyad_doc_analyze(dyad_doc *d, const char *text, size_t len, dyad_error *err)
{
	if (!d || (!text && len)) {
		error_set(err, DYAD_ERR_ARG, "no document or no text", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	doc_reset(d, text ? text : "", text ? len : 0);
	if (len > DYAD_MAX_ARTICLE_BYTES) {
		d->len = 0;
		error_set(err, DYAD_ERR_LIMIT, "article longer than DYAD_MAX_ARTICLE_BYTES", NULL,
		          0, 0);
		return DYAD_ERR_LIMIT;
	}
	/* Typical news text has a token every 5-6 bytes and normalises to
	 * about its own size: reserve once so the hot loop rarely grows. */
	dyad_status st =
	        mem_grow(&d->alloc, (void **)&d->toks, &d->cap_toks, len / 4 + 16, sizeof(tok));
	if (st == DYAD_OK)
		st = buf_reserve(&d->norm, len + 64);
	if (st == DYAD_OK)
		st = tok_tokenize(d);
	if (st == DYAD_OK) {
		sent_find_dateline(d);
		st = sent_split(d);
	}
	if (st != DYAD_OK) {
		doc_reset(d, d->text, 0);
		error_set(err, st, st == DYAD_ERR_NOMEM ? "out of memory" : "text limit reached",
		          NULL, 0, 0);
	}
	return st;
}

size_t dyad_doc_token_count(const dyad_doc *d)
{
	return d ? d->ntoks : 0;
}

dyad_token dyad_doc_token(const dyad_doc *d, size_t i)
{
	dyad_token t = {0, 0, {"", 0}, DYAD_TOKEN_WORD, 0};
	if (!d || i >= d->ntoks)
		return t;
	const tok *k = &d->toks[i];
	t.start = k->start;
	t.end = k->end;
	t.norm = tok_norm(d, k);
	t.cls = (dyad_token_class)k->cls;
	t.flags = k->flags & 0x1FFu;
	return t;
}

size_t dyad_doc_sentence_count(const dyad_doc *d)
{
	return d ? d->nsents : 0;
}

dyad_sentence dyad_doc_sentence(const dyad_doc *d, size_t i)
{
	dyad_sentence s = {0, 0, 0, 0, 0};
	if (!d || i >= d->nsents)
		return s;
	const sent *k = &d->sents[i];
	s.start = k->start;
	s.end = k->end;
	s.first_token = k->first;
	s.ntokens = k->ntok;
	s.flags = k->flags;
	return s;
}

int dyad_doc_dateline(const dyad_doc *d, dyad_dateline *out)
{
	if (!d || !d->has_dateline)
		return 0;
	if (out)
		*out = d->dateline;
	return 1;
}

dyad_text_stats dyad_doc_stats(const dyad_doc *d)
{
	dyad_text_stats s = {0, 0, 0};
	return d ? d->stats : s;
}

dyad_str dyad_doc_text(const dyad_doc *d)
{
	dyad_str s = {"", 0};
	if (d && d->text) {
		s.p = d->text;
		s.n = d->len;
	}
	return s;
}

size_t dyad_max_article_bytes(void)
{
	return DYAD_MAX_ARTICLE_BYTES;
}

const char *dyad_token_class_name(dyad_token_class cls)
{
	switch (cls) {
	case DYAD_TOKEN_WORD: return "word";
	case DYAD_TOKEN_NUMBER: return "number";
	case DYAD_TOKEN_PUNCT: return "punct";
	case DYAD_TOKEN_QUOTE: return "quote";
	case DYAD_TOKEN_BRACKET: return "bracket";
	case DYAD_TOKEN_SYMBOL: return "symbol";
	case DYAD_TOKEN_URL: return "url";
	}
	return "unknown";
}
