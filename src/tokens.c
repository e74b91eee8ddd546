/*
 * tokens.c -- stage 1a: bytes of one article -> tokens.
 *
 * In: the article text exactly as given (any bytes). Out: doc->toks, each a
 * span of the original bytes with a class, flags (case, spacing before it,
 * quote direction) and a normalised form appended to doc->norm.
 *
 * One pass, left to right. ASCII is classified by table and lower-cased
 * inline; other code points are decoded with repair (utf8.c) and normalised
 * one by one (norm.c). Invalid UTF-8 becomes U+FFFD and NUL bytes vanish,
 * both counted, while offsets keep pointing at the original bytes.
 *
 * What makes a word: letters, marks and digits of any script, joined by an
 * apostrophe inside a name (O'Brien, Qur'an), a hyphen between word
 * characters (Amir-Abdollahian, five-day), a decimal point or thousands
 * comma between digits (3.4, 1,200), '&' between capitals (AT&T). English
 * clitics are split off as their own tokens the Penn Treebank way (Iran|'s,
 * did|n't), because later stages match "Iran" and see negation. Short
 * letter groups with periods (U.S., a.m., e.g.) are one token that keeps its
 * final period. URLs, e-mail addresses and domain names are one token each.
 */
#include "dyad_int.h"

#include <string.h>

typedef struct cursor {
	const unsigned char *s;
	size_t n;
} cursor;

typedef struct peeked {
	char_class cc;
	uint32_t cp;
	uint32_t len;
	bool bad;
} peeked;

static inline peeked peek(const cursor *c, size_t i)
{
	peeked p;
	unsigned char b = c->s[i];
	p.bad = false;
	if (DYAD_LIKELY(b < 0x80)) {
		p.cc = (char_class)utf8_ascii_class[b];
		p.cp = b;
		p.len = 1;
		return p;
	}
	size_t len = utf8_decode(c->s + i, c->n - i, &p.cp, &p.bad);
	p.len = (uint32_t)len;
	p.cc = p.bad ? CC_REPL : utf8_class(p.cp);
	return p;
}

static inline bool is_word_cc(char_class cc)
{
	return cc == CC_UPPER || cc == CC_LOWER || cc == CC_LETTER || cc == CC_MARK ||
	       cc == CC_DIGIT || cc == CC_REPL;
}

static inline bool is_letter_cc(char_class cc)
{
	return cc == CC_UPPER || cc == CC_LOWER || cc == CC_LETTER || cc == CC_MARK ||
	       cc == CC_REPL;
}

static inline bool is_space_cc(char_class cc)
{
	return cc == CC_SPACE || cc == CC_LF || cc == CC_CR || cc == CC_PARA || cc == CC_CTRL ||
	       cc == CC_BREAK;
}

/* Tokenizer state: the document being filled and the whitespace seen since
 * the last token. */
typedef struct tokenizer {
	dyad_doc *d;
	cursor c;
	unsigned pending; /* DYAD_TOKEN_*_BEFORE flags for the next token */
	int newlines;     /* line breaks in the current run of whitespace */
	size_t norm0;     /* where the current token's norm starts */
} tokenizer;

static dyad_status emit(tokenizer *t, size_t start, size_t end, dyad_token_class cls, tok_kind kind,
                        unsigned flags)
{
	dyad_doc *d = t->d;
	if (DYAD_UNLIKELY(d->ntoks == d->cap_toks)) {
		dyad_status st = mem_grow(&d->alloc, (void **)&d->toks, &d->cap_toks, d->ntoks + 1,
		                          sizeof(tok));
		if (st != DYAD_OK)
			return st;
	}
	tok *k = &d->toks[d->ntoks++];
	k->start = (uint32_t)start;
	k->end = (uint32_t)end;
	k->norm = (uint32_t)t->norm0;
	k->norm_len = (uint32_t)(d->norm.n - t->norm0);
	k->flags = (uint16_t)(flags | t->pending);
	k->cls = (uint8_t)cls;
	k->kind = (uint8_t)kind;
	t->pending = 0;
	t->newlines = 0;
	return DYAD_OK;
}

static dyad_status norm_bytes(tokenizer *t, size_t from, size_t to)
{
	dyad_status st = DYAD_OK;
	for (size_t i = from; i < to && st == DYAD_OK;) {
		peeked p = peek(&t->c, i);
		if (p.cc != CC_NUL && p.cc != CC_JOINER && p.cc != CC_BREAK)
			st = norm_codepoint(&t->d->norm, p.cp);
		i += p.len;
	}
	return st;
}

/* A token of bytes [start, end) whose norm is the norm of each character. */
static dyad_status emit_span(tokenizer *t, size_t start, size_t end, dyad_token_class cls,
                             tok_kind kind, unsigned flags)
{
	t->norm0 = t->d->norm.n;
	dyad_status st = norm_bytes(t, start, end);
	if (st != DYAD_OK)
		return st;
	return emit(t, start, end, cls, kind, flags);
}

/* --- lookahead helpers ------------------------------------------------ */

static bool ascii_prefix_ci(const cursor *c, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	if (c->n - i < n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (norm_ascii_lower[c->s[i + k]] != (unsigned char)lit[k])
			return false;
	return true;
}

static bool ascii_alpha(unsigned char b)
{
	return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

static bool ascii_alnum(unsigned char b)
{
	return ascii_alpha(b) || (b >= '0' && b <= '9');
}

/* Known generic top-level domains; any two-letter lower-case label is taken
 * as a country domain. */
static bool is_tld(const unsigned char *p, size_t n)
{
	static const char *const gtld[] = {"com",  "org",  "net",   "gov",    "edu",  "int", "mil",
	                                   "info", "news", "media", "online", "site", "biz", "tv",
	                                   "io",   "app",  "press", "global", "world"};
	for (size_t i = 0; i < n; i++)
		if (p[i] < 'a' || p[i] > 'z')
			return false;
	if (n == 2)
		return true;
	for (size_t k = 0; k < sizeof gtld / sizeof *gtld; k++)
		if (strlen(gtld[k]) == n && memcmp(gtld[k], p, n) == 0)
			return true;
	return false;
}

/* If a domain name starts at i ("example.org", "bbc.co.uk"), return its
 * length, else 0. The label after the first dot must be lower case, so
 * "Iraq.Raisi" (a missing space) is not a domain. */
static size_t domain_len(const cursor *c, size_t i)
{
	size_t k = i, labels = 0, last = 0, last_len = 0;
	for (;;) {
		size_t l = k;
		while (k < c->n && (ascii_alnum(c->s[k]) || c->s[k] == '-'))
			k++;
		if (k == l)
			return 0;
		if (labels == 1 && !(c->s[l] >= 'a' && c->s[l] <= 'z') &&
		    !(c->s[l] >= '0' && c->s[l] <= '9'))
			return 0;
		labels++;
		last = l;
		last_len = k - l;
		if (k + 1 < c->n && c->s[k] == '.' && ascii_alnum(c->s[k + 1])) {
			k++;
			continue;
		}
		break;
	}
	if (labels < 2 || !is_tld(c->s + last, last_len))
		return 0;
	if (k < c->n && c->s[k] < 0x80 && (ascii_alnum(c->s[k]) || c->s[k] == '@'))
		return 0;
	return k - i;
}

/* Bytes that may end a URL when they are its last character only if
 * balanced or clearly part of it. */
static bool url_trailing_punct(unsigned char b)
{
	return b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '\'' ||
	       b == '"' || b == ')' || b == ']' || b == '}' || b == '*';
}

/* Extend a URL from `from` to the next space or non-ASCII quote, then give
 * back trailing punctuation that belongs to the sentence. */
static size_t url_end(const cursor *c, size_t from)
{
	size_t k = from;
	int parens = 0;
	while (k < c->n) {
		unsigned char b = c->s[k];
		if (b <= ' ' || b == '"' || b == '<' || b == '>' || b == 0x7F || b >= 0x80)
			break;
		if (b == '(')
			parens++;
		else if (b == ')')
			parens--;
		k++;
	}
	while (k > from && url_trailing_punct(c->s[k - 1])) {
		if (c->s[k - 1] == ')' && parens >= 0)
			break;
		if (c->s[k - 1] == ')')
			parens++;
		k--;
	}
	return k;
}

/* A view of the text from nowhere before i to at most max bytes after it:
 * lookahead never looks further, so no scan is longer than a limit. */
static cursor window(const cursor *c, size_t i, size_t max)
{
	cursor w = *c;
	if (c->n - i > max)
		w.n = i + max;
	return w;
}

/* If a URL, e-mail address or domain name starts at i, return where it ends,
 * else i. */
static size_t url_at(const cursor *whole, size_t i)
{
	cursor win = window(whole, i, DYAD_MAX_URL_BYTES);
	const cursor *c = &win;
	size_t k = i;
	bool dot = false;
	while (k < c->n && (ascii_alnum(c->s[k]) || c->s[k] == '.' || c->s[k] == '_' ||
	                    c->s[k] == '-' || c->s[k] == '+')) {
		dot |= c->s[k] == '.';
		k++;
	}
	bool colon = k < c->n && c->s[k] == ':';
	bool at = k > i && k < c->n && c->s[k] == '@';
	if (!dot && !colon && !at)
		return i;
	if (ascii_prefix_ci(c, i, "https://") || ascii_prefix_ci(c, i, "http://") ||
	    ascii_prefix_ci(c, i, "www."))
		return url_end(c, i);
	if (at) {
		size_t dl = domain_len(c, k + 1);
		if (dl)
			return k + 1 + dl;
	}
	size_t dl = domain_len(c, i);
	if (!dl)
		return i;
	if (i + dl < c->n && c->s[i + dl] == '/')
		return url_end(c, i + dl);
	return i + dl;
}

/* Length of an abbreviation like U.S., U.S.A., a.m., e.g., Ph.D. at i:
 * two or more groups of one or two ASCII letters, each followed by a
 * period, ending before a non-letter. 0 if none. */
static size_t abbrev_len(const cursor *c, size_t i)
{
	size_t k = i, groups = 0;
	for (;;) {
		size_t l = k;
		while (k < c->n && k - l < 3 && ascii_alpha(c->s[k]))
			k++;
		size_t g = k - l;
		if (g == 0 || g > 2 || k >= c->n || c->s[k] != '.')
			break;
		k++;
		groups++;
		if (k >= c->n || !ascii_alpha(c->s[k]))
			break;
	}
	if (groups < 2)
		return 0;
	/* the last group must have ended at a period followed by a non-letter */
	if (c->s[k - 1] != '.' || (k < c->n && ascii_alnum(c->s[k])))
		return 0;
	return k - i;
}

/* The clitic starting with an apostrophe at i ('s 're 've 'll 'd 'm),
 * followed by a non-letter: its length after the apostrophe, else 0. */
static size_t clitic_after_apos(const cursor *c, size_t i, size_t apos_len)
{
	static const char *const clitics[] = {"s", "re", "ve", "ll", "d", "m"};
	size_t k = i + apos_len;
	for (size_t x = 0; x < sizeof clitics / sizeof *clitics; x++) {
		size_t n = strlen(clitics[x]);
		if (c->n - k < n)
			continue;
		bool match = true;
		for (size_t y = 0; y < n && match; y++)
			match = norm_ascii_lower[c->s[k + y]] == (unsigned char)clitics[x][y];
		if (!match)
			continue;
		if (k + n < c->n) {
			peeked p = peek(c, k + n);
			if (is_word_cc(p.cc))
				continue;
		}
		return n;
	}
	return 0;
}

/* --- words ------------------------------------------------------------- */

typedef struct word_state {
	size_t i; /* next byte */
	unsigned flags;
	int upper, lower; /* cased letters seen */
	bool first_cased; /* the first letter has been seen */
	bool digits_only_so_far;
	char_class prev; /* class of the last character taken */
} word_state;

/* Take the character p at w->i into the word. */
static dyad_status take(tokenizer *t, word_state *w, peeked p)
{
	dyad_doc *d = t->d;
	dyad_status st = DYAD_OK;
	if (DYAD_LIKELY(p.cp < 0x80)) {
		st = buf_putc(&d->norm, (char)norm_ascii_lower[p.cp]);
	} else if (p.cc == CC_REPL) {
		if (p.bad) {
			d->stats.invalid_utf8++;
			w->flags |= DYAD_TOKEN_REPAIRED;
		}
		st = buf_append(&d->norm, "\xEF\xBF\xBD", 3);
	} else {
		st = norm_codepoint(&d->norm, p.cp);
	}
	if (p.cc == CC_UPPER) {
		if (!w->first_cased)
			w->flags |= DYAD_TOKEN_CAPITALIZED;
		w->upper++;
		w->first_cased = true;
	} else if (p.cc == CC_LOWER) {
		w->lower++;
		w->first_cased = true;
	} else if (p.cc == CC_LETTER) {
		w->first_cased = true;
	}
	if (p.cc != CC_DIGIT)
		w->digits_only_so_far = false;
	w->prev = p.cc;
	w->i += p.len;
	return st;
}

/* Decide whether the connector at w->i (apostrophe, hyphen, period, comma,
 * ampersand) joins the word with what follows. Returns the number of bytes
 * to take as part of the word, 0 to end the word. */
static size_t connector(const tokenizer *t, const word_state *w, size_t start, peeked p)
{
	const cursor *c = &t->c;
	size_t after = w->i + p.len;
	if (after >= c->n)
		return 0;
	peeked nx = peek(c, after);
	switch (p.cc) {
	case CC_APOS:
	case CC_SQ_OPEN:
		if (!is_letter_cc(nx.cc) || !is_letter_cc(w->prev))
			return 0;
		if (p.cc == CC_APOS && clitic_after_apos(c, w->i, p.len))
			return 0;
		return p.len;
	case CC_HYPHEN: return is_word_cc(nx.cc) ? p.len : 0;
	case CC_PERIOD: /* a decimal point, also after letters of scripts without spaces */
		return (w->prev == CC_DIGIT && nx.cc == CC_DIGIT) ? 1 : 0;
	case CC_COMMA:
		if (!(w->digits_only_so_far && w->prev == CC_DIGIT) || c->n - after < 3)
			return 0;
		for (size_t k = 0; k < 3; k++)
			if (c->s[after + k] < '0' || c->s[after + k] > '9')
				return 0;
		if (after + 3 < c->n && c->s[after + 3] >= '0' && c->s[after + 3] <= '9')
			return 0;
		return 1;
	case CC_AMP: return (w->prev == CC_UPPER && nx.cc == CC_UPPER && w->i > start) ? 1 : 0;
	default: return 0;
	}
}

/* True if the word so far ends in "n" and "n't" follows: "didn't". */
static bool nt_follows(const tokenizer *t, const word_state *w, size_t start, peeked p)
{
	const cursor *c = &t->c;
	if (p.cc != CC_APOS || w->i - start < 2 || (c->s[w->i - 1] | 0x20) != 'n')
		return false;
	size_t k = w->i + p.len;
	if (k >= c->n || (c->s[k] | 0x20) != 't')
		return false;
	if (k + 1 < c->n && is_word_cc(peek(c, k + 1).cc))
		return false;
	return true;
}

/* ASCII letters and digits, for the word loop's fast path. */
enum { AW_UPPER = 1, AW_LOWER = 2, AW_DIGIT = 4 };
// clang-format off
static const uint8_t ascii_word[128] = {
	['0'] = AW_DIGIT, ['1'] = AW_DIGIT, ['2'] = AW_DIGIT, ['3'] = AW_DIGIT, ['4'] = AW_DIGIT,
	['5'] = AW_DIGIT, ['6'] = AW_DIGIT, ['7'] = AW_DIGIT, ['8'] = AW_DIGIT, ['9'] = AW_DIGIT,
#define U(x) [x] = AW_UPPER
	U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'), U('K'),
	U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'), U('U'), U('V'),
	U('W'), U('X'), U('Y'), U('Z'),
#undef U
#define L(x) [x] = AW_LOWER
	L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'),
	L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'),
	L('w'), L('x'), L('y'), L('z'),
#undef L
};
// clang-format on

/* Take a run of ASCII letters and digits at w->i: the common case, kept
 * tight (one table look-up and one store per byte). */
static void take_ascii_run(tokenizer *t, word_state *w, size_t limit)
{
	const unsigned char *s = t->c.s;
	buf *norm = &t->d->norm;
	size_t i = w->i;
	unsigned last = 0;
	while (i < limit && s[i] < 0x80) {
		unsigned k = ascii_word[s[i]];
		if (!k)
			break;
		if (k == AW_UPPER) {
			if (!w->first_cased)
				w->flags |= DYAD_TOKEN_CAPITALIZED;
			w->upper++;
			w->first_cased = true;
		} else if (k == AW_LOWER) {
			w->lower++;
			w->first_cased = true;
		}
		if (k != AW_DIGIT)
			w->digits_only_so_far = false;
		norm->p[norm->n++] = (char)norm_ascii_lower[s[i]];
		last = k;
		i++;
	}
	if (last)
		w->prev = last == AW_DIGIT ? CC_DIGIT : last == AW_UPPER ? CC_UPPER : CC_LOWER;
	w->i = i;
}

static dyad_status scan_word(tokenizer *t, size_t start)
{
	const cursor *c = &t->c;
	dyad_doc *d = t->d;
	word_state w = {start, 0, 0, 0, false, true, CC_SPACE};
	t->norm0 = d->norm.n;
	size_t limit = c->n - start > DYAD_MAX_TOKEN_BYTES ? start + DYAD_MAX_TOKEN_BYTES : c->n;
	/* room for the longest ASCII run, so the fast path needs no checks */
	dyad_status st = buf_reserve(&d->norm, DYAD_MAX_TOKEN_BYTES);
	size_t end_override = 0;
	while (w.i < c->n && st == DYAD_OK) {
		if (DYAD_UNLIKELY(w.i >= limit))
			break;
		if (c->s[w.i] < 0x80 && ascii_word[c->s[w.i]] &&
		    d->norm.cap - d->norm.n >= limit - w.i) {
			take_ascii_run(t, &w, limit);
			continue;
		}
		peeked p = peek(c, w.i);
		if (is_word_cc(p.cc)) {
			st = take(t, &w, p);
			continue;
		}
		if (p.cc == CC_NUL) {
			d->stats.nul_bytes++;
			w.flags |= DYAD_TOKEN_REPAIRED;
			w.i++;
			continue;
		}
		if (p.cc == CC_JOINER) {
			w.i += p.len;
			continue;
		}
		if (nt_follows(t, &w, start, p)) {
			end_override = w.i - 1; /* give the n back to the clitic */
			break;
		}
		size_t take_len = connector(t, &w, start, p);
		if (!take_len)
			break;
		st = norm_bytes(t, w.i, w.i + take_len);
		w.prev = p.cc;
		w.i += take_len;
	}
	if (st != DYAD_OK)
		return st;
	size_t end = w.i;
	if (end_override) {
		end = end_override;
		d->norm.n--; /* the 'n' */
	}
	if (w.upper >= 2 && w.lower == 0)
		w.flags |= DYAD_TOKEN_ALL_CAPS;
	bool digit_start = peek(c, start).cc == CC_DIGIT;
	dyad_status est = emit(t, start, end, digit_start ? DYAD_TOKEN_NUMBER : DYAD_TOKEN_WORD,
	                       TK_NONE, w.flags);
	return est;
}

/* A clitic at i: 's 're 've 'll 'd 'm, or n't. */
static size_t clitic_at(const cursor *c, size_t i)
{
	peeked p = peek(c, i);
	if (p.cc == CC_APOS) {
		size_t n = clitic_after_apos(c, i, p.len);
		return n ? p.len + n : 0;
	}
	if ((c->s[i] | 0x20) == 'n' && i + 1 < c->n) {
		peeked a = peek(c, i + 1);
		if (a.cc == CC_APOS && i + 1 + a.len < c->n && (c->s[i + 1 + a.len] | 0x20) == 't')
			return 1 + a.len + 1;
	}
	return 0;
}

/* --- punctuation ---------------------------------------------------------- */

/* Is the character before i a space (or the start of text, or an opening
 * bracket or dash)? Used for the direction of straight quotes. */
static bool open_context_before(const tokenizer *t, size_t i)
{
	if (i == 0)
		return true;
	size_t k = i - 1;
	while (k > 0 && (t->c.s[k] & 0xC0) == 0x80)
		k--;
	peeked p = peek(&t->c, k);
	return is_space_cc(p.cc) || p.cc == CC_OPEN || p.cc == CC_DASH || p.cc == CC_HYPHEN ||
	       p.cc == CC_Q_OPEN || p.cc == CC_SQ_OPEN || p.cc == CC_NUL || p.cc == CC_COLON;
}

static bool space_or_end_after(const tokenizer *t, size_t i)
{
	if (i >= t->c.n)
		return true;
	peeked p = peek(&t->c, i);
	return is_space_cc(p.cc) || p.cc == CC_NUL;
}

static unsigned quote_direction(const tokenizer *t, size_t i, size_t len, char_class cc)
{
	if (cc == CC_Q_OPEN || cc == CC_SQ_OPEN)
		return DYAD_TOKEN_OPENING;
	if (cc == CC_Q_CLOSE)
		return DYAD_TOKEN_CLOSING;
	bool before = open_context_before(t, i);
	bool after = space_or_end_after(t, i + len);
	if (before && !after)
		return DYAD_TOKEN_OPENING;
	if (!before)
		return DYAD_TOKEN_CLOSING;
	return 0;
}

/* Length of a run of characters of class a or b starting at i, at most
 * DYAD_MAX_TOKEN_BYTES. */
static size_t run_of(const cursor *c, size_t i, char_class a, char_class b)
{
	size_t k = i;
	while (k < c->n && k - i < DYAD_MAX_TOKEN_BYTES) {
		peeked p = peek(c, k);
		if (p.cc != a && p.cc != b)
			break;
		k += p.len;
	}
	return k - i;
}

static bool is_bullet(uint32_t cp)
{
	return cp == 0x2022 || cp == 0x2023 || cp == 0x25AA || cp == 0x25CF || cp == 0x25E6 ||
	       cp == 0x2043 || cp == 0x2219 || cp == 0x00B7 || cp == 0x25A0 || cp == 0x25BA ||
	       cp == 0x25B6 || cp == 0x27A2;
}

static dyad_status punct(tokenizer *t, size_t i, peeked p, size_t *next)
{
	const cursor *c = &t->c;
	size_t len = p.len;
	switch (p.cc) {
	case CC_PERIOD: {
		size_t run = run_of(c, i, CC_PERIOD, CC_PERIOD);
		*next = i + run;
		return emit_span(t, i, i + run, DYAD_TOKEN_PUNCT,
		                 run >= 3 ? TK_ELLIPSIS : TK_PERIOD, 0);
	}
	case CC_TERM:
		len = run_of(c, i, CC_TERM, CC_TERM);
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT, TK_TERM, 0);
	case CC_FULLSTOP:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT, TK_FULLSTOP, 0);
	case CC_ELLIPSIS:
		len = run_of(c, i, CC_ELLIPSIS, CC_PERIOD);
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT, TK_ELLIPSIS, 0);
	case CC_COMMA:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT, TK_COMMA, 0);
	case CC_COLON:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT,
		                 (p.cp == ':' || p.cp == 0xFF1A) ? TK_COLON : TK_SEMI, 0);
	case CC_HYPHEN:
	case CC_DASH: /* any run of dashes normalises to one "-" */
		len = run_of(c, i, CC_HYPHEN, CC_DASH);
		*next = i + len;
		t->norm0 = t->d->norm.n;
		dyad_status st = buf_putc(&t->d->norm, '-');
		if (st != DYAD_OK)
			return st;
		return emit(t, i, i + len, DYAD_TOKEN_PUNCT, TK_DASH, 0);
	case CC_OPEN:
	case CC_CLOSE:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_BRACKET, TK_NONE,
		                 p.cc == CC_OPEN ? DYAD_TOKEN_OPENING : DYAD_TOKEN_CLOSING);
	case CC_DQ:
	case CC_Q_OPEN:
	case CC_Q_CLOSE:
	case CC_APOS:
	case CC_SQ_OPEN:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_QUOTE, TK_NONE,
		                 quote_direction(t, i, len, p.cc));
	case CC_SLASH:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT, TK_NONE, 0);
	case CC_PUNCT: {
		*next = i + len;
		tok_kind kind = is_bullet(p.cp) ? TK_BULLET : TK_NONE;
		if (p.cp == 0x00BF || p.cp == 0x00A1) /* ¿ ¡ open a Spanish sentence */
			kind = TK_OPEN_MARK;
		return emit_span(t, i, i + len, DYAD_TOKEN_PUNCT, kind, 0);
	}
	default:
		*next = i + len;
		return emit_span(t, i, i + len, DYAD_TOKEN_SYMBOL,
		                 is_bullet(p.cp) ? TK_BULLET : TK_NONE, 0);
	}
}

/* --- the main loop ------------------------------------------------------- */

static void line_break(tokenizer *t)
{
	t->pending |= DYAD_TOKEN_SPACE_BEFORE | DYAD_TOKEN_LINE_BEFORE;
	if (t->newlines > 0)
		t->pending |= DYAD_TOKEN_PARA_BEFORE;
	t->newlines++;
}

/* Could the word ending at e continue as a URL, address or abbreviation?
 * Only if a '.', '@' or ':' follows, then more of it. */
static bool may_continue(const cursor *c, size_t e)
{
	if (e + 1 >= c->n)
		return false;
	unsigned char b = c->s[e], n = c->s[e + 1];
	return (b == '.' || b == '@' || b == ':') && (ascii_alnum(n) || n == '/');
}

/* Start of a word-like token at i: a clitic, a word, or, when the word is
 * followed by '.', '@' or ':', possibly a URL, address or abbreviation.
 * The word is scanned first; the rarer readings are tried only then, and
 * replace the word if they are longer. */
static dyad_status word_like(tokenizer *t, size_t i, peeked p, size_t *next)
{
	const cursor *c = &t->c;
	dyad_doc *d = t->d;
	/* n't right after a word it was split from: "did|n't" */
	if (p.cp == 'n' || p.cp == 'N') {
		size_t cl =
		        (d->ntoks && !(t->pending & DYAD_TOKEN_SPACE_BEFORE)) ? clitic_at(c, i) : 0;
		if (cl) {
			*next = i + cl;
			return emit_span(t, i, i + cl, DYAD_TOKEN_WORD, TK_NONE, DYAD_TOKEN_CLITIC);
		}
	}
	size_t before = d->ntoks;
	unsigned pending = t->pending;
	int newlines = t->newlines;
	dyad_status st = scan_word(t, i);
	if (st != DYAD_OK)
		return st;
	size_t e = d->toks[before].end;
	*next = e;
	if (c->s[i] >= 0x80 || !may_continue(c, e))
		return DYAD_OK;
	size_t u = url_at(c, i);
	cursor win = window(c, i, DYAD_MAX_TOKEN_BYTES);
	size_t a = u > e ? 0 : (ascii_alpha(c->s[i]) ? abbrev_len(&win, i) : 0);
	if (u <= e && a == 0)
		return DYAD_OK;
	/* take the word back, and emit the longer reading */
	d->norm.n = d->toks[before].norm;
	d->ntoks = before;
	t->pending = pending;
	t->newlines = newlines;
	if (u > e) {
		*next = u;
		return emit_span(t, i, u, DYAD_TOKEN_URL, TK_NONE, 0);
	}
	*next = i + a;
	unsigned f = (c->s[i] >= 'A' && c->s[i] <= 'Z') ? DYAD_TOKEN_CAPITALIZED : 0;
	return emit_span(t, i, i + a, DYAD_TOKEN_WORD, TK_ABBREV, f);
}

dyad_status tok_tokenize(dyad_doc *d)
{
	tokenizer t = {d, {(const unsigned char *)d->text, d->len}, 0, 0, 0};
	const cursor *c = &t.c;
	size_t i = 0;
	dyad_status st = DYAD_OK;
	while (i < c->n && st == DYAD_OK) {
		peeked p = peek(c, i);
		size_t next = i + p.len;
		switch (p.cc) {
		case CC_SPACE:
		case CC_CTRL: t.pending |= DYAD_TOKEN_SPACE_BEFORE; break;
		case CC_LF: line_break(&t); break;
		case CC_CR:
			line_break(&t);
			if (next < c->n && c->s[next] == '\n')
				next++;
			break;
		case CC_PARA:
			t.pending |= DYAD_TOKEN_SPACE_BEFORE | DYAD_TOKEN_LINE_BEFORE |
			             DYAD_TOKEN_PARA_BEFORE;
			break;
		case CC_NUL: d->stats.nul_bytes++; break;
		case CC_JOINER:
		case CC_BREAK: break;
		case CC_UPPER:
		case CC_LOWER:
		case CC_LETTER:
		case CC_MARK:
		case CC_DIGIT:
		case CC_REPL: st = word_like(&t, i, p, &next); break;
		case CC_APOS: {
			size_t cl = d->ntoks ? clitic_at(c, i) : 0;
			if (cl && !(t.pending & DYAD_TOKEN_SPACE_BEFORE)) {
				next = i + cl;
				st = emit_span(&t, i, next, DYAD_TOKEN_WORD, TK_NONE,
				               DYAD_TOKEN_CLITIC);
			} else {
				st = punct(&t, i, p, &next);
			}
			break;
		}
		default: st = punct(&t, i, p, &next); break;
		}
		i = next;
	}
	return st;
}
