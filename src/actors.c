/*
 * actors.c -- stage 2b: sentences + dictionary -> actor mentions.
 *
 * In: an analysed document (tokens, sentences), a compiled dictionary and
 * the article's date. Out: doc->ments, one per actor mention, in text
 * order, each with its code at that date and how it was found.
 *
 * Per sentence:
 * 1. Keys: every name part gets a variant key (translit.c).
 * 2. Matching: from each key, walk the hash of key-sequence prefixes while
 *    some phrase continues, and keep the longest phrase that verifies: a
 *    lower-case dictionary word must be the same word; a capitalised name
 *    part must be capitalised in the text (any spelling with the same key);
 *    an acronym must be in capitals ("US", not "us"). Where no phrase
 *    starts, a surname seen earlier in the article with its full name may.
 * 3. Composition, what a reader does with the pieces:
 *    - titles and roles before a person are the person's ("Iran's President
 *      Ebrahim Raisi" is one mention of Raisi);
 *    - a country with a role is one actor: "Iranian foreign minister",
 *      "Israel's army", "police in Lima" -> IRNGOV, ISRMIL, PERCOP;
 *    - a group with a role is the group ("Hamas fighters");
 *    - a capital alone stands for the government ("Tehran said" ->
 *      IRNGOV), after in/at/to/from for the country as a place;
 *    - a name that is also a first name or a word ("Jordan") is dropped
 *      when it sits inside another capitalised name ("Michael Jordan").
 * 4. Coreference: "he"/"she" is the last person named; "the group" the
 *    last organisation; a role phrase ("the Iranian president", "Iran's top
 *    diplomat", "the Islamic Jihad leader") the person named earlier who
 *    held that office at the article's date.
 */
#include "dyad_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct raw_match {
	uint32_t first, last; /* key items */
	uint32_t entry;
	uint8_t how;
	uint8_t role; /* phrase_role */
	bool dropped;
} raw_match;

typedef struct local_name {
	uint64_t h;
	uint32_t entry;
} local_name;

#define SEQ_SEED 0x243F6A8885A308D3ull

/* Name parts shorter than this match only as written: folding short words
 * makes too many of them meet (By/BiH, Ali/Ala). A name of one part needs
 * one letter more (Abbi is not Abiy). */
enum { VARIANT_MIN_BYTES = 4 };

/* Common English words: they never match a name by a variant key, so a
 * sentence-initial "They" is not "Thai" and "Then" not "Thane". Sorted for
 * bsearch; written for dyad from general knowledge of English. */
static const char *const common_words[] = {
        "a",       "able",     "about",   "above",   "across",   "after",      "again",
        "against", "ago",      "ahead",   "all",     "almost",   "along",      "already",
        "also",    "although", "always",  "am",      "amid",     "among",      "an",
        "and",     "another",  "any",     "anyone",  "anything", "are",        "around",
        "as",      "at",       "away",    "back",    "be",       "became",     "because",
        "become",  "becomes",  "been",    "before",  "being",    "below",      "best",
        "better",  "between",  "big",     "both",    "bring",    "brought",    "but",
        "by",      "call",     "called",  "came",    "can",      "care",       "case",
        "cause",   "certain",  "clear",   "close",   "come",     "comes",      "coming",
        "could",   "country",  "day",     "days",    "dead",     "death",      "did",
        "do",      "does",     "doing",   "done",    "down",     "during",     "each",
        "early",   "either",   "else",    "end",     "enough",   "even",       "ever",
        "every",   "face",     "fact",    "far",     "fear",     "fell",       "felt",
        "few",     "find",     "first",   "five",    "for",      "foreign",    "four",
        "free",    "from",     "full",    "further", "gave",     "get",        "gets",
        "give",    "given",    "go",      "goes",    "going",    "gone",       "good",
        "got",     "great",    "group",   "had",     "half",     "hand",       "hard",
        "has",     "have",     "having",  "he",      "head",     "held",       "help",
        "her",     "here",     "hers",    "herself", "high",     "him",        "himself",
        "his",     "home",     "hope",    "hour",    "house",    "how",        "however",
        "huge",    "i",        "if",      "in",      "inside",   "into",       "is",
        "issue",   "it",       "its",     "itself",  "just",     "keep",       "kept",
        "kill",    "killed",   "know",    "known",   "large",    "largest",    "last",
        "late",    "later",    "lead",    "least",   "leave",    "left",       "less",
        "let",     "life",     "like",    "likely",  "line",     "little",     "live",
        "long",    "look",     "lost",    "lot",     "low",      "made",       "main",
        "major",   "make",     "man",     "many",    "may",      "me",         "mean",
        "meet",    "men",      "met",     "might",   "mind",     "miss",       "money",
        "month",   "months",   "more",    "most",    "move",     "much",       "must",
        "my",      "myself",   "near",    "need",    "needs",    "neither",    "never",
        "new",     "news",     "next",    "night",   "no",       "none",       "nor",
        "north",   "not",      "nothing", "now",     "number",   "of",         "off",
        "often",   "old",      "on",      "once",    "one",      "only",       "open",
        "or",      "order",    "other",   "others",  "our",      "ours",       "ourselves",
        "out",     "over",     "own",     "part",    "past",     "people",     "per",
        "perhaps", "place",    "plan",    "play",    "point",    "power",      "press",
        "public",  "put",      "rather",  "read",    "real",     "really",     "report",
        "right",   "rule",     "run",     "said",    "same",     "saw",        "say",
        "says",    "second",   "see",     "seem",    "seemed",   "seems",      "seen",
        "send",    "sent",     "set",     "seven",   "several",  "shall",      "she",
        "should",  "show",     "side",    "since",   "six",      "small",      "so",
        "some",    "soon",     "south",   "speak",   "stand",    "start",      "state",
        "states",  "stay",     "step",    "still",   "stop",     "such",       "take",
        "taken",   "talk",     "talks",   "tell",    "ten",      "term",       "than",
        "that",    "the",      "their",   "theirs",  "them",     "themselves", "then",
        "there",   "these",    "they",    "thing",   "things",   "think",      "third",
        "this",    "those",    "though",  "three",   "through",  "thus",       "time",
        "times",   "to",       "told",    "too",     "took",     "top",        "toward",
        "towards", "town",     "tried",   "true",    "try",      "turn",       "two",
        "under",   "until",    "up",      "upon",    "us",       "use",        "used",
        "very",    "via",      "view",    "vote",    "want",     "wanted",     "war",
        "was",     "watch",    "water",   "way",     "we",       "week",       "weeks",
        "well",    "went",     "were",    "west",    "what",     "when",       "where",
        "whether", "which",    "while",   "who",     "whole",    "whom",       "whose",
        "why",     "wide",     "wife",    "will",    "with",     "within",     "without",
        "woman",   "women",    "word",    "words",   "work",     "world",      "would",
        "year",    "years",    "yet",     "you",     "young",    "your",       "yours",
        "yourself"};

static int cmp_word(const void *key, const void *elem)
{
	const dyad_str *k = key;
	const char *w = *(const char *const *)elem;
	size_t n = strlen(w);
	int c = strncmp(k->p, w, k->n < n ? k->n : n);
	return c ? c : (k->n > n) - (k->n < n);
}

static bool common_word(const char *p, size_t n)
{
	dyad_str k = {p, n};
	return bsearch(&k, common_words, sizeof common_words / sizeof *common_words,
	               sizeof *common_words, cmp_word) != NULL;
}

typedef struct finder {
	dyad_doc *doc;
	const dyad_dict *dict;
	uint32_t date;
	size_t sentence;
	size_t first_mention; /* of this sentence */
} finder;

/* --- matching ------------------------------------------------------------ */

static bool verify(const finder *f, const dict_phrase *ph, size_t i, bool *exact)
{
	const dyad_dict *d = f->dict;
	const dyad_doc *doc = f->doc;
	*exact = true;
	for (uint32_t k = 0; k < ph->n; k++) {
		const dict_ptok *pt = &d->ptoks[ph->first + k];
		const key_item *it = &doc->keys[i + k];
		if (it->key != pt->key)
			return false;
		bool same = it->norm_len == pt->norm_len &&
		            memcmp(doc->norm.p + it->norm, dict_s(d, pt->norm), pt->norm_len) == 0;
		/* a hyphen for a space between the phrase's parts is a variant; a hyphen
		 * before its first part ("Syria-Iraq") joins it to something else */
		if (!same || (k > 0 && (it->caps & KEY_JOINED) != pt->joined) ||
		    it->article != pt->article)
			*exact = false;
		/* names spelled as listed (countries, roles, acronyms) keep their
		 * article too: "Salvador" alone is not El Salvador */
		if ((pt->req & REQ_SAME) && (!same || it->article != pt->article))
			return false;
		/* short name parts and common words must be spelled the same:
		 * "By" is not "BiH", "They" is not "Thai" */
		size_t min = ph->n == 1 ? VARIANT_MIN_BYTES + 1 : VARIANT_MIN_BYTES;
		if (!same && (it->norm_len < min || pt->norm_len < min ||
		              common_word(doc->norm.p + it->norm, it->norm_len)))
			return false;
		if ((pt->req & REQ_CAP) && !(it->caps & (KEY_CAP | KEY_UPPER)))
			return false;
		/* an acronym in capitals; of four letters or more also in British
		 * style ("Nato", "Unicef"), but "Who" is not the WHO */
		if ((pt->req & REQ_UPPER) && !(it->caps & KEY_UPPER) &&
		    !((it->caps & KEY_CAP) && it->norm_len >= 4))
			return false;
		/* an acronym in the text is not a spelling of a name: SANE is not Sanaa */
		if (!same && (pt->req & REQ_CAP) && (it->caps & KEY_UPPER))
			return false;
	}
	return true;
}

/* Does entry e hold a dated code (an office) at the date? */
static bool active(const finder *f, const dict_entry *e)
{
	if (!f->date)
		return false;
	for (uint32_t i = 0; i < e->ncodes; i++) {
		const dict_code *c = &f->dict->codes[e->first_code + i];
		if (c->dated && c->from <= f->date && f->date <= c->to)
			return true;
	}
	return false;
}

/* Among phrases with one key sequence, the best: exact before variant,
 * in office at the date before not, then the first loaded. */
static int score(const finder *f, const dict_phrase *ph, bool exact)
{
	const dict_entry *e = &f->dict->entries[ph->entry];
	return (exact ? 4 : 0) + (active(f, e) ? 2 : 0) + (e->kind != EK_TITLE ? 1 : 0);
}

static dyad_status push_raw(dyad_doc *doc, raw_match r)
{
	if (doc->nraws == doc->cap_raws) {
		dyad_status st = mem_grow(&doc->alloc, (void **)&doc->raws, &doc->cap_raws,
		                          doc->nraws + 1, sizeof *doc->raws);
		if (st != DYAD_OK)
			return st;
	}
	doc->raws[doc->nraws++] = r;
	return DYAD_OK;
}

static bool capitalised(const key_item *it)
{
	return (it->caps & (KEY_CAP | KEY_UPPER)) != 0;
}

/* A surname (one or two keys) seen in this article after its full name. */
static size_t local_match(const finder *f, size_t i, uint32_t *entry)
{
	const dyad_doc *doc = f->doc;
	for (size_t len = 2; len >= 1; len--) {
		if (i + len > doc->nkeys)
			continue;
		uint64_t h = SEQ_SEED;
		bool caps = true;
		for (size_t k = 0; k < len; k++) {
			h = dict_seq_hash(h, doc->keys[i + k].key);
			caps &= capitalised(&doc->keys[i + k]);
		}
		if (!caps)
			continue;
		for (size_t n = doc->nnames; n-- > 0;)
			if (doc->names[n].h == h) {
				*entry = doc->names[n].entry;
				return len;
			}
	}
	return 0;
}

/* The longest verified phrase starting at key i, of an entry of `kind` if
 * kind >= 0; with, for any kind, a surname seen earlier in the article.
 * Returns its length in keys (0: none) and fills *best. */
static size_t longest_at(const finder *f, size_t i, int kind, raw_match *best)
{
	const dyad_doc *doc = f->doc;
	const dyad_dict *d = f->dict;
	uint64_t h = SEQ_SEED;
	size_t best_len = 0;
	int best_score = -1;
	for (size_t j = i; j < doc->nkeys && j - i < d->max_phrase; j++) {
		h = dict_seq_hash(h, doc->keys[j].key);
		const dict_slot *s = dict_lookup(d, h);
		if (!s)
			break;
		for (uint32_t p = s->phrase; p != UINT32_MAX; p = d->phrases[p].next) {
			bool exact;
			const dict_phrase *ph = &d->phrases[p];
			if (ph->n != j - i + 1 ||
			    (kind >= 0 && d->entries[ph->entry].kind != kind) ||
			    !verify(f, ph, i, &exact))
				continue;
			int sc = score(f, ph, exact);
			if (j - i + 1 > best_len || sc > best_score) {
				best_len = j - i + 1;
				best_score = sc;
				*best = (raw_match){
				        (uint32_t)i,
				        (uint32_t)j,
				        ph->entry,
				        (uint8_t)(exact ? DYAD_HOW_EXACT : DYAD_HOW_VARIANT),
				        ph->role,
				        false};
			}
		}
		if (!s->prefix)
			break;
	}
	uint32_t entry;
	size_t ll = kind < 0 ? local_match(f, i, &entry) : 0;
	if (ll > best_len) {
		*best = (raw_match){(uint32_t)i, (uint32_t)(i + ll - 1),
		                    entry,       DYAD_HOW_SURNAME,
		                    PR_NAME,     false};
		best_len = ll;
	}
	return best_len;
}

/* A title at key i, with the period of an abbreviated one ("Dr."). */
static size_t title_at(const finder *f, size_t i, raw_match *t)
{
	size_t tl = longest_at(f, i, EK_TITLE, t);
	const dyad_doc *doc = f->doc;
	if (tl && i + tl < doc->nkeys) {
		const tok *k = &doc->toks[doc->keys[i + tl].tok];
		if (k->kind == TK_PERIOD && k->start == doc->toks[doc->keys[i + tl - 1].tok].end) {
			t->last++;
			tl++;
		}
	}
	return tl;
}

/* Are keys [i, i + n) part of the canonical name of the entry matched in
 * *r? "Amir" is a title, but also the first part of Hossein
 * Amir-Abdollahian's surname. */
static bool in_own_name(const finder *f, const raw_match *r, size_t i, size_t n)
{
	const dyad_dict *d = f->dict;
	const dict_entry *e = &d->entries[r->entry];
	if (e->kind != EK_PERSON || e->name_phrase >= d->nphrases)
		return false;
	const dict_phrase *ph = &d->phrases[e->name_phrase];
	for (size_t k = i; k < i + n; k++)
		for (uint32_t p = 0; p < ph->n; p++)
			if (d->ptoks[ph->first + p].key == f->doc->keys[k].key)
				return true;
	return false;
}

/* Are keys [i, j) titles, roles and countries only, with at least one
 * title or role ("Saudi Crown Prince", "President")? A country alone does
 * not count: "Palestinian Islamic Jihad" is the group's own name. */
static bool roles_only(const finder *f, size_t i, size_t j)
{
	static const int kinds[] = {EK_TITLE, EK_AGENT, EK_COUNTRY};
	bool role = false;
	while (i < j) {
		size_t step = 0;
		raw_match x;
		for (size_t k = 0; k < 3 && !step; k++) {
			size_t l = longest_at(f, i, kinds[k], &x);
			if (l && i + l <= j) {
				step = l;
				role |= kinds[k] != EK_COUNTRY;
			}
		}
		if (!step && f->doc->toks[f->doc->keys[i].tok].flags & DYAD_TOKEN_CLITIC)
			step = 1; /* the 's of "Egypt's President" */
		if (!step)
			return false;
		i += step;
	}
	return role;
}

static bool named_kind(const finder *f, const raw_match *r)
{
	entry_kind k = f->dict->entries[r->entry].kind;
	return k == EK_PERSON || k == EK_GROUP || k == EK_IGO;
}

static dyad_status match_sentence(finder *f)
{
	dyad_doc *doc = f->doc;
	doc->nraws = 0;
	size_t i = 0, matched_to = SIZE_MAX; /* key after the last match */
	while (i < doc->nkeys) {
		/* Inside a hyphenated word a match starts only right after another
		 * actor: "US-Russian" names two, "anti-Assad" none. */
		if ((doc->keys[i].caps & KEY_JOINED) && matched_to != i) {
			i++;
			continue;
		}
		raw_match best = {0, 0, 0, 0, 0, false}, other;
		size_t len = longest_at(f, i, -1, &best);
		if (!len) {
			i++;
			continue;
		}
		/* A title first, then the name after it: "Sheikh | Tamim bin Hamad
		 * Al Thani", even where an alias carries the title. */
		size_t tl = 0;
		if (f->dict->entries[best.entry].kind != EK_TITLE)
			tl = title_at(f, i, &other);
		if (tl && i + tl < doc->nkeys && !(doc->keys[i + tl].caps & KEY_JOINED) &&
		    !in_own_name(f, &best, i, tl)) {
			raw_match after;
			if (longest_at(f, i + tl, -1, &after) &&
			    f->dict->entries[after.entry].kind == EK_PERSON) {
				dyad_status st = push_raw(doc, other);
				if (st != DYAD_OK)
					return st;
				i += tl;
				matched_to = i;
				continue;
			}
		}
		/* The same person or organisation reached from a later start, as far
		 * or further, is the better reading: "President | Zelensky", "Saudi
		 * Crown Prince | Mohammed bin Salman". What it skips is a title, a
		 * role or a country, which composition gives to the name anyway. */
		size_t later = 0;
		if (named_kind(f, &best)) {
			for (size_t j = i + 1; j < i + len; j++) {
				size_t l2 = longest_at(f, j, -1, &other);
				if (l2 && other.entry == best.entry &&
				    !(doc->keys[j].caps & KEY_JOINED) &&
				    (j + l2 > i + len ||
				     (j + l2 == i + len && roles_only(f, i, j) &&
				      !in_own_name(f, &best, i, j - i)))) {
					later = j;
					break;
				}
			}
		}
		/* "the West | Bank", "the Gulf | Cooperation Council": a name that
		 * starts with "the" yields to a longer one starting after it */
		if (!later && len > 1 && tok_is(doc, &doc->toks[doc->keys[i].tok], "the", 3) &&
		    longest_at(f, i + 1, -1, &other) && other.last > best.last)
			later = i + 1;
		if (later) { /* read again from there, where a title may come first */
			i = later;
			matched_to = i;
			continue;
		}
		dyad_status st = push_raw(doc, best);
		if (st != DYAD_OK)
			return st;
		i = best.last + 1;
		matched_to = i;
	}
	return DYAD_OK;
}

/* --- helpers over tokens and entries ------------------------------------- */

static uint32_t raw_tok_first(const finder *f, const raw_match *r)
{
	return f->doc->keys[r->first].tok;
}

static uint32_t raw_tok_last(const finder *f, const raw_match *r)
{
	return f->doc->keys[r->last].tok;
}

static const dict_entry *entry_of(const finder *f, uint32_t e)
{
	return &f->dict->entries[e];
}

static bool tok_norm_is(const dyad_doc *d, size_t k, const char *lit)
{
	return k < d->ntoks && tok_is(d, &d->toks[k], lit, strlen(lit));
}

static bool tok_in(const dyad_doc *d, size_t k, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (tok_norm_is(d, k, words[i]))
			return true;
	return false;
}

static const char *code_at(const finder *f, const dict_entry *e)
{
	const dict_code *c = dict_code_at(f->dict, e, f->date);
	return c ? dict_s(f->dict, c->code) : "";
}

/* A country-like entry: a country, or a peer entry whose code is a bare
 * country code. Returns its three-letter code or NULL. */
static const char *country_code(const finder *f, const dict_entry *e)
{
	if (e->kind == EK_COUNTRY || (e->kind == EK_OTHER && strlen(code_at(f, e)) == 3)) {
		const char *c = code_at(f, e);
		return strlen(c) >= 3 ? c : NULL;
	}
	return NULL;
}

static bool is_kind(const finder *f, const raw_match *r, entry_kind k)
{
	return entry_of(f, r->entry)->kind == k;
}

/* --- mentions -------------------------------------------------------------- */

static dyad_status add_mention(finder *f, uint32_t first_tok, uint32_t last_tok, uint32_t entry,
                               const char *code, size_t code_len, dyad_mention_how how,
                               unsigned flags)
{
	dyad_doc *doc = f->doc;
	if (doc->nments == doc->cap_ments) {
		dyad_status st = mem_grow(&doc->alloc, (void **)&doc->ments, &doc->cap_ments,
		                          doc->nments + 1, sizeof *doc->ments);
		if (st != DYAD_OK)
			return st;
	}
	mention *m = &doc->ments[doc->nments];
	m->sentence = (uint32_t)f->sentence;
	m->first = first_tok;
	m->ntok = last_tok - first_tok + 1;
	m->entry = entry;
	m->how = (uint8_t)how;
	m->flags = (uint8_t)flags;
	m->start = doc->toks[first_tok].start;
	m->end = doc->toks[last_tok].end;
	m->code = (uint32_t)doc->strs.n;
	m->code_len = (uint32_t)code_len;
	dyad_status st = buf_append(&doc->strs, code, code_len);
	if (st != DYAD_OK)
		return st;
	doc->nments++;
	return DYAD_OK;
}

/* Narrow the last mention to the bytes of a match's name parts, so
 * "Iraq" in "Syria-Iraq" is its own span. */
static void narrow_to(finder *f, const raw_match *r)
{
	mention *m = &f->doc->ments[f->doc->nments - 1];
	m->start = f->doc->keys[r->first].lead;
	m->end = f->doc->keys[r->last].end;
}

/* Country code + role code: "IRN" + "~GOV" -> IRNGOV; "NGO~" + "IRN" -> NGOIRN. */
static size_t compose(const char *country, const char *role, char *out, size_t cap)
{
	size_t cn = strlen(country), rn = strlen(role);
	if (cn + rn + 1 > cap)
		return 0;
	if (rn && role[0] == '~') {
		memcpy(out, country, cn);
		memcpy(out + cn, role + 1, rn - 1);
		return cn + rn - 1;
	}
	if (rn && role[rn - 1] == '~') {
		memcpy(out, role, rn - 1);
		memcpy(out + rn - 1, country, cn);
		return cn + rn - 1;
	}
	memcpy(out, country, cn);
	return cn;
}

static const char *const locatives[] = {
        "in",     "at",     "to",      "from", "near",   "outside",    "into",   "inside", "across",
        "around", "toward", "towards", "via",  "within", "throughout", "across", NULL};

static bool after_locative(const finder *f, uint32_t first_tok)
{
	const dyad_doc *d = f->doc;
	size_t s0 = d->sents[f->sentence].first;
	if (first_tok == s0)
		return false;
	size_t k = first_tok - 1;
	if (tok_norm_is(d, k, "the") && k > s0)
		k--;
	if (tok_in(d, k, locatives))
		return true;
	/* "in Damascus and Beirut": a place joined to a place */
	static const char *const joins[] = {"and", "or", ",", NULL};
	if (!tok_in(d, k, joins) || d->nments <= f->first_mention)
		return false;
	const mention *prev = &d->ments[d->nments - 1];
	return prev->first + prev->ntok == k && (prev->flags & DYAD_MENTION_LOCATIVE);
}

/* The office an agent names, for coreference: by its canonical name. */
static bool agent_office(const finder *f, const dict_entry *e, office *offs, size_t *n)
{
	static const struct {
		const char *name;
		office o[3];
	} map[] = {
	        {"president", {OFF_PRESIDENT, OFF_HEAD_OF_STATE, OFF_NONE}},
	        {"prime minister", {OFF_PRIME_MINISTER, OFF_HEAD_OF_GOVERNMENT, OFF_NONE}},
	        {"premier", {OFF_PRIME_MINISTER, OFF_HEAD_OF_GOVERNMENT, OFF_NONE}},
	        {"chancellor", {OFF_CHANCELLOR, OFF_HEAD_OF_GOVERNMENT, OFF_NONE}},
	        {"foreign minister", {OFF_FOREIGN_MINISTER, OFF_NONE, OFF_NONE}},
	        {"secretary of state", {OFF_FOREIGN_MINISTER, OFF_NONE, OFF_NONE}},
	        {"foreign secretary", {OFF_FOREIGN_MINISTER, OFF_NONE, OFF_NONE}},
	        {"defence secretary", {OFF_DEFENCE_MINISTER, OFF_NONE, OFF_NONE}},
	        {"defense secretary", {OFF_DEFENCE_MINISTER, OFF_NONE, OFF_NONE}},
	        {"secretary of defense", {OFF_DEFENCE_MINISTER, OFF_NONE, OFF_NONE}},
	        {"vice president", {OFF_VICE_PRESIDENT, OFF_NONE, OFF_NONE}},
	        {"vice-president", {OFF_VICE_PRESIDENT, OFF_NONE, OFF_NONE}},
	        {"queen", {OFF_QUEEN, OFF_HEAD_OF_STATE, OFF_NONE}},
	        {"sultan", {OFF_SULTAN, OFF_HEAD_OF_STATE, OFF_NONE}},
	        {"speaker", {OFF_SPEAKER, OFF_NONE, OFF_NONE}},
	        {"top diplomat", {OFF_FOREIGN_MINISTER, OFF_NONE, OFF_NONE}},
	        {"defence minister", {OFF_DEFENCE_MINISTER, OFF_NONE, OFF_NONE}},
	        {"defense minister", {OFF_DEFENCE_MINISTER, OFF_NONE, OFF_NONE}},
	        {"interior minister", {OFF_INTERIOR_MINISTER, OFF_NONE, OFF_NONE}},
	        {"supreme leader", {OFF_SUPREME_LEADER, OFF_NONE, OFF_NONE}},
	        {"king", {OFF_KING, OFF_HEAD_OF_STATE, OFF_NONE}},
	        {"emir", {OFF_EMIR, OFF_HEAD_OF_STATE, OFF_NONE}},
	        {"leader", {OFF_LEADER, OFF_SECRETARY_GENERAL, OFF_SUPREME_LEADER}},
	        {"secretary general", {OFF_SECRETARY_GENERAL, OFF_LEADER, OFF_NONE}},
	        {"secretary-general", {OFF_SECRETARY_GENERAL, OFF_LEADER, OFF_NONE}},
	        {"chief", {OFF_LEADER, OFF_SECRETARY_GENERAL, OFF_ARMY_CHIEF}},
	        {"head of state", {OFF_HEAD_OF_STATE, OFF_PRESIDENT, OFF_KING}},
	        {"head of government", {OFF_HEAD_OF_GOVERNMENT, OFF_PRIME_MINISTER, OFF_NONE}},
	        {"army chief", {OFF_ARMY_CHIEF, OFF_NONE, OFF_NONE}},
	        {"spokesperson", {OFF_SPOKESPERSON, OFF_NONE, OFF_NONE}},
	        {"spokesman", {OFF_SPOKESPERSON, OFF_NONE, OFF_NONE}},
	};
	const char *name = dict_s(f->dict, e->name);
	for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
		if (strcmp(map[i].name, name) != 0)
			continue;
		*n = 0;
		for (int k = 0; k < 3 && map[i].o[k] != OFF_NONE; k++)
			offs[(*n)++] = map[i].o[k];
		return true;
	}
	return false;
}

/* Did person entry e hold one of the offices for `code_prefix` at the date? */
static bool holds(const finder *f, const dict_entry *e, const office *offs, size_t n,
                  const char *code_prefix)
{
	size_t pn = strlen(code_prefix);
	for (uint32_t i = 0; i < e->ncodes; i++) {
		const dict_code *c = &f->dict->codes[e->first_code + i];
		if (!c->office || strncmp(dict_s(f->dict, c->code), code_prefix, pn) != 0)
			continue;
		if (f->date && !(c->from <= f->date && f->date <= c->to))
			continue;
		for (size_t k = 0; k < n; k++)
			if (c->office == offs[k])
				return true;
	}
	return false;
}

/* The most recent earlier mention of a person who held the office. */
static bool find_holder(const finder *f, const office *offs, size_t n, const char *prefix,
                        uint32_t *entry)
{
	for (size_t m = f->doc->nments; m-- > 0;) {
		const dict_entry *e = entry_of(f, f->doc->ments[m].entry);
		if (e->kind == EK_PERSON && holds(f, e, offs, n, prefix)) {
			*entry = f->doc->ments[m].entry;
			return true;
		}
	}
	return false;
}

/* A role with a country or group: resolve to the person who held it,
 * named before in the article, or emit the composed code. */
static dyad_status emit_role(finder *f, uint32_t t0, uint32_t t1, const dict_entry *agent,
                             uint32_t agent_entry, const char *prefix, const char *code,
                             size_t code_len)
{
	office offs[3];
	size_t n = 0;
	uint32_t holder;
	if (agent_office(f, agent, offs, &n) && find_holder(f, offs, n, prefix, &holder)) {
		const char *c = code_at(f, entry_of(f, holder));
		return add_mention(f, t0, t1, holder, c, strlen(c), DYAD_HOW_COREF, 0);
	}
	return add_mention(f, t0, t1, agent_entry, code, code_len, DYAD_HOW_AGENT, 0);
}

/* Register a person's surname (last one and two name keys) for later. */
static dyad_status remember_name(finder *f, const raw_match *r)
{
	dyad_doc *doc = f->doc;
	size_t n = r->last - r->first + 1;
	for (size_t len = 1; len <= 2 && len < n; len++) {
		uint64_t h = SEQ_SEED;
		for (size_t k = r->last + 1 - len; k <= r->last; k++)
			h = dict_seq_hash(h, doc->keys[k].key);
		if (doc->nnames == doc->cap_names) {
			dyad_status st =
			        mem_grow(&doc->alloc, (void **)&doc->names, &doc->cap_names,
			                 doc->nnames + 1, sizeof *doc->names);
			if (st != DYAD_OK)
				return st;
		}
		doc->names[doc->nnames++] = (local_name){h, r->entry};
	}
	return DYAD_OK;
}

/* --- composition ----------------------------------------------------------- */

/* Tokens strictly between two matches, skipping possessive 's. */
static bool adjacent_raw(const finder *f, const raw_match *a, const raw_match *b)
{
	uint32_t k = raw_tok_last(f, a) + 1, end = raw_tok_first(f, b);
	while (k < end && (f->doc->toks[k].flags & DYAD_TOKEN_CLITIC) &&
	       tok_norm_is(f->doc, k, "'s"))
		k++;
	return k == end;
}

/* Is token k covered by a dictionary match of this sentence? */
static bool in_raw(const finder *f, size_t k)
{
	for (size_t i = 0; i < f->doc->nraws; i++)
		if (k >= raw_tok_first(f, &f->doc->raws[i]) &&
		    k <= raw_tok_last(f, &f->doc->raws[i]))
			return true;
	return false;
}

/* Does the capitalised word at k make a longer name with its neighbour
 * (which is the match)? Not if it is itself an actor, a common word opening
 * the sentence, or one more word of an all-capitals headline. */
static bool name_neighbour(const finder *f, size_t k, const tok *match)
{
	const dyad_doc *d = f->doc;
	const tok *t = &d->toks[k];
	if (t->cls != DYAD_TOKEN_WORD || !(t->flags & DYAD_TOKEN_CAPITALIZED) || in_raw(f, k))
		return false;
	if ((t->flags & DYAD_TOKEN_ALL_CAPS) && (match->flags & DYAD_TOKEN_ALL_CAPS))
		return false;
	if (k == d->sents[f->sentence].first) {
		dyad_str n = tok_norm(d, t);
		if (common_word(n.p, n.n))
			return false;
	}
	return true;
}

/* "Michael Jordan", "Jordan Peterson", "Denzel Washington", "the Niger
 * River": a one-word country name marked ambiguous, or a capital, inside a
 * longer capitalised name is not the actor. */
static bool inside_other_name(const finder *f, const raw_match *r)
{
	const dyad_doc *d = f->doc;
	uint32_t a = raw_tok_first(f, r), b = raw_tok_last(f, r);
	size_t s0 = d->sents[f->sentence].first, s1 = s0 + d->sents[f->sentence].ntok;
	bool before = a > s0 && d->toks[a - 1].end + 1 >= d->toks[a].start &&
	              name_neighbour(f, a - 1, &d->toks[a]);
	bool after = b + 1 < s1 && name_neighbour(f, b + 1, &d->toks[b]);
	return before || after;
}

static bool is_owner_group(const dict_entry *e)
{
	return e->kind == EK_GROUP || e->kind == EK_IGO;
}

/* A role owned by a country or a group, spanning tokens [t0, t1]: the
 * person named before who held it, or the composed code (country + role;
 * a group's own code). */
static dyad_status compose_role(finder *f, uint32_t t0, uint32_t t1, uint32_t agent, uint32_t owner)
{
	const dict_entry *a = entry_of(f, agent), *o = entry_of(f, owner);
	const char *cc = country_code(f, o);
	if (cc) {
		char code[64];
		size_t len = compose(cc, code_at(f, a), code, sizeof code);
		return emit_role(f, t0, t1, a, agent, cc, code, len);
	}
	const char *gc = code_at(f, o);
	return emit_role(f, t0, t1, a, owner, gc, gc, strlen(gc));
}

/* Does the person's code at the date belong to the organisation ("UN chief
 * Antonio Guterres", "Hamas leader Yahya Sinwar")? */
static bool serves(const finder *f, const dict_entry *person, const dict_entry *org)
{
	const char *pc = code_at(f, person), *oc = code_at(f, org);
	size_t on = strlen(oc);
	return on >= 3 && strncmp(pc, oc, on) == 0;
}

static dyad_status compose_sentence(finder *f)
{
	dyad_doc *doc = f->doc;
	raw_match *rs = doc->raws;
	size_t n = doc->nraws;
	dyad_status st = DYAD_OK;
	/* titles, roles and countries right before a person belong to the person */
	for (size_t i = 0; i < n; i++) {
		if (!is_kind(f, &rs[i], EK_PERSON))
			continue;
		for (size_t j = i; j-- > 0 && adjacent_raw(f, &rs[j], &rs[j + 1]);) {
			entry_kind k = entry_of(f, rs[j].entry)->kind;
			bool org = (k == EK_IGO || k == EK_GROUP) &&
			           serves(f, entry_of(f, rs[i].entry), entry_of(f, rs[j].entry));
			if (k != EK_TITLE && k != EK_AGENT && k != EK_COUNTRY && k != EK_OTHER &&
			    !org)
				break;
			rs[j].dropped = true;
		}
	}
	for (size_t i = 0; i < n && st == DYAD_OK; i++) {
		raw_match *r = &rs[i];
		if (r->dropped)
			continue;
		const dict_entry *e = entry_of(f, r->entry);
		uint32_t t0 = raw_tok_first(f, r), t1 = raw_tok_last(f, r);
		raw_match *next = i + 1 < n ? &rs[i + 1] : NULL;
		const dict_entry *ne = next ? entry_of(f, next->entry) : NULL;
		if (e->kind == EK_TITLE)
			continue;
		/* a one-word ambiguous name, capital or surname inside another name:
		 * "Michael Jordan", "Denzel Washington", "Saddam Hussein" after Fuad Hussein */
		if (((e->flags & ENTRY_AMBIGUOUS) || r->role == PR_CAPITAL ||
		     r->how == DYAD_HOW_SURNAME) &&
		    r->last == r->first && inside_other_name(f, r))
			continue;
		const char *cc = country_code(f, e);
		/* owner + role: "Iranian foreign minister", "Israel's army", "Hamas fighters" */
		if ((cc || is_owner_group(e)) && next && ne->kind == EK_AGENT &&
		    adjacent_raw(f, r, next)) {
			st = compose_role(f, t0, raw_tok_last(f, next), next->entry, r->entry);
			next->dropped = true;
			continue;
		}
		if (e->kind == EK_AGENT) {
			/* role + of/in + owner: "foreign minister of Iran", "police in Lima",
			 * "the secretary general of Islamic Jihad" */
			uint32_t k = t1 + 1;
			bool of = tok_norm_is(doc, k, "of"), in = tok_norm_is(doc, k, "in");
			if ((of || in) && tok_norm_is(doc, k + 1, "the"))
				k++;
			bool owner = next && (country_code(f, ne) || (of && is_owner_group(ne)));
			if ((of || in) && owner && raw_tok_first(f, next) == k + 1) {
				st = compose_role(f, t0, raw_tok_last(f, next), r->entry,
				                  next->entry);
				next->dropped = true;
				continue;
			}
			const char *rc = code_at(f, e);
			char code[64];
			size_t len = compose("", rc, code, sizeof code);
			st = add_mention(f, t0, t1, r->entry, code, len, DYAD_HOW_AGENT, 0);
			continue;
		}
		unsigned flags = after_locative(f, t0) ? DYAD_MENTION_LOCATIVE : 0;
		if (cc && r->role == PR_CAPITAL && !flags) { /* "Tehran said" */
			char code[64];
			size_t len = compose(cc, "~GOV", code, sizeof code);
			st = add_mention(f, t0, t1, r->entry, code, len, (dyad_mention_how)r->how,
			                 0);
			if (st == DYAD_OK)
				narrow_to(f, r);
			continue;
		}
		const char *c = code_at(f, e);
		st = add_mention(f, t0, t1, r->entry, c, strlen(c), (dyad_mention_how)r->how,
		                 flags);
		if (st == DYAD_OK)
			narrow_to(f, r);
		if (st == DYAD_OK && e->kind == EK_PERSON && r->how != DYAD_HOW_SURNAME)
			st = remember_name(f, r);
	}
	return st;
}

/* --- pronouns ---------------------------------------------------------------- */

static bool covered(const finder *f, size_t k)
{
	for (size_t m = f->first_mention; m < f->doc->nments; m++) {
		const mention *mm = &f->doc->ments[m];
		if (k >= mm->first && k < mm->first + mm->ntok)
			return true;
	}
	return false;
}

static bool person_like(const finder *f, const mention *m, bool group)
{
	entry_kind ek = entry_of(f, m->entry)->kind;
	return group ? (ek == EK_GROUP || ek == EK_IGO) : ek == EK_PERSON;
}

/* Does sentence s open with an adverbial clause ("During a meeting with X,
 * ...", "Speaking to Y, ...")? Returns the token after its comma, or the
 * sentence's first token. Mentions before it are not the subject. */
static size_t subject_start(const dyad_doc *d, uint32_t s)
{
	static const char *const openers[] = {
	        "during",     "in",      "at",   "after", "before",    "with",    "speaking",
	        "following",  "while",   "when", "on",    "according", "despite", "amid",
	        "since",      "as",      "by",   "from",  "under",     "in",      "talking",
	        "addressing", "meeting", "upon", "for",   NULL};
	const sent *st = &d->sents[s];
	if (!tok_in(d, st->first, openers))
		return st->first;
	for (size_t k = st->first + 1; k < st->first + st->ntok; k++)
		if (d->toks[k].kind == TK_COMMA)
			return k + 1;
	return st->first;
}

/* The antecedent of a pronoun at token k: the nearest fitting mention
 * earlier in the same sentence ("Raisi said he would"), else the subject of
 * the last sentence naming one: its first fitting mention outside an
 * opening adverbial clause ("During a meeting with Nakhala, Raisi said
 * ... He added" is Raisi). */
static bool antecedent(const finder *f, size_t k, size_t limit, bool group, uint32_t *entry)
{
	const dyad_doc *doc = f->doc;
	for (size_t m = limit; m-- > f->first_mention;)
		if (doc->ments[m].first < k && person_like(f, &doc->ments[m], group)) {
			*entry = doc->ments[m].entry;
			return true;
		}
	size_t m = f->first_mention;
	while (m-- > 0) {
		if (!person_like(f, &doc->ments[m], group))
			continue;
		uint32_t s = doc->ments[m].sentence;
		size_t from = subject_start(doc, s);
		size_t first = m, first_after = SIZE_MAX;
		for (size_t j = m + 1; j-- > 0 && doc->ments[j].sentence == s;) {
			if (!person_like(f, &doc->ments[j], group))
				continue;
			first = j;
			if (doc->ments[j].first >= from)
				first_after = j;
		}
		*entry = doc->ments[first_after != SIZE_MAX ? first_after : first].entry;
		return true;
	}
	return false;
}

/* "the group": the last organisation named before token k. */
static bool last_org(const finder *f, size_t k, size_t limit, uint32_t *entry)
{
	const dyad_doc *doc = f->doc;
	for (size_t m = limit; m-- > 0;) {
		const mention *mm = &doc->ments[m];
		if (mm->sentence == f->sentence && mm->first > k)
			continue;
		if (person_like(f, mm, true)) {
			*entry = mm->entry;
			return true;
		}
	}
	return false;
}

/* he/she/him and "the group", resolved to an antecedent. */
static dyad_status pronouns(finder *f)
{
	dyad_doc *doc = f->doc;
	const sent *s = &doc->sents[f->sentence];
	static const char *const persons[] = {"he", "she", "him", NULL};
	static const char *const groups[] = {"group", "movement", "organisation", "organization",
	                                     NULL};
	dyad_status st = DYAD_OK;
	size_t limit = doc->nments;
	for (size_t k = s->first; k < s->first + s->ntok && st == DYAD_OK; k++) {
		bool person = tok_in(doc, k, persons);
		bool group =
		        k > s->first && tok_norm_is(doc, k - 1, "the") && tok_in(doc, k, groups);
		if ((!person && !group) || covered(f, k))
			continue;
		uint32_t entry;
		if (!(group ? last_org(f, k, limit, &entry)
		            : antecedent(f, k, limit, false, &entry)))
			continue;
		const char *c = code_at(f, entry_of(f, entry));
		st = add_mention(f, group ? (uint32_t)k - 1 : (uint32_t)k, (uint32_t)k, entry, c,
		                 strlen(c), DYAD_HOW_COREF, 0);
	}
	return st;
}

/* Mentions of one sentence in text order (insertion sort: there are few). */
static void sort_sentence(finder *f)
{
	size_t n = f->doc->nments - f->first_mention;
	if (n < 2)
		return; /* also: ments may still be NULL */
	mention *m = f->doc->ments + f->first_mention;
	for (size_t i = 1; i < n; i++) {
		mention x = m[i];
		size_t j = i;
		while (j > 0 && m[j - 1].first > x.first) {
			m[j] = m[j - 1];
			j--;
		}
		m[j] = x;
	}
}

static uint32_t parse_date(const char *date)
{
	uint32_t v;
	if (!date || !*date || !dict_date(date, strlen(date), false, &v))
		return 0;
	return v;
}

dyad_status dyad_doc_find_actors(dyad_doc *doc, dyad_dict *dict, const char *date, dyad_error *err)
{
	if (!doc || !dict) {
		error_set(err, DYAD_ERR_ARG, "no document or no dictionary", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	dyad_status st = dyad_dict_compile(dict, err);
	if (st != DYAD_OK)
		return st;
	doc->nments = 0;
	doc->nnames = 0;
	buf_clear(&doc->strs);
	doc->dict = dict;
	finder f = {doc, dict, parse_date(date), 0, 0};
	for (size_t s = 0; s < doc->nsents && st == DYAD_OK; s++) {
		f.sentence = s;
		f.first_mention = doc->nments;
		st = translit_keys(doc, doc->sents[s].first, doc->sents[s].ntok, &doc->keys,
		                   &doc->nkeys, &doc->cap_keys, &doc->alloc);
		if (st == DYAD_OK)
			st = match_sentence(&f);
		if (st == DYAD_OK)
			st = compose_sentence(&f);
		if (st == DYAD_OK)
			st = pronouns(&f);
		sort_sentence(&f);
	}
	if (st != DYAD_OK) {
		doc->nments = 0;
		error_set(err, st, "out of memory finding actors", NULL, 0, 0);
	}
	return st;
}

size_t dyad_doc_mention_count(const dyad_doc *doc)
{
	return doc ? doc->nments : 0;
}

dyad_mention dyad_doc_mention(const dyad_doc *doc, size_t i)
{
	dyad_mention m;
	memset(&m, 0, sizeof m);
	m.code.p = m.entry.p = m.name.p = "";
	if (!doc || i >= doc->nments || !doc->dict)
		return m;
	const mention *x = &doc->ments[i];
	const dict_entry *e = &doc->dict->entries[x->entry];
	m.sentence = x->sentence;
	m.first_token = x->first;
	m.ntokens = x->ntok;
	m.start = x->start;
	m.end = x->end;
	m.code.p = doc->strs.p ? doc->strs.p + x->code : "";
	m.code.n = x->code_len;
	m.entry.p = dict_s(doc->dict, e->id);
	m.entry.n = strlen(m.entry.p);
	m.name.p = dict_s(doc->dict, e->name);
	m.name.n = strlen(m.name.p);
	m.how = (dyad_mention_how)x->how;
	m.flags = x->flags;
	return m;
}

const char *dyad_mention_how_name(dyad_mention_how how)
{
	switch (how) {
	case DYAD_HOW_EXACT: return "exact";
	case DYAD_HOW_VARIANT: return "variant";
	case DYAD_HOW_SURNAME: return "surname";
	case DYAD_HOW_COREF: return "coreference";
	case DYAD_HOW_AGENT: return "agent";
	}
	return "unknown";
}
