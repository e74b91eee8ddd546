/*
 * coder.c -- stage 3: actor mentions + verb patterns -> events.
 *
 * In: a document with sentences and actor mentions (actors.c), and a
 * dictionary with verb patterns (dict_verbs.c). Out: doc->events, each a
 * source mention, a target mention, an event code and the verb's span.
 *
 * No parser: clauses are read from the order of words, the way a reader of
 * wire copy does. For each sentence:
 * 1. Verbs: every word that is a form of a dictionary verb (lemma.c), and
 *    the longest verb phrase starting there ("hold talks"); a word after a
 *    determiner ("the attack") or inside an actor's name is a noun.
 * 2. For each verb, in order: the source is the nearest actor before it
 *    (with any actors joined to it by "and"), the target the first actor
 *    after it that is not a mere place; a target that opens a clause of its
 *    own ("X said Y attacked Z") belongs to the next verb.
 *    - passive: "was attacked by X" takes X as the source and the actor
 *      before as the target;
 *    - negation: "did not meet", "never attacked" codes nothing;
 *    - intent: "will visit", "plans to meet" code as intent to cooperate
 *      (03x), "threatened to strike" as a threat (13x);
 * 3. Patterns: the most specific pattern of the verb whose words and slots
 *    match around it gives the code; else the verb's default code.
 * One event is made for each source and target pair of joined actors.
 */
#include "dyad_int.h"

#include <string.h>

typedef struct event_rec {
	uint32_t sentence;
	uint32_t src, tgt;              /* mentions */
	uint32_t verb_first, verb_last; /* tokens */
	uint32_t code;                  /* offset in doc->strs */
	uint8_t code_len;
	uint8_t flags;
} event_rec;

typedef struct verb_occ {
	uint32_t first, last; /* tokens of the verb (phrase) */
	uint32_t block;       /* the first block that applies; others share its lemma and words */
} verb_occ;

enum { MAX_VERBS_PER_SENTENCE = 64, PATTERN_GAP = 3, NEG_WINDOW = 3, GROUP_MAX = 8 };

typedef struct coder {
	dyad_doc *doc;
	const dyad_dict *dict;
	size_t sentence;
	size_t m0, m1; /* mentions of this sentence: [m0, m1) */
	verb_occ verbs[MAX_VERBS_PER_SENTENCE];
	size_t nverbs;
	size_t prev_src; /* subject of the sentence's last verb, SIZE_MAX if none */
	size_t prev_tgt; /* and its object */
} coder;

/* --- small helpers -------------------------------------------------------- */

static bool tok_word(const dyad_doc *d, size_t k, const char *w)
{
	return k < d->ntoks && tok_is(d, &d->toks[k], w, strlen(w));
}

static bool tok_any(const dyad_doc *d, size_t k, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (tok_word(d, k, words[i]))
			return true;
	return false;
}

/* Is token k an -ing form ("attacking", "visiting")? */
static bool gerund(const dyad_doc *d, size_t k)
{
	dyad_str w = tok_norm(d, &d->toks[k]);
	return w.n > 4 && memcmp(w.p + w.n - 3, "ing", 3) == 0;
}

/* The mention covering token k in this sentence, or SIZE_MAX. */
static size_t mention_at(const coder *c, size_t k)
{
	for (size_t m = c->m0; m < c->m1; m++) {
		const mention *x = &c->doc->ments[m];
		if (k >= x->first && k < x->first + x->ntok)
			return m;
	}
	return SIZE_MAX;
}

static const sent *cur_sent(const coder *c)
{
	return &c->doc->sents[c->sentence];
}

/* --- verbs ------------------------------------------------------------------ */

/* Does the literal phrase `words` ("talks", "fire on") follow token k? */
static size_t phrase_after(const dyad_doc *d, size_t k, size_t end, const char *words)
{
	size_t n = 0;
	const char *p = words;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		size_t t = k + 1 + n;
		if (t >= end || !tok_is(d, &d->toks[t], p, len))
			return 0;
		n++;
		p = sp ? sp + 1 : p + len;
	}
	return n;
}

static const char *const determiners[] = {"the", "a",   "an",    "this",  "that", "these", "those",
                                          "its", "his", "her",   "their", "our",  "my",    "your",
                                          "any", "no",  "every", "each",  NULL};

/* A headline: no final stop, or most words of four letters or more
 * capitalised ("Raisi Says Iran Supports Defense Of Palestine."). */
static bool title_case(const dyad_doc *d, const sent *s)
{
	if (s->flags & DYAD_SENTENCE_NO_STOP)
		return true;
	size_t words = 0, caps = 0;
	for (size_t k = s->first; k < s->first + s->ntok; k++) {
		const tok *t = &d->toks[k];
		if (t->cls != DYAD_TOKEN_WORD || t->end - t->start < 4)
			continue;
		words++;
		caps += (t->flags & DYAD_TOKEN_CAPITALIZED) != 0;
	}
	return words >= 3 && caps * 10 >= words * 7;
}

static const char *const be_forms[] = {"is", "are", "was", "were", "been", "being", "be", NULL};
static const char *const have_do_forms[] = {"has", "have", "had", "do", "does", "did", NULL};

/* words that are prepositions, not verbs, before "to" */
static const char *const before_to[] = {"close", "back", "thanks", "due", "next", "prior", NULL};

static bool auxiliary(const dyad_doc *d, size_t k)
{
	return tok_any(d, k, be_forms) || tok_any(d, k, have_do_forms);
}

/* Is token k the object of the verb found just before it, directly or
 * after one modifier ("rejected talks", "requested military aid", "is
 * weighing new sanctions")? Words that link two verbs ("to", "and",
 * "not", adverbs in -ly) do not count as modifiers. */
static bool object_of_verb(const coder *c, size_t k)
{
	static const char *const links[] = {
	        "to",    "and",   "or",    "but",   "not",   "n't",     "also",  "then", "again",
	        "never", "later", "first", "still", "since", "further", "after", "that", "who",
	        "which", "as",    "it",    "they",  "he",    "she",     "we",    NULL};
	if (!c->nverbs)
		return false;
	const dyad_doc *d = c->doc;
	size_t last = c->verbs[c->nverbs - 1].last;
	if (auxiliary(d, last) || gerund(d, k))
		return false; /* "was hosted", "had urged", "denied attacking" */
	if (last + 1 == k)
		return true;
	if (last + 2 != k || d->toks[k - 1].cls != DYAD_TOKEN_WORD || tok_any(d, k - 1, links) ||
	    auxiliary(d, k - 1) || mention_at(c, k - 1) != SIZE_MAX)
		return false;
	dyad_str m = tok_norm(d, &d->toks[k - 1]);
	return !(m.n > 2 && m.p[m.n - 2] == 'l' && m.p[m.n - 1] == 'y');
}

static void find_verbs(coder *c)
{
	const dyad_doc *d = c->doc;
	const dyad_dict *dict = c->dict;
	const sent *s = cur_sent(c);
	size_t end = s->first + s->ntok;
	bool headline = title_case(d, s);
	c->nverbs = 0;
	for (size_t k = s->first; k < end && c->nverbs < MAX_VERBS_PER_SENTENCE; k++) {
		const tok *t = &d->toks[k];
		if (t->cls != DYAD_TOKEN_WORD || (t->flags & DYAD_TOKEN_CLITIC) ||
		    mention_at(c, k) != SIZE_MAX)
			continue;
		if (k > s->first &&
		    (tok_any(d, k - 1, determiners) || (d->toks[k - 1].flags & DYAD_TOKEN_CLITIC)))
			continue; /* "the attack", "Iran's support": a noun */
		/* a capital inside a sentence is a name ("Operation Al Aqsa Storm"),
		 * except in a headline, where every word has one */
		if (k > s->first && (t->flags & DYAD_TOKEN_CAPITALIZED) && !headline)
			continue;
		if (object_of_verb(c, k))
			continue; /* "rejected talks", "requested military aid": a noun */
		if (tok_any(d, k, before_to) && tok_word(d, k + 1, "to"))
			continue; /* "close to the border", "thanks to", "back to France" */
		dyad_str n = tok_norm(d, t);
		uint32_t b = lemma_verb(dict, n.p, n.n);
		if (b == UINT32_MAX)
			continue;
		/* the longest phrase of this lemma that follows, else a bare verb */
		uint32_t best = UINT32_MAX;
		size_t best_len = 0;
		bool bare = false;
		for (uint32_t x = b; x != UINT32_MAX; x = dict->vblocks[x].next) {
			const verb_block *vb = &dict->vblocks[x];
			if (!vb->words) {
				if (!bare && best == UINT32_MAX)
					best = x;
				bare = true;
				continue;
			}
			size_t len = phrase_after(d, k, end, dict_s(dict, vb->words));
			if (len > best_len) {
				best_len = len;
				best = x;
			}
		}
		if (best == UINT32_MAX)
			continue;
		c->verbs[c->nverbs++] = (verb_occ){(uint32_t)k, (uint32_t)(k + best_len), best};
		k += best_len;
	}
}

/* --- clause reading ------------------------------------------------------------ */

static const char *const negations[] = {"not", "n't", "never", "no", NULL};
static const char *const intents[] = {
        "will",  "would",  "shall",    "plans", "planned", "plan",  "intends", "intended", "intend",
        "wants", "wanted", "expected", "set",   "going",   "hopes", "hoped",   NULL};
static const char *const threats[] = {"threatened", "threatens", "threaten", "threatening", NULL};
/* "promised to release", "offered to mediate", "ready to negotiate" */
static const char *const promises[] = {"promised", "promises",  "promise", "pledged", "pledges",
                                       "pledge",   "vowed",     "vows",    "vow",     "offered",
                                       "offers",   "offer",     "agreed",  "agrees",  "ready",
                                       "willing",  "committed", "commits", NULL};
static const char *const refusals[] = {"refused",  "refuses",  "refuse",  "refusing",
                                       "declined", "declines", "decline", NULL};
static const char *const denials[] = {"denied", "denies", "deny", "denying", NULL};
static const char *const joins[] = {"and", ",", "&", NULL};
static const char *const destinations[] = {"to", "into", "toward", "towards", NULL};

/* Actors joined to mention m by "and" or commas, within this sentence: the
 * group [*lo, *hi] of mentions. */
static void group_of(const coder *c, size_t m, size_t *lo, size_t *hi)
{
	const dyad_doc *d = c->doc;
	*lo = *hi = m;
	while (*lo > c->m0 && *lo - 1 >= c->m0) {
		const mention *a = &d->ments[*lo - 1], *b = &d->ments[*lo];
		size_t gap = b->first - (a->first + a->ntok);
		if (gap != 1 || !tok_any(d, a->first + a->ntok, joins) || m - *lo + 1 >= GROUP_MAX)
			break;
		(*lo)--;
	}
	while (*hi + 1 < c->m1) {
		const mention *a = &d->ments[*hi], *b = &d->ments[*hi + 1];
		size_t gap = b->first - (a->first + a->ntok);
		bool join = (gap == 1 && tok_any(d, a->first + a->ntok, joins)) ||
		            (gap == 2 && tok_word(d, a->first + a->ntok, ",") &&
		             tok_word(d, a->first + a->ntok + 1, "and"));
		if (!join || *hi - m + 1 >= GROUP_MAX)
			break;
		(*hi)++;
	}
}

/* Is there a verb occurrence starting in tokens [a, b)? */
static bool verb_between(const coder *c, size_t a, size_t b)
{
	for (size_t v = 0; v < c->nverbs; v++)
		if (c->verbs[v].first >= a && c->verbs[v].first < b)
			return true;
	return false;
}

/* Look back from the verb over up to `window` tokens for one of `words`,
 * stopping at an actor. */
static bool before_verb(const coder *c, size_t v, size_t window, const char *const *words)
{
	const dyad_doc *d = c->doc;
	size_t s0 = cur_sent(c)->first;
	for (size_t k = v, n = 0; k > s0 && n < window; n++) {
		k--;
		if (mention_at(c, k) != SIZE_MAX)
			break;
		if (tok_any(d, k, words))
			return true;
	}
	return false;
}

/* --- patterns ----------------------------------------------------------------- */

/* Match alternatives "a b|c" at token k; returns tokens matched or 0. */
static size_t match_alts(const dyad_doc *d, size_t k, size_t end, const char *alts)
{
	const char *p = alts;
	while (*p) {
		const char *bar = strchr(p, '|');
		const char *e = bar ? bar : p + strlen(p);
		size_t n = 0;
		bool ok = true;
		for (const char *q = p; q < e && ok;) {
			const char *sp = memchr(q, ' ', (size_t)(e - q));
			const char *we = sp ? sp : e;
			ok = k + n < end && tok_is(d, &d->toks[k + n], q, (size_t)(we - q));
			n++;
			q = sp ? sp + 1 : e;
		}
		if (ok)
			return n;
		p = bar ? bar + 1 : e;
	}
	return 0;
}

typedef struct binding {
	size_t source, target; /* mentions, SIZE_MAX when not bound */
	size_t literal;        /* tokens the pattern's literal words matched */
	size_t end;            /* token after the pattern's last element */
} binding;

/* Match the elements after the verb, forward from token `from`. */
static bool match_after(const coder *c, const verb_pattern *vp, size_t from, binding *b)
{
	const dyad_doc *d = c->doc;
	const dyad_dict *dict = c->dict;
	size_t end = cur_sent(c)->first + cur_sent(c)->ntok;
	size_t pos = from;
	bool after = false;
	for (uint32_t i = 0; i < vp->n; i++) {
		const verb_elem *e = &dict->velems[vp->first + i];
		if (e->type == VE_VERB) {
			after = true;
			continue;
		}
		if (!after)
			continue;
		size_t gap = e->adjacent ? 0 : PATTERN_GAP;
		bool found = false;
		for (size_t k = pos; k < end && k <= pos + gap && !found; k++) {
			if (e->type == VE_WORDS) {
				size_t n = match_alts(d, k, end, dict_s(dict, e->alts));
				if (n) {
					pos = k + n;
					b->literal += n;
					found = true;
				}
			} else {
				size_t m = mention_at(c, k);
				if (m != SIZE_MAX && d->ments[m].first == k) {
					if (e->type == VE_TARGET)
						b->target = m;
					else
						b->source = m;
					pos = k + d->ments[m].ntok;
					found = true;
				}
			}
		}
		if (!found)
			return false;
	}
	b->end = pos;
	return true;
}

/* Match the elements before the verb, backward from token `to`. */
static bool match_before(const coder *c, const verb_pattern *vp, size_t to, binding *b)
{
	const dyad_doc *d = c->doc;
	const dyad_dict *dict = c->dict;
	size_t s0 = cur_sent(c)->first;
	size_t pos = to;
	uint32_t verb_at = 0;
	while (verb_at < vp->n && dict->velems[vp->first + verb_at].type != VE_VERB)
		verb_at++;
	for (uint32_t i = verb_at; i-- > 0;) {
		const verb_elem *e = &dict->velems[vp->first + i];
		bool found = false;
		for (size_t k = pos; k > s0 && pos - k <= PATTERN_GAP + 1 && !found;) {
			k--;
			if (e->type == VE_WORDS) {
				size_t n = match_alts(d, k, pos, dict_s(dict, e->alts));
				if (n) {
					pos = k;
					b->literal += n;
					found = true;
				}
			} else {
				size_t m = mention_at(c, k);
				if (m != SIZE_MAX) {
					if (e->type == VE_SOURCE)
						b->source = m;
					else
						b->target = m;
					pos = d->ments[m].first;
					found = true;
				}
			}
		}
		if (!found)
			return false;
	}
	return true;
}

/* Does block y apply where block x was chosen: the same lemma (it is on
 * x's chain) and the same phrase words? Blocks of one verb may come from
 * several files (each root's file adds its patterns). */
static bool same_verb(const dyad_dict *dict, uint32_t x, uint32_t y)
{
	uint32_t wx = dict->vblocks[x].words, wy = dict->vblocks[y].words;
	return (!wx && !wy) || (wx && wy && strcmp(dict_s(dict, wx), dict_s(dict, wy)) == 0);
}

/* The most specific matching pattern among the blocks of the verb at v:
 * the most literal words, then the most tokens those words matched. */
static const verb_pattern *best_pattern(const coder *c, const verb_occ *v, binding *b)
{
	const dyad_dict *dict = c->dict;
	const verb_pattern *best = NULL;
	binding best_b = *b;
	for (uint32_t x = v->block; x != UINT32_MAX; x = dict->vblocks[x].next) {
		if (!same_verb(dict, v->block, x))
			continue;
		const verb_block *vb = &dict->vblocks[x];
		for (uint32_t i = 0; i < vb->n; i++) {
			const verb_pattern *vp = &dict->vpats[vb->first + i];
			binding trial = *b;
			trial.literal = 0;
			if (!match_after(c, vp, v->last + 1, &trial) ||
			    !match_before(c, vp, v->first, &trial))
				continue;
			/* more literal words, then more words matched ("humanitarian
			 * aid" over "aid"); on a tie the first listed */
			if (!best || vp->words > best->words ||
			    (vp->words == best->words && trial.literal > best_b.literal)) {
				best = vp;
				best_b = trial;
			}
		}
	}
	*b = best_b;
	return best;
}

/* The default code of the verb at v: the first of its blocks that has one. */
static const char *default_code(const coder *c, const verb_occ *v)
{
	const dyad_dict *dict = c->dict;
	for (uint32_t x = v->block; x != UINT32_MAX; x = dict->vblocks[x].next)
		if (same_verb(dict, v->block, x) && dict->vblocks[x].code)
			return dict_s(dict, dict->vblocks[x].code);
	return NULL;
}

/* --- events ------------------------------------------------------------------ */

/* A role with no country or organisation ("officials", "the military"): a
 * side of an event nobody could place. Pronouns resolved to a person are
 * not bare. */
static bool bare_role(const coder *c, const mention *m)
{
	const dict_entry *e = &c->dict->entries[m->entry];
	return e->kind == EK_AGENT && m->how == DYAD_HOW_AGENT && m->code_len <= 3;
}

static dyad_status add_event(coder *c, size_t src, size_t tgt, const verb_occ *v, const char *code,
                             size_t code_len, unsigned flags)
{
	dyad_doc *d = c->doc;
	const mention *ms = &d->ments[src], *mt = &d->ments[tgt];
	if (ms->entry == mt->entry || ms->code_len == 0 || mt->code_len == 0)
		return DYAD_OK; /* no self-events, no actor without a code */
	if (ms->code_len == mt->code_len &&
	    memcmp(d->strs.p + ms->code, d->strs.p + mt->code, ms->code_len) == 0)
		return DYAD_OK; /* "the US president ... Washington": one actor twice */
	if (bare_role(c, ms) || bare_role(c, mt))
		return DYAD_OK; /* "the military", "children": whose? */
	if (d->nevents == d->cap_events) {
		dyad_status st = mem_grow(&d->alloc, (void **)&d->events, &d->cap_events,
		                          d->nevents + 1, sizeof *d->events);
		if (st != DYAD_OK)
			return st;
	}
	event_rec *e = &d->events[d->nevents];
	e->sentence = (uint32_t)c->sentence;
	e->src = (uint32_t)src;
	e->tgt = (uint32_t)tgt;
	e->verb_first = v->first;
	e->verb_last = v->last;
	e->code = (uint32_t)d->strs.n;
	e->code_len = (uint8_t)code_len;
	e->flags = (uint8_t)flags;
	dyad_status st = buf_append(&d->strs, code, code_len);
	if (st == DYAD_OK)
		d->nevents++;
	return st;
}

/* What a verb is wrapped in: "will release" (intent), "threatened to cut
 * ties" (threat), "refused to meet" (refusal), "denied attacking" (denial). */
enum modal { MODAL_NONE, MODAL_INTENT, MODAL_THREAT, MODAL_REFUSAL, MODAL_DENIAL };

/* Intent to do X is CAMEO 03x, a threat to do X 13x, a refusal 12x: the
 * code of X, matched by its longest prefix here, gives the code of the
 * intent, threat or refusal ("will release" 084 -> 0353, "threatened to
 * cut ties" 161 -> 1313, "refused to meet" 04 -> 125). Attacks of any kind
 * threatened are 138 unless the table is more specific (a blockade, an
 * occupation, weapons of mass destruction); a refusal to speak ("declined
 * to comment") is 011. */
typedef struct modal_rule {
	const char *prefix, *intent, *threat, *refusal;
} modal_rule;

static const modal_rule modal_rules[] = {
        /* clang-format off */
	{"01",   NULL,   NULL,   "011"},
	{"04",   "036",  NULL,   "125"},
	{"045",  "039",  NULL,   "125"},
	{"05",   "032",  NULL,   "120"},
	{"06",   "031",  NULL,   "121"},
	{"061",  "0311", NULL,   "1211"},
	{"062",  "0312", NULL,   "1212"},
	{"063",  "0313", NULL,   "121"},
	{"064",  "0314", NULL,   "121"},
	{"07",   "033",  NULL,   "122"},
	{"071",  "0331", NULL,   "1221"},
	{"072",  "0332", NULL,   "1222"},
	{"073",  "0333", NULL,   "1223"},
	{"074",  "0334", NULL,   "1224"},
	{"08",   "035",  NULL,   "124"},
	{"081",  "0351", NULL,   "1241"},
	{"082",  "0352", NULL,   "1242"},
	{"083",  "034",  NULL,   "123"},
	{"0831", "0341", NULL,   "1231"},
	{"0832", "0342", NULL,   "1232"},
	{"0833", "0343", NULL,   "1233"},
	{"0834", "0344", NULL,   "1234"},
	{"084",  "0353", NULL,   "1243"},
	{"085",  "0354", NULL,   "1244"},
	{"086",  "0355", NULL,   "1245"},
	{"087",  "0356", NULL,   "1246"},
	{"14",   NULL,   "130",  NULL},
	{"15",   NULL,   "130",  NULL},
	{"16",   NULL,   "130",  NULL},
	{"161",  NULL,   "1313", NULL},
	{"162",  NULL,   "1311", NULL},
	{"163",  NULL,   "1312", NULL},
	{"164",  NULL,   "134",  NULL},
	{"165",  NULL,   "135",  NULL},
	{"166",  NULL,   "136",  NULL},
	{"17",   NULL,   "130",  NULL},
	{"172",  NULL,   "132",  NULL},
	{"1721", NULL,   "1321", NULL},
	{"1722", NULL,   "1322", NULL},
	{"1723", NULL,   "1323", NULL},
	{"1724", NULL,   "1324", NULL},
	{"173",  NULL,   "137",  NULL},
	{"175",  NULL,   "137",  NULL},
	{"18",   NULL,   "138",  NULL},
	{"19",   NULL,   "138",  NULL},
	{"191",  NULL,   "1381", NULL},
	{"192",  NULL,   "1382", NULL},
	{"20",   NULL,   "138",  NULL},
	{"204",  NULL,   "1385", NULL},
        /* clang-format on */
};

/* The code for `code` wrapped in modal m; NULL when the table has none
 * (the verb's own code stands). A denial of anything is 016. */
static const char *modal_code(const char *code, enum modal m)
{
	if (m == MODAL_DENIAL)
		return "016";
	const char *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof modal_rules / sizeof *modal_rules; i++) {
		const modal_rule *r = &modal_rules[i];
		size_t n = strlen(r->prefix);
		const char *to = m == MODAL_INTENT   ? r->intent
		                 : m == MODAL_THREAT ? r->threat
		                                     : r->refusal;
		if (to && n > best_len && strncmp(code, r->prefix, n) == 0) {
			best = to;
			best_len = n;
		}
	}
	return best;
}

/* The nearest mention before token v, after the previous verb's target. */
static size_t source_before(const coder *c, size_t v, size_t floor)
{
	for (size_t m = c->m1; m-- > c->m0;) {
		const mention *x = &c->doc->ments[m];
		if (x->first + x->ntok <= v && x->first >= floor &&
		    !(x->flags & DYAD_MENTION_LOCATIVE))
			return m;
	}
	return SIZE_MAX;
}

/* The mention that is the object of a preposition (one of `preps`) at
 * token k: "to Haiti", "to the IMF"; SIZE_MAX when there is none. */
static size_t object_of_prep(const coder *c, size_t k, const char *const *preps)
{
	const dyad_doc *d = c->doc;
	if (!tok_any(d, k, preps))
		return SIZE_MAX;
	k++;
	if (tok_word(d, k, "the"))
		k++;
	size_t m = mention_at(c, k);
	return m != SIZE_MAX && d->ments[m].first == k ? m : SIZE_MAX;
}

/* Is mention m a place that the bare role (forces, weapons) before it is
 * sent to: "troops to Haiti", "fighter jets into Ukraine"? */
static bool sent_to(const coder *c, size_t role, size_t m)
{
	const mention *r = &c->doc->ments[role];
	return bare_role(c, r) && (c->doc->ments[m].flags & DYAD_MENTION_LOCATIVE) &&
	       object_of_prep(c, r->first + r->ntok, destinations) == m;
}

/* Is mention m addressed by the verb: "apologised to Namibia", "appealed to
 * the IMF" ("to" right after the verb)? */
static bool addressed(const coder *c, const verb_occ *v, size_t m)
{
	static const char *const to[] = {"to", NULL};
	return object_of_prep(c, v->last + 1, to) == m;
}

/* The actor a pattern's object goes to or is for: "pledged aid to Syria",
 * "promised more weapons to Ukraine", "funding for Lebanon". k is the
 * token after the pattern's words. */
static size_t recipient_after(const coder *c, size_t k)
{
	static const char *const to_for[] = {"to", "for", NULL};
	return object_of_prep(c, k, to_for);
}

/* Does token k end the mention `object` (the last verb's object)? */
static bool after_object(const coder *c, size_t k, size_t object)
{
	size_t m = mention_at(c, k);
	if (m == SIZE_MAX)
		return false;
	const mention *x = &c->doc->ments[m];
	return m == object && x->first + x->ntok == k + 1;
}

/* Does the verb at vi share the subject of the verb before it: "praised
 * Qatar but criticised Israel", "met Erdogan in Sochi and then phoned
 * Zelensky", "phoned Macron before visiting Poland"? `object` is the
 * mention the verb before took as its object (SIZE_MAX if none). */
static bool coordinated(const coder *c, size_t vi, size_t object)
{
	static const char *const adverbs[] = {"then",         "also",        "later",
	                                      "subsequently", "again",       "jointly",
	                                      "separately",   "immediately", NULL};
	static const char *const ands[] = {"and", "but", NULL};
	static const char *const times[] = {"before", "after", "while", NULL};
	const dyad_doc *d = c->doc;
	if (vi == 0)
		return false;
	size_t k = c->verbs[vi].first, s0 = cur_sent(c)->first;
	while (k > s0 && tok_any(d, k - 1, adverbs))
		k--;
	if (k == s0 || k - 1 <= c->verbs[vi - 1].last)
		return false;
	if (tok_word(d, c->verbs[vi].last + 1, "by"))
		return false; /* "the regime, backed by Moscow": a reduced relative */
	if (tok_word(d, k - 1, ","))
		return k >= 2 &&
		       after_object(c, k - 2, object); /* not "Erdogan, Turkey's president, said" */
	if (tok_any(d, k - 1, ands))
		return true;
	return tok_any(d, k - 1, times) && gerund(d, c->verbs[vi].first);
}

/* The first mention after the verb that is not a place, before the next
 * verb; SIZE_MAX when it opens a clause of its own. Forces sent somewhere
 * make the place the target: "deployed troops to Haiti". */
static size_t target_after(const coder *c, size_t vi)
{
	const verb_occ *v = &c->verbs[vi];
	size_t next_verb = vi + 1 < c->nverbs ? c->verbs[vi + 1].first : SIZE_MAX;
	for (size_t m = c->m0; m < c->m1; m++) {
		const mention *x = &c->doc->ments[m];
		if (x->first <= v->last)
			continue;
		if (x->first >= next_verb)
			return SIZE_MAX;
		if ((x->flags & DYAD_MENTION_LOCATIVE) && !addressed(c, v, m))
			continue;
		if (m + 1 < c->m1 && c->doc->ments[m + 1].first < next_verb && sent_to(c, m, m + 1))
			x = &c->doc->ments[++m];
		/* "said Israel attacked": the actor is the next verb's subject,
		 * unless that verb is coordinated with this one ("praised Qatar
		 * but criticised Israel") */
		if (next_verb != SIZE_MAX && !verb_between(c, x->first + x->ntok, next_verb) &&
		    next_verb - (x->first + x->ntok) <= 3 && !coordinated(c, vi + 1, m))
			return SIZE_MAX;
		return m;
	}
	return SIZE_MAX;
}

/* Does token k look like a past participle (-ed, -en, or irregular)? */
static bool participle(const dyad_doc *d, size_t k)
{
	dyad_str n = tok_norm(d, &d->toks[k]);
	if (n.n > 3 && ((n.p[n.n - 2] == 'e' && n.p[n.n - 1] == 'd') ||
	                (n.p[n.n - 2] == 'e' && n.p[n.n - 1] == 'n')))
		return true;
	static const char *const irregular[] = {
	        "held",   "led",   "made",  "brought", "sent", "hit",  "struck", "shot", "seized",
	        "caught", "taken", "given", "built",   "met",  "told", "set",    NULL};
	return tok_any(d, k, irregular);
}

/* Statements to the press are not events: "an official told reporters". */
static bool to_press(const coder *c, const char *code, size_t target)
{
	if (code[0] != '0' || code[1] != '1' || target == SIZE_MAX)
		return false;
	const char *tc = dyad_doc_mention(c->doc, target).code.p;
	size_t n = dyad_doc_mention(c->doc, target).code.n;
	return n >= 3 && memcmp(tc + n - 3, "MED", 3) == 0;
}

/* A statement (root 01) by default code is an event only when its target
 * is addressed: "told Iran", not "reiterated the Islamic Republic's
 * support" or "said Israel ..." -- the target must follow the verb. */
static bool mere_mention(const coder *c, const char *code, const verb_pattern *vp,
                         const verb_occ *v, size_t target)
{
	if (vp || code[0] != '0' || code[1] != '1' || target == SIZE_MAX)
		return false;
	return c->doc->ments[target].first != v->last + 1;
}

static dyad_status code_verb(coder *c, size_t vi, size_t *floor)
{
	const dyad_doc *d = c->doc;
	const dyad_dict *dict = c->dict;
	const verb_occ *v = &c->verbs[vi];
	if (before_verb(c, v->first, NEG_WINDOW, negations))
		return DYAD_OK; /* "was attacked by X", and the reduced form "a truce brokered by X"
		                 */
	bool passive = tok_word(d, v->last + 1, "by") &&
	               (before_verb(c, v->first, 2, be_forms) || participle(d, v->first));
	binding b = {SIZE_MAX, SIZE_MAX, 0, 0};
	const verb_pattern *vp = best_pattern(c, v, &b);
	if (b.source == SIZE_MAX)
		b.source = coordinated(c, vi, c->prev_tgt) ? c->prev_src
		                                           : source_before(c, v->first, *floor);
	if (b.source != SIZE_MAX)
		c->prev_src = b.source;
	if (b.target == SIZE_MAX && vp && b.end > v->last + 1)
		b.target = recipient_after(c, b.end);
	if (b.target == SIZE_MAX)
		b.target = target_after(c, vi);
	c->prev_tgt = b.target;
	if (passive) { /* "X was attacked by Y": swap */
		size_t at = v->last + 2 + tok_word(d, v->last + 2, "the"); /* "by the G7" */
		size_t agent = mention_at(c, at);
		if (agent == SIZE_MAX)
			return DYAD_OK;
		b.target = b.source;
		b.source = agent;
	}
	if (b.source == SIZE_MAX || b.target == SIZE_MAX)
		return DYAD_OK;
	const char *code = vp ? dict_s(dict, vp->code) : default_code(c, v);
	if (!code || to_press(c, code, b.target) || mere_mention(c, code, vp, v, b.target))
		return DYAD_OK;
	unsigned flags = (passive ? DYAD_EVENT_PASSIVE : 0) | (vp ? 0 : DYAD_EVENT_DEFAULT);
	enum modal mod =
	        before_verb(c, v->first, 3, threats)    ? MODAL_THREAT
	        : before_verb(c, v->first, 3, refusals) ? MODAL_REFUSAL
	        : before_verb(c, v->first, 3, denials)  ? MODAL_DENIAL
	        : before_verb(c, v->first, 3, intents) || before_verb(c, v->first, 3, promises)
	                ? MODAL_INTENT
	                : MODAL_NONE;
	if (mod != MODAL_NONE) {
		const char *m = modal_code(code, mod);
		if (!m && mod == MODAL_REFUSAL)
			m = "120"; /* refusing to do X is never doing X */
		if (m) {
			code = m;
			flags |= mod == MODAL_THREAT   ? DYAD_EVENT_THREAT
			         : mod == MODAL_INTENT ? DYAD_EVENT_INTENT
			                               : 0;
		}
	}
	size_t slo, shi, tlo, thi;
	group_of(c, b.source, &slo, &shi);
	group_of(c, b.target, &tlo, &thi);
	if (tlo <= shi && slo <= thi) /* overlapping groups: keep the pair as found */
		slo = shi = b.source, tlo = thi = b.target;
	dyad_status st = DYAD_OK;
	for (size_t s = slo; s <= shi && st == DYAD_OK; s++)
		for (size_t t = tlo; t <= thi && st == DYAD_OK; t++)
			st = add_event(c, s, t, v, code, strlen(code), flags);
	const mention *tm = &d->ments[passive ? b.source : b.target];
	*floor = tm->first + tm->ntok;
	return st;
}

/* Does the sentence hold a discard phrase ("world cup")? */
static bool discarded(const coder *c)
{
	const dyad_doc *d = c->doc;
	const dyad_dict *dict = c->dict;
	const sent *s = cur_sent(c);
	for (size_t i = 0; i < dict->ndiscards; i++) {
		const char *ph = dict_s(dict, dict->discards[i]);
		for (size_t k = s->first; k < s->first + s->ntok; k++)
			if (match_alts(d, k, s->first + s->ntok, ph))
				return true;
	}
	return false;
}

dyad_status dyad_doc_code_events(dyad_doc *doc, dyad_dict *dict, dyad_error *err)
{
	if (!doc || !dict) {
		error_set(err, DYAD_ERR_ARG, "no document or no dictionary", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	dyad_status st = dyad_dict_compile(dict, err);
	if (st != DYAD_OK)
		return st;
	doc->nevents = 0;
	coder c;
	memset(&c, 0, sizeof c);
	c.doc = doc;
	c.dict = dict;
	size_t m = 0;
	for (size_t s = 0; s < doc->nsents && st == DYAD_OK; s++) {
		c.sentence = s;
		c.m0 = m;
		while (m < doc->nments && doc->ments[m].sentence == s)
			m++;
		c.m1 = m;
		if (c.m1 - c.m0 < 2)
			continue;
		find_verbs(&c);
		c.prev_src = c.prev_tgt = SIZE_MAX;
		size_t floor = doc->sents[s].first, before = doc->nevents;
		for (size_t v = 0; v < c.nverbs && st == DYAD_OK; v++)
			st = code_verb(&c, v, &floor);
		/* a discard phrase ("world cup") takes back the sentence's events;
		 * looked for only where there are events to take back */
		if (doc->nevents > before && discarded(&c))
			doc->nevents = before;
	}
	if (st != DYAD_OK) {
		doc->nevents = 0;
		error_set(err, st, "out of memory coding events", NULL, 0, 0);
	}
	return st;
}

size_t dyad_doc_event_count(const dyad_doc *doc)
{
	return doc ? doc->nevents : 0;
}

dyad_event dyad_doc_event(const dyad_doc *doc, size_t i)
{
	dyad_event e;
	memset(&e, 0, sizeof e);
	e.source.p = e.target.p = e.source_entry.p = e.target_entry.p = e.code.p = "";
	if (!doc || i >= doc->nevents)
		return e;
	const event_rec *r = &doc->events[i];
	dyad_mention s = dyad_doc_mention(doc, r->src), t = dyad_doc_mention(doc, r->tgt);
	e.sentence = r->sentence;
	e.source = s.code;
	e.target = t.code;
	e.source_entry = s.entry;
	e.target_entry = t.entry;
	e.code.p = doc->strs.p + r->code;
	e.code.n = r->code_len;
	e.source_start = s.start;
	e.source_end = s.end;
	e.target_start = t.start;
	e.target_end = t.end;
	e.verb_start = doc->toks[r->verb_first].start;
	e.verb_end = doc->toks[r->verb_last].end;
	e.flags = r->flags;
	return e;
}
