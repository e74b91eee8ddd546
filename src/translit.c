/*
 * translit.c -- variant keys, so that the spellings of one name meet.
 *
 * News writes the same Arabic, Persian or Russian name many ways: Ziad
 * Nakhala, Ziyad al-Nakhalah, Ziad Nakhaleh; Hossein, Hussein, Husain;
 * Mohammed, Muhammad, Mohamad; Zelensky, Zelenskyy, Zelenskiy. A key folds
 * the differences that transliteration makes and keeps the rest:
 *   - apostrophes and ayn marks go (Mu'ammar = Muammar);
 *   - digraphs fold: ou, oo -> u; ee -> i; ph -> f; dh -> d; th -> t; ck -> k;
 *   - q -> k, y -> i, and the vowels e -> a, o -> u, leaving a, i, u;
 *   - doubled letters collapse (Mohammed = Mohamed);
 *   - a final h after a vowel goes (Nakhalah = Nakhala; Nakhaleh too, by e -> a);
 * and, in translit_keys, hyphenated names split into parts (Amir-Abdollahian
 * = Amir Abdollahian) and an Arabic article before a name part is skipped
 * (al-Nakhalah = Nakhalah). Keys only ever decide between capitalised name
 * parts: dictionary words in lower case must match exactly (dict.c), so
 * "omen" never meets "Oman".
 */
#include "dyad_int.h"

#include <string.h>

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h ? h : 1;
}

uint64_t translit_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ull;
	}
	return mix(h);
}

static bool vowel(char c)
{
	return c == 'a' || c == 'i' || c == 'u';
}

/* Fold one ASCII letter, looking at the next for digraphs; returns the
 * folded letter and sets *skip when the next letter was used too. */
static char fold(char c, char next, bool *skip)
{
	*skip = false;
	switch (c) {
	case 'o':
		if (next == 'u' || next == 'o') {
			*skip = true;
			return 'u';
		}
		return 'u';
	case 'e':
		if (next == 'e') {
			*skip = true;
			return 'i';
		}
		return 'a';
	case 'p':
	case 'd':
	case 't':
		if (next == 'h') {
			*skip = true;
			return c == 'p' ? 'f' : c;
		}
		return c;
	case 'c':
		if (next == 'k') {
			*skip = true;
			return 'k';
		}
		return c;
	case 'q': return 'k';
	case 'y': return 'i';
	default: return c;
	}
}

enum { KEY_MAX = 512 };

uint64_t translit_key(const char *p, size_t n)
{
	char out[KEY_MAX];
	size_t m = 0;
	for (size_t i = 0; i < n && m < KEY_MAX; i++) {
		char c = p[i];
		if (c == '\'')
			continue;
		if ((unsigned char)c >= 0x80 || c < 'a' || c > 'z') {
			out[m++] = c;
			continue;
		}
		bool skip;
		char f = fold(c, i + 1 < n ? p[i + 1] : '\0', &skip);
		if (skip)
			i++;
		if (m && out[m - 1] == f)
			continue; /* doubled letters */
		out[m++] = f;
	}
	if (m > 1 && out[m - 1] == 'h' && vowel(out[m - 2]))
		m--;
	return translit_hash(out, m);
}

bool translit_is_particle(const char *p, size_t n)
{
	static const char *const particles[] = {"al",  "el",  "ad", "ash", "as", "at", "az",
	                                        "adh", "ath", "an", "ar",  "ul", "ud"};
	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (strlen(particles[i]) == n && memcmp(particles[i], p, n) == 0)
			return true;
	return false;
}

/* Standing alone, only al and el are articles: "an", "as", "at" are English. */
static bool free_article(const char *p, size_t n)
{
	return n == 2 && (p[0] == 'a' || p[0] == 'e') && p[1] == 'l';
}

static bool is_hyphen_at(const char *s, size_t i, size_t end, size_t *len)
{
	if (s[i] == '-') {
		*len = 1;
		return true;
	}
	/* U+2010 and U+2011 */
	if (i + 2 < end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91)) {
		*len = 3;
		return true;
	}
	return false;
}

/* Case of the original bytes [a, b): KEY_CAP if the first letter is upper
 * case, KEY_UPPER too if there are two or more letters and none lower. */
static uint8_t part_caps(const char *s, size_t a, size_t b)
{
	int upper = 0, lower = 0;
	bool first = true;
	uint8_t caps = 0;
	for (size_t i = a; i < b;) {
		uint32_t cp;
		bool bad = false;
		size_t len = utf8_decode((const unsigned char *)s + i, b - i, &cp, &bad);
		char_class cc = cp < 0x80 ? (char_class)utf8_ascii_class[cp] : utf8_class(cp);
		if (cc == CC_UPPER) {
			if (first)
				caps |= KEY_CAP;
			upper++;
			first = false;
		} else if (cc == CC_LOWER) {
			lower++;
			first = false;
		} else if (cc == CC_LETTER) {
			first = false;
		}
		i += len;
	}
	if (upper >= 2 && lower == 0)
		caps |= KEY_UPPER;
	return caps;
}

static dyad_status push(key_item **items, size_t *n, size_t *cap, const dyad_allocator *a,
                        key_item it)
{
	if (*n == *cap) {
		dyad_status st = mem_grow(a, (void **)items, cap, *n + 1, sizeof **items);
		if (st != DYAD_OK)
			return st;
	}
	(*items)[(*n)++] = it;
	return DYAD_OK;
}

/* Name parts of a word token: split at hyphens in the text and in the norm
 * alike, skip articles that come before another part. */
static dyad_status word_parts(const dyad_doc *d, size_t k, key_item **items, size_t *n, size_t *cap,
                              const dyad_allocator *a, uint16_t *article, uint32_t *lead)
{
	const tok *t = &d->toks[k];
	const char *s = d->text;
	dyad_str norm = tok_norm(d, t);
	size_t ta = t->start, na = 0, parts_before = 0;
	dyad_status st = DYAD_OK;
	while (st == DYAD_OK) {
		size_t tb = ta, hl = 0;
		while (tb < t->end && !is_hyphen_at(s, tb, t->end, &hl))
			tb++;
		size_t nb = na;
		while (nb < norm.n && norm.p[nb] != '-')
			nb++;
		bool last = tb >= t->end || nb >= norm.n;
		bool particle = translit_is_particle(norm.p + na, nb - na) && !last;
		if (particle) {
			*article = (uint16_t)(translit_hash(norm.p + na, nb - na) | 1);
			*lead = (uint32_t)ta;
		}
		if (nb > na && !particle) {
			uint8_t caps = part_caps(s, ta, tb);
			if (parts_before) /* an article before it does not join it */
				caps |= KEY_JOINED;
			parts_before++;
			key_item it = {translit_key(norm.p + na, nb - na),
			               (uint32_t)k,
			               (uint32_t)ta,
			               (uint32_t)tb,
			               *article ? *lead : (uint32_t)ta,
			               t->norm + (uint32_t)na,
			               (uint16_t)(nb - na),
			               *article,
			               caps};
			*article = 0;
			st = push(items, n, cap, a, it);
		}
		if (last)
			break;
		ta = tb + hl;
		na = nb + 1;
	}
	return st;
}

dyad_status translit_keys(const dyad_doc *d, size_t first, size_t count, key_item **items,
                          size_t *n, size_t *cap, const dyad_allocator *a)
{
	*n = 0;
	dyad_status st = DYAD_OK;
	uint16_t article = 0; /* an article skipped before the next name part */
	uint32_t lead = 0;    /* where that article starts */
	for (size_t k = first; k < first + count && st == DYAD_OK; k++) {
		const tok *t = &d->toks[k];
		dyad_str norm = tok_norm(d, t);
		if (t->cls == DYAD_TOKEN_WORD && !(t->flags & DYAD_TOKEN_CLITIC)) {
			/* "al Nakhalah": a free-standing article before a capitalised name */
			if (free_article(norm.p, norm.n) && k + 1 < first + count &&
			    (d->toks[k + 1].flags & DYAD_TOKEN_CAPITALIZED) &&
			    d->toks[k + 1].cls == DYAD_TOKEN_WORD) {
				article = (uint16_t)(translit_hash(norm.p, norm.n) | 1);
				lead = t->start;
				continue;
			}
			st = word_parts(d, k, items, n, cap, a, &article, &lead);
			continue;
		}
		/* "Amir- Abdollahian": a hyphen stuck to a name part joins it */
		if (t->kind == TK_DASH && t->end - t->start == 1 && k > first &&
		    d->toks[k - 1].end == t->start && k + 1 < first + count)
			continue;
		key_item it = {translit_hash(norm.p, norm.n),
		               (uint32_t)k,
		               t->start,
		               t->end,
		               t->start,
		               t->norm,
		               (uint16_t)(norm.n > 0xFFFF ? 0xFFFF : norm.n),
		               0,
		               0};
		article = 0;
		st = push(items, n, cap, a, it);
	}
	return st;
}
