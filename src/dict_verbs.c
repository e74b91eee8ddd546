/*
 * dict_verbs.c -- verb patterns in our dictionary format (docs/dictionaries.md),
 * read line by line for dict_ours.c:
 *
 *   verb    meet                   a block: the head verb's lemma (and literal words
 *   forms   met | meeting          of a phrase: "hold talks"); irregular forms;
 *   code    040                    the default event code;
 *   pattern * with +        042    patterns: * the verb, $ source, + target,
 *   pattern * + to_ discuss 046    literal words (w_ = the next follows directly),
 *   pattern * {in | at} +   043    {a | b c} alternatives; then the code.
 *   discard world cup              a phrase that marks a sentence as not political.
 *
 * Every problem is reported as file:line: message at byte N and the line
 * skipped; the rest of the block and the file still load. Patterns are
 * stored as element lists (verb, source, target, word alternatives) for the
 * event coder.
 */
#include "dyad_int.h"

#include <string.h>

static bool is_code(const char *p, size_t n)
{
	if (n < 2 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

static const char *skip(const char *p, const char *end)
{
	while (p < end && dict_space(*p))
		p++;
	return p;
}

static const char *trim_end(const char *p, const char *end)
{
	while (end > p && dict_space(end[-1]))
		end--;
	return end;
}

/* Lower-case ASCII words with single spaces, into out (NUL-terminated). */
static size_t words_lower(const char *p, const char *end, char *out, size_t cap)
{
	size_t m = 0;
	bool space = false;
	for (; p < end && m + 2 < cap; p++) {
		if (dict_space(*p)) {
			space = m > 0;
			continue;
		}
		if (space)
			out[m++] = ' ';
		space = false;
		out[m++] = (char)norm_ascii_lower[(unsigned char)*p];
	}
	out[m] = '\0';
	return m;
}

dyad_status verbs_block(dyad_dict *d, const dict_line *l, const char *p, const char *end)
{
	p = skip(p, end);
	end = trim_end(p, end);
	const char *sp = p;
	while (sp < end && !dict_space(*sp))
		sp++;
	if (sp == p) {
		dict_bad(l, p, "verb wants a lemma, e.g. 'verb meet' or 'verb hold talks'");
		return DYAD_ERR_SYNTAX;
	}
	dyad_status st = mem_grow(&d->alloc, (void **)&d->vblocks, &d->cap_vblocks, d->nvblocks + 1,
	                          sizeof *d->vblocks);
	if (st != DYAD_OK)
		return st;
	verb_block *b = &d->vblocks[d->nvblocks];
	memset(b, 0, sizeof *b);
	char lemma[256], rest[512];
	size_t ln = words_lower(p, sp, lemma, sizeof lemma);
	size_t rn = words_lower(sp, end, rest, sizeof rest);
	st = dict_str(d, lemma, ln, &b->lemma);
	if (st == DYAD_OK && rn)
		st = dict_str(d, rest, rn, &b->words);
	if (st != DYAD_OK)
		return st;
	b->first = (uint32_t)d->nvpats;
	b->file = l->file;
	b->line = (uint32_t)l->lineno;
	d->nvblocks++;
	d->stats.verbs++;
	return DYAD_OK;
}

dyad_status verbs_forms(dyad_dict *d, const dict_line *l, const char *p, const char *end)
{
	verb_block *b = &d->vblocks[d->nvblocks - 1];
	bool any = false;
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *e = bar ? bar : end;
		const char *a = skip(p, e), *z = trim_end(a, e);
		if (z > a) {
			char form[128];
			size_t fn = words_lower(a, z, form, sizeof form);
			dyad_status st = mem_grow(&d->alloc, (void **)&d->vforms, &d->cap_vforms,
			                          d->nvforms + 1, sizeof *d->vforms);
			if (st == DYAD_OK)
				st = dict_str(d, form, fn, &d->vforms[d->nvforms].form);
			if (st != DYAD_OK)
				return st;
			d->vforms[d->nvforms++].lemma = b->lemma;
			any = true;
		}
		p = bar ? bar + 1 : end;
	}
	if (!any)
		dict_bad(l, p, "forms wants one or more forms separated by |");
	return DYAD_OK;
}

dyad_status verbs_code(dyad_dict *d, const dict_line *l, const char *p, const char *end)
{
	p = skip(p, end);
	end = trim_end(p, end);
	if (!is_code(p, (size_t)(end - p))) {
		dict_bad(l, p, "code wants a CAMEO code of 2 to 4 digits");
		return DYAD_OK;
	}
	verb_block *b = &d->vblocks[d->nvblocks - 1];
	if (b->code) {
		dict_bad(l, p, "the verb already has a default code");
		return DYAD_OK;
	}
	d->stats.patterns++;
	return dict_str(d, p, (size_t)(end - p), &b->code);
}

static dyad_status push_elem(dyad_dict *d, verb_elem e)
{
	dyad_status st = mem_grow(&d->alloc, (void **)&d->velems, &d->cap_velems, d->nvelems + 1,
	                          sizeof *d->velems);
	if (st == DYAD_OK)
		d->velems[d->nvelems++] = e;
	return st;
}

/* Parse the elements of a pattern in [p, end) (the code already cut off).
 * Returns an error message, or NULL; *words counts literal words. */
static const char *elements(dyad_dict *d, const char *p, const char *end, uint16_t *words,
                            const char **at, dyad_status *st)
{
	int verbs = 0, sources = 0, targets = 0;
	bool adjacent = false;
	*words = 0;
	while ((p = skip(p, end)) < end && *st == DYAD_OK) {
		*at = p;
		verb_elem e = {VE_WORDS, adjacent, 0};
		adjacent = false;
		char alts[512];
		size_t an = 0;
		if (*p == '{') {
			const char *close = memchr(p, '}', (size_t)(end - p));
			if (!close)
				return "'{' without '}'";
			/* a b | c -> "a b|c" */
			for (const char *q = p + 1; q < close;) {
				const char *bar = memchr(q, '|', (size_t)(close - q));
				const char *e2 = bar ? bar : close;
				const char *a = skip(q, e2), *z = trim_end(a, e2);
				if (z == a)
					return "an empty alternative in {...}";
				if (an)
					alts[an++] = '|';
				an += words_lower(a, z, alts + an, sizeof alts - an);
				q = bar ? bar + 1 : close;
			}
			p = close + 1;
			if (p < end && *p == '_') {
				adjacent = true;
				p++;
			}
			(*words)++;
		} else {
			const char *w = p;
			while (p < end && !dict_space(*p) && *p != '{')
				p++;
			size_t n = (size_t)(p - w);
			if (n > 1 && w[n - 1] == '_') {
				adjacent = true;
				n--;
			}
			if (n == 1 && (*w == '*' || *w == '$' || *w == '+')) {
				e.type = *w == '*' ? VE_VERB : *w == '$' ? VE_SOURCE : VE_TARGET;
				verbs += *w == '*';
				sources += *w == '$';
				targets += *w == '+';
			} else if (n == 1 && *w == '_') {
				adjacent = true;
				continue;
			} else {
				an = words_lower(w, w + n, alts, sizeof alts);
				(*words)++;
			}
		}
		if (e.type == VE_WORDS)
			*st = dict_str(d, alts, an, &e.alts);
		if (*st == DYAD_OK)
			*st = push_elem(d, e);
	}
	if (verbs != 1)
		return "a pattern wants exactly one * (the verb)";
	if (sources > 1 || targets > 1)
		return "a pattern has at most one $ and one +";
	return NULL;
}

dyad_status verbs_pattern(dyad_dict *d, const dict_line *l, const char *p, const char *end)
{
	p = skip(p, end);
	end = trim_end(p, end);
	const char *code = end;
	while (code > p && !dict_space(code[-1]))
		code--;
	if (!is_code(code, (size_t)(end - code))) {
		dict_bad(l, code, "a pattern ends with its CAMEO code (2 to 4 digits)");
		return DYAD_OK;
	}
	size_t elems0 = d->nvelems;
	uint16_t words;
	const char *at = p;
	dyad_status st = DYAD_OK;
	const char *msg = elements(d, p, code, &words, &at, &st);
	if (st != DYAD_OK)
		return st;
	if (msg) {
		d->nvelems = elems0;
		dict_bad(l, at, msg);
		return DYAD_OK;
	}
	st = mem_grow(&d->alloc, (void **)&d->vpats, &d->cap_vpats, d->nvpats + 1,
	              sizeof *d->vpats);
	if (st != DYAD_OK)
		return st;
	verb_pattern *vp = &d->vpats[d->nvpats];
	vp->block = (uint32_t)(d->nvblocks - 1);
	vp->first = (uint32_t)elems0;
	vp->n = (uint32_t)(d->nvelems - elems0);
	vp->words = words;
	vp->line = (uint32_t)l->lineno;
	st = dict_str(d, code, (size_t)(end - code), &vp->code);
	if (st != DYAD_OK)
		return st;
	d->nvpats++;
	d->vblocks[d->nvblocks - 1].n++;
	d->stats.patterns++;
	return DYAD_OK;
}

dyad_status verbs_discard(dyad_dict *d, const dict_line *l, const char *p, const char *end)
{
	p = skip(p, end);
	end = trim_end(p, end);
	if (p == end) {
		dict_bad(l, p, "discard wants a phrase");
		return DYAD_OK;
	}
	char phrase[512];
	size_t n = words_lower(p, end, phrase, sizeof phrase);
	dyad_status st = mem_grow(&d->alloc, (void **)&d->discards, &d->cap_discards,
	                          d->ndiscards + 1, sizeof *d->discards);
	if (st == DYAD_OK)
		st = dict_str(d, phrase, n, &d->discards[d->ndiscards]);
	if (st == DYAD_OK) {
		d->ndiscards++;
		d->stats.discards++;
	}
	return st;
}
