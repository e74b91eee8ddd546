/*
 * dict_peer.c -- the actor and agent dictionaries of TABARI and PETRARCH
 * (Phoenix), so users keep the dictionaries they have.
 *
 * Actors (TABARI manual ch. 5, PETRARCH docs/dictionaries.rst):
 *   AFGHANISTAN_  [AFG]                 a primary phrase and its default code
 *   +AFGHAN_                            a synonym of the entry above
 *   MOHAMMAD_ZAHIR_SHAH_  ; comment
 *   	[AFGELI 320101-331108]           dated codes on their own lines (PETRARCH)
 *   BOUTROS-GHALI [UNO 920101-991231] [EGY]   or on the phrase line (TABARI)
 * Dates are YYMMDD (years 00-30 are 2000-2030) or YYYYMMDD, as FROM-TO,
 * <DATE (up to) or >DATE (from). The first restriction that holds wins; an
 * unrestricted code is the default.
 *
 * Agents:
 *   !PERSON! = MAN, MEN, WOMAN          a substitution set
 *   POLICE {} [~COP]                    {} : no automatic plural
 *   CONGRESS!PERSON! [~LEG]             expanded for each member of the set
 *   FOREIGN_MINISTER [~GOVFRM]          regular plurals are generated
 * "~X" appends X to the country's code, "X~" puts it before.
 *
 * Comments: ';' and '#' to the end of a line, and <!-- ... --> lines.
 * Underscores join words; a trailing underscore (TABARI: "no more letters")
 * is what our token matching does anyway. Entries get ids "peer:" + the
 * primary phrase in lower case.
 */
#include "dyad_int.h"

#include <string.h>

typedef struct peer_ctx {
	dict_line l;
	dyad_dict *d;
	bool in_entry;
	bool in_comment; /* inside <!-- ... --> */
	bool agents;
	/* substitution sets: name and the members, each in a static buffer */
	struct subst {
		char name[32];
		char members[512];
	} subst[16];
	int nsubst;
} peer_ctx;

/* "YYMMDD" or "YYYYMMDD" -> yyyymmdd */
static bool peer_date(const char *p, size_t n, uint32_t *out)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	uint32_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (uint32_t)(p[i] - '0');
	if (n == 6)
		v += (v / 10000 <= 30 ? 20000000u : 19000000u);
	else if (n != 8)
		return false;
	uint32_t m = v / 100 % 100, day = v % 100;
	if (m < 1 || m > 12 || day < 1 || day > 31)
		return false;
	*out = v;
	return true;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && dict_space(*p))
		p++;
	return p;
}

/* One "[CODE]" or "[CODE restriction]" group, p just after '['. */
static dyad_status code_group(peer_ctx *c, const char *p, const char *close)
{
	p = skip_space(p, close);
	const char *code = p;
	while (p < close && !dict_space(*p) && *p != '<' && *p != '>')
		p++;
	size_t n = (size_t)(p - code);
	if (n == 0 || n > 64) {
		dict_bad(&c->l, code, "empty or overlong code in [...]");
		return DYAD_OK;
	}
	p = skip_space(p, close);
	uint32_t from = 0, to = 99999999u;
	if (p < close) {
		char op = *p;
		if (op == '<' || op == '>')
			p = skip_space(p + 1, close);
		const char *a = p;
		while (p < close && *p != '-' && !dict_space(*p))
			p++;
		uint32_t d1;
		if (!peer_date(a, (size_t)(p - a), &d1)) {
			dict_bad(&c->l, a, "date restriction is not YYMMDD or YYYYMMDD");
			return DYAD_OK;
		}
		if (op == '<') {
			to = d1;
		} else if (op == '>') {
			from = d1;
		} else {
			p = skip_space(p, close);
			if (p >= close || *p != '-') {
				dict_bad(&c->l, p, "date range wants FROM-TO");
				return DYAD_OK;
			}
			p = skip_space(p + 1, close);
			const char *b = p;
			while (p < close && !dict_space(*p))
				p++;
			uint32_t d2;
			if (!peer_date(b, (size_t)(p - b), &d2)) {
				dict_bad(&c->l, b, "date restriction is not YYMMDD or YYYYMMDD");
				return DYAD_OK;
			}
			from = d1;
			to = d2;
		}
	}
	return dict_add_code(c->d, code, n, from, to, OFF_NONE);
}

/* All bracket groups in [p, end). PETRARCH files also close with '}'. */
static dyad_status code_groups(peer_ctx *c, const char *p, const char *end)
{
	dyad_status st = DYAD_OK;
	while (st == DYAD_OK && (p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		const char *close = p + 1;
		while (close < end && *close != ']' && *close != '}')
			close++;
		if (close >= end) {
			dict_bad(&c->l, p, "'[' without ']'");
			return DYAD_OK;
		}
		st = code_group(c, p + 1, close);
		p = close + 1;
	}
	return st;
}

/* A phrase in peer spelling ("MOHAMMAD_ZAHIR_SHAH_") to words. */
static size_t phrase_words(const char *p, size_t n, char *out, size_t cap)
{
	size_t m = 0;
	for (size_t i = 0; i < n && m + 1 < cap; i++)
		out[m++] = p[i] == '_' ? ' ' : p[i];
	while (m && out[m - 1] == ' ')
		m--;
	while (m && out[0] == ' ') {
		memmove(out, out + 1, --m);
	}
	return m;
}

static dyad_status add_phrase(peer_ctx *c, const char *p, size_t n, phrase_role role)
{
	char words[1024];
	size_t m = phrase_words(p, n, words, sizeof words);
	if (!m)
		return DYAD_OK;
	return dict_add_phrase(c->d, words, m, role);
}

static dyad_status new_entry(peer_ctx *c, const char *phrase, size_t n)
{
	char id[160] = "peer:";
	size_t m = 5;
	for (size_t i = 0; i < n && m + 1 < sizeof id; i++) {
		char ch = (char)norm_ascii_lower[(unsigned char)phrase[i]];
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			id[m++] = ch;
		else if (m > 5 && id[m - 1] != '-')
			id[m++] = '-';
	}
	while (m > 5 && id[m - 1] == '-')
		m--;
	c->in_entry = true;
	return dict_add_entry(c->d, id, m, c->agents ? EK_AGENT : EK_OTHER, c->l.file,
	                      (uint32_t)c->l.lineno);
}

/* The end of a line's content: before ';' or '#', except inside [...] where
 * '#' is part of a code (TABARI's null code is [###]). */
static const char *content_end(const char *p, const char *end)
{
	int depth = 0;
	for (const char *q = p; q < end; q++) {
		if (*q == '[')
			depth++;
		else if (*q == ']' && depth)
			depth--;
		else if (*q == ';' || (*q == '#' && !depth))
			return q;
	}
	return end;
}

/* --- actors ----------------------------------------------------------- */

static dyad_status actor_line(peer_ctx *c, const char *p, const char *end)
{
	const char *s = skip_space(p, end);
	if (s >= end)
		return DYAD_OK;
	if (*s == '[') { /* dated codes for the current entry */
		if (!c->in_entry) {
			dict_bad(&c->l, s, "code line before any actor");
			return DYAD_OK;
		}
		return code_groups(c, s, end);
	}
	if (*s == '+') {
		if (!c->in_entry) {
			dict_bad(&c->l, s, "synonym before any actor");
			return DYAD_OK;
		}
		const char *b = memchr(s, '[', (size_t)(end - s));
		dyad_status st = add_phrase(c, s + 1, (size_t)((b ? b : end) - s - 1), PR_ALIAS);
		return st == DYAD_OK && b ? code_groups(c, b, end) : st;
	}
	const char *b = memchr(s, '[', (size_t)(end - s));
	const char *pe = b ? b : end;
	while (pe > s && dict_space(pe[-1]))
		pe--;
	dyad_status st = new_entry(c, s, (size_t)(pe - s));
	if (st == DYAD_OK)
		st = add_phrase(c, s, (size_t)(pe - s), PR_NAME);
	if (st == DYAD_OK && b)
		st = code_groups(c, b, end);
	return st;
}

/* --- agents ----------------------------------------------------------- */

static dyad_status subst_line(peer_ctx *c, const char *s, const char *end)
{
	const char *close = memchr(s + 1, '!', (size_t)(end - s - 1));
	const char *eq = close ? memchr(close, '=', (size_t)(end - close)) : NULL;
	if (!close || !eq || close - s + 1 >= 32 || c->nsubst >= 16) {
		dict_bad(&c->l, s, "substitution set wants !NAME! = A, B, C");
		return DYAD_OK;
	}
	struct subst *sb = &c->subst[c->nsubst++];
	memcpy(sb->name, s, (size_t)(close - s + 1));
	sb->name[close - s + 1] = '\0';
	size_t m = 0;
	for (const char *q = eq + 1; q < end && m + 1 < sizeof sb->members; q++)
		if (!dict_space(*q))
			sb->members[m++] = *q;
	sb->members[m] = '\0';
	return DYAD_OK;
}

/* Add a phrase and, unless plurals are given or barred, its regular plural. */
static dyad_status agent_forms(peer_ctx *c, const char *p, size_t n, const char *plural, size_t pn,
                               bool has_braces)
{
	dyad_status st = add_phrase(c, p, n, PR_ALIAS);
	if (st != DYAD_OK)
		return st;
	if (has_braces) {
		const char *q = plural, *e = plural + pn;
		while (st == DYAD_OK && q < e) {
			const char *sp = q;
			while (sp < e && !dict_space(*sp))
				sp++;
			if (sp > q)
				st = add_phrase(c, q, (size_t)(sp - q), PR_ALIAS);
			q = skip_space(sp, e);
		}
		return st;
	}
	char pl[1024];
	size_t m = phrase_words(p, n, pl, sizeof pl - 4);
	if (m == 0)
		return DYAD_OK;
	char last = (char)norm_ascii_lower[(unsigned char)pl[m - 1]];
	char prev = m > 1 ? (char)norm_ascii_lower[(unsigned char)pl[m - 2]] : ' ';
	if (last == 'y' && !strchr("aeiou", prev)) {
		memcpy(pl + m - 1, "IES", 3);
		m += 2;
	} else if (last == 's' || last == 'x' || (last == 'h' && (prev == 'c' || prev == 's'))) {
		memcpy(pl + m, "ES", 2);
		m += 2;
	} else {
		pl[m++] = 'S';
	}
	return dict_add_phrase(c->d, pl, m, PR_ALIAS);
}

static dyad_status agent_line(peer_ctx *c, const char *p, const char *end)
{
	const char *s = skip_space(p, end);
	if (s >= end)
		return DYAD_OK;
	if (*s == '!' && memchr(s, '=', (size_t)(end - s)))
		return subst_line(c, s, end);
	const char *b = memchr(s, '[', (size_t)(end - s));
	if (!b) {
		dict_bad(&c->l, s, "agent without a [code]");
		return DYAD_OK;
	}
	const char *brace = memchr(s, '{', (size_t)(b - s));
	const char *pe = brace ? brace : b;
	while (pe > s && dict_space(pe[-1]))
		pe--;
	const char *pl = NULL, *ple = NULL;
	if (brace) {
		pl = brace + 1;
		ple = memchr(pl, '}', (size_t)(b - pl));
		if (!ple) {
			dict_bad(&c->l, brace, "'{' without '}'");
			return DYAD_OK;
		}
	}
	dyad_status st = new_entry(c, s, (size_t)(pe - s));
	if (st != DYAD_OK)
		return st;
	/* expand a substitution set, if the phrase uses one */
	for (int i = 0; i < c->nsubst; i++) {
		const char *at = NULL;
		size_t nl = strlen(c->subst[i].name);
		for (const char *q = s; q + nl <= pe; q++)
			if (memcmp(q, c->subst[i].name, nl) == 0) {
				at = q;
				break;
			}
		if (!at)
			continue;
		const char *m = c->subst[i].members;
		while (*m && st == DYAD_OK) {
			const char *comma = strchr(m, ',');
			size_t ml = comma ? (size_t)(comma - m) : strlen(m);
			char form[1024];
			size_t k = 0, pre = (size_t)(at - s),
			       post = (size_t)(pe - at - (ptrdiff_t)nl);
			if (pre + ml + post < sizeof form) {
				memcpy(form, s, pre);
				k = pre;
				memcpy(form + k, m, ml);
				k += ml;
				memcpy(form + k, at + nl, post);
				k += post;
				st = add_phrase(c, form, k, PR_ALIAS);
			}
			m = comma ? comma + 1 : m + ml;
		}
		if (st == DYAD_OK)
			st = code_groups(c, b, end);
		return st;
	}
	st = agent_forms(c, s, (size_t)(pe - s), pl, pl ? (size_t)(ple - pl) : 0, brace != NULL);
	if (st == DYAD_OK)
		st = code_groups(c, b, end);
	return st;
}

/* The first phrase added to an entry is its name. */
static void name_entry(dyad_dict *d)
{
	if (!d->nentries)
		return;
	dict_entry *e = &d->entries[d->nentries - 1];
	for (size_t p = d->nphrases; p-- > 0 && d->phrases[p].entry == d->nentries - 1;)
		e->name = d->phrases[p].text;
}

dyad_status dict_parse_peer(dyad_dict *d, uint32_t file, const char *text, size_t len, bool agents)
{
	peer_ctx c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.l.d = d;
	c.l.file = file;
	c.agents = agents;
	const char *p = text, *end = text + len;
	dyad_status st = DYAD_OK;
	while (p < end && st == DYAD_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		c.l.lineno++;
		c.l.start = p;
		d->stats.lines++;
		const char *s = skip_space(p, le);
		if (c.in_comment || (le - s >= 4 && memcmp(s, "<!--", 4) == 0)) {
			/* an XML-style comment, possibly over several lines */
			const char *q = s;
			bool closed = false;
			for (; q + 3 <= le; q++)
				if (memcmp(q, "-->", 3) == 0)
					closed = true;
			c.in_comment = !closed;
		} else if (memchr(p, '\0', (size_t)(le - p))) {
			dict_bad(&c.l, memchr(p, '\0', (size_t)(le - p)), "NUL byte in the line");
		} else {
			size_t before = d->nentries;
			const char *ce = content_end(p, le);
			st = agents ? agent_line(&c, p, ce) : actor_line(&c, p, ce);
			if (d->nentries != before ||
			    (d->nentries && !d->entries[d->nentries - 1].name))
				name_entry(d);
		}
		p = nl ? nl + 1 : end;
	}
	return st;
}
