/*
 * dict_ours.c -- our dictionary format (docs/dictionaries.md): one
 * directive per line, an entry starting at each `entry ID` line.
 *
 *   entry   person:ebrahim-raisi
 *   name    Ebrahim Raisi
 *   alias   Ibrahim Raisi | Ebrahim Raeisi
 *   office  president IRN 2021-08-03 2024-05-19
 *   code    IRNELI
 *
 * A line that cannot be understood is reported (file:line: message at
 * byte N) and skipped; the rest of the entry and the file still load. An
 * entry without a name is dropped with a message.
 */
#include "dyad_int.h"

#include <string.h>

typedef struct line_ctx {
	dict_line l;
	dyad_dict *d;
	bool in_entry; /* a valid entry is open */
	bool in_verb;  /* a verb block is open */
	size_t entry_start_line;
} line_ctx;

/* Next whitespace-separated word of [*p, end). */
static bool word(const char **p, const char *end, const char **w, size_t *n)
{
	while (*p < end && dict_space(**p))
		(*p)++;
	if (*p >= end)
		return false;
	*w = *p;
	while (*p < end && !dict_space(**p))
		(*p)++;
	*n = (size_t)(*p - *w);
	return true;
}

static entry_kind kind_of(const char *id, size_t n)
{
	static const struct {
		const char *prefix;
		entry_kind kind;
	} kinds[] = {{"country:", EK_COUNTRY}, {"person:", EK_PERSON}, {"igo:", EK_IGO},
	             {"group:", EK_GROUP},     {"agent:", EK_AGENT},   {"title:", EK_TITLE}};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		size_t m = strlen(kinds[i].prefix);
		if (n > m && memcmp(id, kinds[i].prefix, m) == 0)
			return kinds[i].kind;
	}
	return EK_OTHER;
}

static bool valid_id(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == ':' || ch == '_'))
			return false;
	}
	return n > 0;
}

static bool valid_code(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '~'))
			return false;
	}
	return n > 0 && n <= 32;
}

/* `name`, `alias`, `adj`, `capital`: phrases separated by '|'. */
static dyad_status phrases(line_ctx *c, const char *p, const char *end, phrase_role role)
{
	bool any = false;
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *e = bar ? bar : end;
		const char *a = p, *b = e;
		while (a < b && dict_space(*a))
			a++;
		while (b > a && dict_space(b[-1]))
			b--;
		if (b > a) {
			dyad_status st = dict_add_phrase(c->d, a, (size_t)(b - a), role);
			if (st != DYAD_OK)
				return st;
			any = true;
			role = role == PR_NAME ? PR_ALIAS : role; /* a second name is an alias */
		}
		p = bar ? bar + 1 : end;
	}
	if (!any)
		dict_bad(&c->l, p, "no name given");
	return DYAD_OK;
}

/* Optional FROM and TO dates at p ('-' = open). */
static bool dates(line_ctx *c, const char *p, const char *end, uint32_t *from, uint32_t *to)
{
	const char *w;
	size_t n;
	*from = 0;
	*to = 99999999u;
	if (word(&p, end, &w, &n) && !(n == 1 && *w == '-') && !dict_date(w, n, false, from)) {
		dict_bad(&c->l, w, "FROM is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
		return false;
	}
	if (word(&p, end, &w, &n) && !(n == 1 && *w == '-') && !dict_date(w, n, true, to)) {
		dict_bad(&c->l, w, "TO is not a date (YYYY-MM-DD, YYYY-MM, YYYY or -)");
		return false;
	}
	if (word(&p, end, &w, &n)) {
		dict_bad(&c->l, w, "unexpected text after the dates");
		return false;
	}
	if (*from > *to) {
		dict_bad(&c->l, p, "FROM is after TO");
		return false;
	}
	return true;
}

static dyad_status code_line(line_ctx *c, const char *p, const char *end)
{
	const char *w = p;
	size_t n = 0;
	bool got = word(&p, end, &w, &n);
	if (!got || !valid_code(w, n)) {
		dict_bad(&c->l, w,
		         "code wants CODE [FROM [TO]] with CODE in capitals, digits and ~");
		return DYAD_OK;
	}
	uint32_t from, to;
	if (!dates(c, p, end, &from, &to))
		return DYAD_OK;
	return dict_add_code(c->d, w, n, from, to, OFF_NONE);
}

/* The role sector an office gives with a country code. */
static const char *office_sector(office o)
{
	switch (o) {
	case OFF_ARMY_CHIEF: return "MIL";
	case OFF_SPEAKER: return "LEG";
	case OFF_CHIEF_JUSTICE:
	case OFF_HEAD_OF_JUDICIARY: return "JUD";
	case OFF_OPPOSITION_LEADER: return "OPP";
	default: return "GOV";
	}
}

static dyad_status office_line(line_ctx *c, const char *p, const char *end)
{
	const char *ow, *who;
	size_t on, wn;
	if (!word(&p, end, &ow, &on) || !word(&p, end, &who, &wn)) {
		dict_bad(&c->l, p, "office wants OFFICE COUNTRY-OR-CODE FROM [TO]");
		return DYAD_OK;
	}
	office o = office_from_name(ow, on);
	if (o == OFF_NONE) {
		dict_bad(&c->l, ow, "unknown office (see docs/dictionaries.md for the list)");
		return DYAD_OK;
	}
	if (!valid_code(who, wn)) {
		dict_bad(&c->l, who, "office wants a country (ISO alpha-3) or a code in capitals");
		return DYAD_OK;
	}
	uint32_t from, to;
	if (!dates(c, p, end, &from, &to))
		return DYAD_OK;
	char code[48];
	size_t n = wn;
	memcpy(code, who, wn);
	if (wn == 3) {
		memcpy(code + 3, office_sector(o), 3);
		n = 6;
	}
	return dict_add_code(c->d, code, n, from, to, o);
}

static dyad_status entry_line(line_ctx *c, const char *p, const char *end)
{
	const char *w, *rest;
	size_t n, rn;
	if (!word(&p, end, &w, &n) || !valid_id(w, n)) {
		dict_bad(&c->l, p, "entry wants an id: letters, digits and - . : _");
		c->in_entry = false;
		return DYAD_OK;
	}
	if (word(&p, end, &rest, &rn)) {
		dict_bad(&c->l, rest, "unexpected text after the entry id");
		c->in_entry = false;
		return DYAD_OK;
	}
	c->in_entry = true;
	c->entry_start_line = c->l.lineno;
	return dict_add_entry(c->d, w, n, kind_of(w, n), c->l.file, (uint32_t)c->l.lineno);
}

/* An entry ends: drop it if it has no name. */
static void close_entry(line_ctx *c)
{
	dyad_dict *d = c->d;
	if (!c->in_entry || !d->nentries)
		return;
	dict_entry *e = &d->entries[d->nentries - 1];
	if (e->name)
		return;
	dict_report(d, c->l.file, c->entry_start_line, 0, "entry has no name; dropped");
	d->stats.entries--;
	d->stats.codes -= e->ncodes;
	d->ncodes -= e->ncodes;
	d->nentries--;
	c->in_entry = false;
}

static dyad_status directive(line_ctx *c, const char *p, const char *end)
{
	const char *w;
	size_t n;
	if (!word(&p, end, &w, &n))
		return DYAD_OK;
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(w, lit, n) == 0)
	if (IS("entry")) {
		close_entry(c);
		c->in_verb = false;
		return entry_line(c, p, end);
	}
	if (IS("verb")) {
		close_entry(c);
		c->in_entry = false;
		dyad_status st = verbs_block(c->d, &c->l, p, end);
		c->in_verb = st == DYAD_OK;
		return st == DYAD_ERR_SYNTAX ? DYAD_OK : st;
	}
	if (IS("discard"))
		return verbs_discard(c->d, &c->l, p, end);
	if (c->in_verb) {
		if (IS("forms"))
			return verbs_forms(c->d, &c->l, p, end);
		if (IS("code"))
			return verbs_code(c->d, &c->l, p, end);
		if (IS("pattern"))
			return verbs_pattern(c->d, &c->l, p, end);
		dict_bad(&c->l, w, "unknown directive in a verb block (forms, code, pattern)");
		return DYAD_OK;
	}
	if (IS("forms") || IS("pattern")) {
		dict_bad(&c->l, w, "forms and pattern belong in a verb block ('verb LEMMA')");
		return DYAD_OK;
	}
	if (!c->in_entry) {
		dict_bad(&c->l, w, "directive outside an entry (an entry starts with 'entry ID')");
		return DYAD_OK;
	}
	if (IS("name"))
		return phrases(c, p, end,
		               c->d->entries[c->d->nentries - 1].name ? PR_ALIAS : PR_NAME);
	if (IS("alias"))
		return phrases(c, p, end, PR_ALIAS);
	if (IS("adj"))
		return phrases(c, p, end, PR_ADJ);
	if (IS("capital"))
		return phrases(c, p, end, PR_CAPITAL);
	if (IS("code"))
		return code_line(c, p, end);
	if (IS("office"))
		return office_line(c, p, end);
	if (IS("parent")) {
		const char *id;
		size_t idn;
		if (!word(&p, end, &id, &idn) || !(valid_id(id, idn) || (idn == 1 && *id == '-'))) {
			dict_bad(&c->l, p, "parent wants an entry id");
			return DYAD_OK;
		}
		if (idn == 1 && *id == '-')
			return DYAD_OK;
		return dict_str(c->d, id, idn, &c->d->entries[c->d->nentries - 1].parent_id);
	}
	if (IS("ambiguous")) {
		c->d->entries[c->d->nentries - 1].flags |= ENTRY_AMBIGUOUS;
		return DYAD_OK;
	}
	if (IS("qid"))
		return DYAD_OK; /* kept in the file; not used by matching yet */
#undef IS
	dict_bad(&c->l, w, "unknown directive");
	return DYAD_OK;
}

/* The end of the line's content: before a '#' that starts a comment. */
static const char *content_end(const char *p, const char *end)
{
	for (const char *q = p; q < end; q++)
		if (*q == '#' && (q == p || dict_space(q[-1])))
			return q;
	return end;
}

dyad_status dict_parse_ours(dyad_dict *d, uint32_t file, const char *text, size_t len)
{
	line_ctx c = {{d, file, 0, text}, d, false, false, 0};
	const char *p = text, *end = text + len;
	dyad_status st = DYAD_OK;
	while (p < end && st == DYAD_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		c.l.lineno++;
		c.l.start = p;
		d->stats.lines++;
		if (memchr(p, '\0', (size_t)(le - p)))
			dict_bad(&c.l, memchr(p, '\0', (size_t)(le - p)), "NUL byte in the line");
		else
			st = directive(&c, p, content_end(p, le));
		p = nl ? nl + 1 : end;
	}
	close_entry(&c);
	return st;
}
