/*
 * lemma.c -- verb lemmas: which verb of the dictionary a word is a form of.
 *
 * No external lexicon: the verb dictionary itself says which lemmas exist,
 * so a candidate base form counts only when a verb block has it ("raised"
 * gives "rais" and "raise"; only "raise" is a verb). Irregular forms come
 * from a built-in table of English irregular verbs (written for dyad from
 * general knowledge of English) and from the dictionaries' `forms` lines.
 * Regular forms are undone by the usual rules: -s, -es, -ies, -ed, -ied,
 * -ing, -ying, a doubled final consonant (stopped, stopping) and a dropped
 * final e (raised, raising).
 */
#include "dyad_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct irregular {
	const char *form, *lemma;
} irregular;

/* Sorted by form, for bsearch. */
static const irregular irregulars[] = {{"am", "be"},
                                       {"are", "be"},
                                       {"arisen", "arise"},
                                       {"arose", "arise"},
                                       {"ate", "eat"},
                                       {"awoke", "awake"},
                                       {"awoken", "awake"},
                                       {"beaten", "beat"},
                                       {"became", "become"},
                                       {"been", "be"},
                                       {"began", "begin"},
                                       {"begun", "begin"},
                                       {"being", "be"},
                                       {"bent", "bend"},
                                       {"bit", "bite"},
                                       {"bitten", "bite"},
                                       {"bled", "bleed"},
                                       {"blew", "blow"},
                                       {"blown", "blow"},
                                       {"bore", "bear"},
                                       {"born", "bear"},
                                       {"borne", "bear"},
                                       {"bought", "buy"},
                                       {"bound", "bind"},
                                       {"bred", "breed"},
                                       {"broke", "break"},
                                       {"broken", "break"},
                                       {"brought", "bring"},
                                       {"built", "build"},
                                       {"burnt", "burn"},
                                       {"came", "come"},
                                       {"caught", "catch"},
                                       {"chose", "choose"},
                                       {"chosen", "choose"},
                                       {"clung", "cling"},
                                       {"crept", "creep"},
                                       {"dealt", "deal"},
                                       {"did", "do"},
                                       {"does", "do"},
                                       {"done", "do"},
                                       {"dove", "dive"},
                                       {"drank", "drink"},
                                       {"drawn", "draw"},
                                       {"dreamt", "dream"},
                                       {"drew", "draw"},
                                       {"driven", "drive"},
                                       {"drove", "drive"},
                                       {"drunk", "drink"},
                                       {"dug", "dig"},
                                       {"eaten", "eat"},
                                       {"fallen", "fall"},
                                       {"fed", "feed"},
                                       {"fell", "fall"},
                                       {"felt", "feel"},
                                       {"fled", "flee"},
                                       {"flew", "fly"},
                                       {"flies", "fly"},
                                       {"flown", "fly"},
                                       {"flung", "fling"},
                                       {"forbade", "forbid"},
                                       {"forbidden", "forbid"},
                                       {"foresaw", "foresee"},
                                       {"foreseen", "foresee"},
                                       {"forgave", "forgive"},
                                       {"forgiven", "forgive"},
                                       {"forgone", "forgo"},
                                       {"forgot", "forget"},
                                       {"forgotten", "forget"},
                                       {"forwent", "forgo"},
                                       {"fought", "fight"},
                                       {"found", "find"},
                                       {"froze", "freeze"},
                                       {"frozen", "freeze"},
                                       {"gave", "give"},
                                       {"given", "give"},
                                       {"goes", "go"},
                                       {"gone", "go"},
                                       {"got", "get"},
                                       {"gotten", "get"},
                                       {"grew", "grow"},
                                       {"ground", "grind"},
                                       {"grown", "grow"},
                                       {"had", "have"},
                                       {"has", "have"},
                                       {"having", "have"},
                                       {"heard", "hear"},
                                       {"held", "hold"},
                                       {"hid", "hide"},
                                       {"hidden", "hide"},
                                       {"hung", "hang"},
                                       {"is", "be"},
                                       {"kept", "keep"},
                                       {"knelt", "kneel"},
                                       {"knew", "know"},
                                       {"known", "know"},
                                       {"laid", "lay"},
                                       {"lain", "lie"},
                                       {"lay", "lie"},
                                       {"leant", "lean"},
                                       {"led", "lead"},
                                       {"left", "leave"},
                                       {"lent", "lend"},
                                       {"lit", "light"},
                                       {"lost", "lose"},
                                       {"made", "make"},
                                       {"meant", "mean"},
                                       {"met", "meet"},
                                       {"misled", "mislead"},
                                       {"mistaken", "mistake"},
                                       {"mistook", "mistake"},
                                       {"overcame", "overcome"},
                                       {"overheard", "overhear"},
                                       {"overran", "overrun"},
                                       {"overridden", "override"},
                                       {"overrode", "override"},
                                       {"oversaw", "oversee"},
                                       {"overseen", "oversee"},
                                       {"overtaken", "overtake"},
                                       {"overthrew", "overthrow"},
                                       {"overthrown", "overthrow"},
                                       {"overtook", "overtake"},
                                       {"paid", "pay"},
                                       {"partaken", "partake"},
                                       {"partook", "partake"},
                                       {"proved", "prove"},
                                       {"proven", "prove"},
                                       {"ran", "run"},
                                       {"rang", "ring"},
                                       {"rebuilt", "rebuild"},
                                       {"repaid", "repay"},
                                       {"retaken", "retake"},
                                       {"retook", "retake"},
                                       {"rewritten", "rewrite"},
                                       {"rewrote", "rewrite"},
                                       {"ridden", "ride"},
                                       {"risen", "rise"},
                                       {"rode", "ride"},
                                       {"rose", "rise"},
                                       {"rung", "ring"},
                                       {"said", "say"},
                                       {"sang", "sing"},
                                       {"sank", "sink"},
                                       {"sat", "sit"},
                                       {"saw", "see"},
                                       {"says", "say"},
                                       {"seen", "see"},
                                       {"sent", "send"},
                                       {"sewed", "sew"},
                                       {"sewn", "sew"},
                                       {"shaken", "shake"},
                                       {"shone", "shine"},
                                       {"shook", "shake"},
                                       {"shot", "shoot"},
                                       {"showed", "show"},
                                       {"shown", "show"},
                                       {"shrank", "shrink"},
                                       {"shrunk", "shrink"},
                                       {"slain", "slay"},
                                       {"slept", "sleep"},
                                       {"slew", "slay"},
                                       {"slid", "slide"},
                                       {"sold", "sell"},
                                       {"sought", "seek"},
                                       {"sowed", "sow"},
                                       {"sown", "sow"},
                                       {"spat", "spit"},
                                       {"sped", "speed"},
                                       {"spent", "spend"},
                                       {"spoke", "speak"},
                                       {"spoken", "speak"},
                                       {"sprang", "spring"},
                                       {"sprung", "spring"},
                                       {"spun", "spin"},
                                       {"stole", "steal"},
                                       {"stolen", "steal"},
                                       {"stood", "stand"},
                                       {"stricken", "strike"},
                                       {"striven", "strive"},
                                       {"strove", "strive"},
                                       {"struck", "strike"},
                                       {"stuck", "stick"},
                                       {"stung", "sting"},
                                       {"sung", "sing"},
                                       {"sunk", "sink"},
                                       {"swam", "swim"},
                                       {"swelled", "swell"},
                                       {"swept", "sweep"},
                                       {"swollen", "swell"},
                                       {"swore", "swear"},
                                       {"sworn", "swear"},
                                       {"swum", "swim"},
                                       {"swung", "swing"},
                                       {"taken", "take"},
                                       {"taught", "teach"},
                                       {"thought", "think"},
                                       {"threw", "throw"},
                                       {"thrown", "throw"},
                                       {"told", "tell"},
                                       {"took", "take"},
                                       {"tore", "tear"},
                                       {"torn", "tear"},
                                       {"trod", "tread"},
                                       {"trodden", "tread"},
                                       {"undergone", "undergo"},
                                       {"understood", "understand"},
                                       {"undertaken", "undertake"},
                                       {"undertook", "undertake"},
                                       {"underwent", "undergo"},
                                       {"upheld", "uphold"},
                                       {"was", "be"},
                                       {"went", "go"},
                                       {"wept", "weep"},
                                       {"were", "be"},
                                       {"withdrawn", "withdraw"},
                                       {"withdrew", "withdraw"},
                                       {"withheld", "withhold"},
                                       {"withstood", "withstand"},
                                       {"woke", "wake"},
                                       {"woken", "wake"},
                                       {"won", "win"},
                                       {"wore", "wear"},
                                       {"worn", "wear"},
                                       {"wound", "wind"},
                                       {"wove", "weave"},
                                       {"woven", "weave"},
                                       {"written", "write"},
                                       {"wrote", "write"},
                                       {"wrung", "wring"}};

static uint64_t hash_str(const char *p, size_t n)
{
	return translit_hash(p, n);
}

/* An open-addressing table for `count` keys, every slot empty; its size,
 * a power of two at least twice `count`, in *n. NULL when out of memory. */
static uint32_t *empty_table(dyad_dict *d, size_t count, size_t *n)
{
	*n = 16;
	while (*n < count * 2 + 2)
		*n *= 2;
	uint32_t *ix = mem_realloc(&d->alloc, NULL, *n * sizeof *ix);
	for (size_t i = 0; ix && i < *n; i++)
		ix[i] = UINT32_MAX;
	return ix;
}

/* The dictionaries' irregular forms, by form. */
static dyad_status index_forms(dyad_dict *d)
{
	size_t n;
	uint32_t *ix = empty_table(d, d->nvforms, &n);
	if (!ix)
		return DYAD_ERR_NOMEM;
	for (size_t f = 0; f < d->nvforms; f++) {
		const char *w = dict_s(d, d->vforms[f].form);
		size_t i = (size_t)hash_str(w, strlen(w)) & (n - 1);
		while (ix[i] != UINT32_MAX)
			i = (i + 1) & (n - 1);
		ix[i] = (uint32_t)f;
	}
	mem_free(&d->alloc, d->findex);
	d->findex = ix;
	d->nfindex = n;
	return DYAD_OK;
}

dyad_status lemma_index(dyad_dict *d)
{
	size_t n;
	uint32_t *ix = empty_table(d, d->nvblocks, &n);
	if (!ix)
		return DYAD_ERR_NOMEM;
	/* insert in reverse so each chain runs in file order */
	for (size_t b = d->nvblocks; b-- > 0;) {
		verb_block *vb = &d->vblocks[b];
		const char *l = dict_s(d, vb->lemma);
		size_t i = (size_t)hash_str(l, strlen(l)) & (n - 1);
		while (ix[i] != UINT32_MAX && strcmp(dict_s(d, d->vblocks[ix[i]].lemma), l) != 0)
			i = (i + 1) & (n - 1);
		vb->next = ix[i];
		ix[i] = (uint32_t)b;
	}
	mem_free(&d->alloc, d->vindex);
	d->vindex = ix;
	d->nvindex = n;
	return index_forms(d);
}

uint32_t lemma_block(const dyad_dict *d, const char *lemma, size_t n)
{
	if (!d->nvindex || n == 0)
		return UINT32_MAX;
	size_t i = (size_t)hash_str(lemma, n) & (d->nvindex - 1);
	while (d->vindex[i] != UINT32_MAX) {
		const char *l = dict_s(d, d->vblocks[d->vindex[i]].lemma);
		if (strlen(l) == n && memcmp(l, lemma, n) == 0)
			return d->vindex[i];
		i = (i + 1) & (d->nvindex - 1);
	}
	return UINT32_MAX;
}

static int cmp_irregular(const void *key, const void *elem)
{
	const dyad_str *k = key;
	const char *f = ((const irregular *)elem)->form;
	size_t n = strlen(f);
	int c = strncmp(k->p, f, k->n < n ? k->n : n);
	return c ? c : (k->n > n) - (k->n < n);
}

/* Try base form b (n bytes, b may be edited in place by the caller). */
static uint32_t try(const dyad_dict *d, const char *b, size_t n)
{
	return n ? lemma_block(d, b, n) : UINT32_MAX;
}

static bool vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Undo a regular inflection: candidates in order of likelihood. */
static uint32_t regular(const dyad_dict *d, const char *w, size_t n)
{
	char b[64];
	if (n < 3 || n >= sizeof b - 2)
		return UINT32_MAX;
	memcpy(b, w, n);
	uint32_t r;
	if (n > 3 && memcmp(w + n - 3, "ies", 3) == 0) { /* carries -> carry */
		memcpy(b + n - 3, "y", 1);
		if ((r = try(d, b, n - 2)) != UINT32_MAX)
			return r;
	}
	if (n > 3 && memcmp(w + n - 3, "ied", 3) == 0) { /* carried -> carry */
		memcpy(b + n - 3, "y", 1);
		if ((r = try(d, b, n - 2)) != UINT32_MAX)
			return r;
	}
	if (n > 4 && memcmp(w + n - 4, "ying", 4) == 0) { /* dying -> die */
		memcpy(b + n - 4, "ie", 2);
		if ((r = try(d, b, n - 2)) != UINT32_MAX)
			return r;
		memcpy(b, w, n);
	}
	size_t stem = 0;
	if (w[n - 1] == 's') {
		if ((r = try(d, w, n - 1)) != UINT32_MAX) /* meets */
			return r;
		if (n > 3 && w[n - 2] == 'e' && (r = try(d, w, n - 2)) != UINT32_MAX) /* watches */
			return r;
		return UINT32_MAX;
	}
	if (n > 3 && memcmp(w + n - 2, "ed", 2) == 0)
		stem = n - 2;
	else if (n > 4 && memcmp(w + n - 3, "ing", 3) == 0)
		stem = n - 3;
	if (!stem)
		return UINT32_MAX;
	if ((r = try(d, w, stem)) != UINT32_MAX) /* attacked, meeting */
		return r;
	/* raised, raising: a dropped e */
	b[stem] = 'e';
	if ((r = try(d, b, stem + 1)) != UINT32_MAX)
		return r;
	/* stopped, stopping: a doubled consonant */
	if (stem > 2 && w[stem - 1] == w[stem - 2] && !vowel(w[stem - 1]) &&
	    (r = try(d, w, stem - 1)) != UINT32_MAX)
		return r;
	/* agreed: the stem already ends in e */
	if (memcmp(w + n - 2, "ed", 2) == 0 && w[n - 3] == 'e' &&
	    (r = try(d, w, n - 1)) != UINT32_MAX)
		return r;
	return UINT32_MAX;
}

uint32_t lemma_verb(const dyad_dict *d, const char *w, size_t n)
{
	if (!d->nvindex || n == 0)
		return UINT32_MAX;
	uint32_t r = lemma_block(d, w, n);
	if (r != UINT32_MAX)
		return r;
	dyad_str key = {w, n};
	const irregular *irr = bsearch(&key, irregulars, sizeof irregulars / sizeof *irregulars,
	                               sizeof *irregulars, cmp_irregular);
	if (irr && (r = lemma_block(d, irr->lemma, strlen(irr->lemma))) != UINT32_MAX)
		return r;
	if (d->nfindex) { /* the dictionaries' own forms */
		for (size_t i = (size_t)hash_str(w, n) & (d->nfindex - 1);
		     d->findex[i] != UINT32_MAX; i = (i + 1) & (d->nfindex - 1)) {
			const verb_form *vf = &d->vforms[d->findex[i]];
			const char *f = dict_s(d, vf->form);
			if (strlen(f) != n || memcmp(f, w, n) != 0)
				continue;
			const char *l = dict_s(d, vf->lemma);
			if ((r = lemma_block(d, l, strlen(l))) != UINT32_MAX)
				return r;
		}
	}
	return regular(d, w, n);
}

int dyad_dict_verb_lemma(dyad_dict *d, const char *word, size_t len, dyad_str *lemma)
{
	char w[64];
	if (!d || !word || len == 0 || len >= sizeof w || dyad_dict_compile(d, NULL) != DYAD_OK)
		return 0;
	for (size_t i = 0; i < len; i++)
		w[i] = (char)norm_ascii_lower[(unsigned char)word[i]];
	uint32_t b = lemma_verb(d, w, len);
	if (b == UINT32_MAX)
		return 0;
	if (lemma) {
		lemma->p = dict_s(d, d->vblocks[b].lemma);
		lemma->n = strlen(lemma->p);
	}
	return 1;
}
