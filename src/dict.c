/*
 * dict.c -- stage 2a: dictionary files -> a compiled matcher.
 *
 * In: files in our format (dict_ours.c) or the TABARI/PETRARCH formats
 * (dict_peer.c), which add entries, their phrases (names, aliases,
 * adjectives, capitals) and their codes (dated or not) through the small
 * dict_add_* interface below. Out, after dyad_dict_compile: every phrase
 * tokenised with the same tokenizer as articles, turned into a sequence of
 * keys (translit.c), and entered in one open-addressing hash table keyed by
 * the hash of each key-sequence prefix. A slot says whether some phrase
 * continues past it and which phrases end exactly there, so the matcher
 * (actors.c) walks forward from each token while prefixes exist and keeps
 * the longest phrase that ends. The dictionary is read-only once compiled.
 *
 * Codes: a person's code follows the offices held (`office president IRN
 * 2021-08-03 2024-05-19` gives IRNGOV then); the first dated code whose
 * range holds the article's date wins, then the undated default.
 */
#include "dyad_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

dyad_dict *dyad_dict_new(const dyad_allocator *alloc)
{
	dyad_allocator a = {NULL, NULL};
	if (alloc)
		a = *alloc;
	dyad_dict *d = mem_alloc(&a, sizeof *d);
	if (!d)
		return NULL;
	memset(d, 0, sizeof *d);
	d->alloc = a;
	buf_init(&d->strings, &d->alloc, (size_t)1 << 31);
	if (buf_putc(&d->strings, '\0') != DYAD_OK) { /* offset 0 is "" */
		mem_free(&a, d);
		return NULL;
	}
	return d;
}

void dyad_dict_free(dyad_dict *d)
{
	if (!d)
		return;
	dyad_allocator a = d->alloc;
	buf_free(&d->strings);
	mem_free(&a, d->entries);
	mem_free(&a, d->codes);
	mem_free(&a, d->phrases);
	mem_free(&a, d->ptoks);
	mem_free(&a, d->slots);
	mem_free(&a, d->files);
	mem_free(&a, d->vblocks);
	mem_free(&a, d->vpats);
	mem_free(&a, d->velems);
	mem_free(&a, d->vforms);
	mem_free(&a, d->discards);
	mem_free(&a, d->vindex);
	mem_free(&a, d->findex);
	mem_free(&a, d);
}

void dyad_dict_set_diag(dyad_dict *d, dyad_diag_fn fn, void *ctx)
{
	if (d) {
		d->diag = fn;
		d->diag_ctx = ctx;
	}
}

dyad_dict_stats dyad_dict_get_stats(const dyad_dict *d)
{
	dyad_dict_stats s;
	memset(&s, 0, sizeof s);
	return d ? d->stats : s;
}

void dict_report(dyad_dict *d, uint32_t file, uint64_t line, uint64_t byte, const char *msg)
{
	d->stats.lines_skipped++;
	if (!d->diag)
		return;
	dyad_error e;
	error_set(&e, DYAD_ERR_SYNTAX, msg, dict_s(d, d->files[file]), line, byte);
	d->diag(d->diag_ctx, &e);
}

void dict_bad(const dict_line *l, const char *at, const char *msg)
{
	dict_report(l->d, l->file, l->lineno, (uint64_t)(at - l->start), msg);
}

dyad_status dict_str(dyad_dict *d, const char *p, size_t n, uint32_t *off)
{
	if (d->strings.n + n + 1 > UINT32_MAX)
		return DYAD_ERR_LIMIT;
	*off = (uint32_t)d->strings.n;
	dyad_status st = buf_append(&d->strings, p, n);
	return st == DYAD_OK ? buf_putc(&d->strings, '\0') : st;
}

dyad_status dict_add_entry(dyad_dict *d, const char *id, size_t idn, entry_kind kind, uint32_t file,
                           uint32_t line)
{
	dyad_status st = mem_grow(&d->alloc, (void **)&d->entries, &d->cap_entries, d->nentries + 1,
	                          sizeof *d->entries);
	if (st != DYAD_OK)
		return st;
	dict_entry *e = &d->entries[d->nentries];
	memset(e, 0, sizeof *e);
	st = dict_str(d, id, idn, &e->id);
	if (st != DYAD_OK)
		return st;
	e->kind = (uint8_t)kind;
	e->file = file;
	e->line = line;
	e->parent = -1;
	e->first_code = (uint32_t)d->ncodes;
	d->nentries++;
	d->stats.entries++;
	return DYAD_OK;
}

dyad_status dict_add_phrase(dyad_dict *d, const char *p, size_t n, phrase_role role)
{
	if (!d->nentries)
		return DYAD_ERR_ARG;
	dyad_status st = mem_grow(&d->alloc, (void **)&d->phrases, &d->cap_phrases, d->nphrases + 1,
	                          sizeof *d->phrases);
	if (st != DYAD_OK)
		return st;
	dict_phrase *ph = &d->phrases[d->nphrases];
	memset(ph, 0, sizeof *ph);
	ph->entry = (uint32_t)(d->nentries - 1);
	ph->role = (uint8_t)role;
	ph->next = UINT32_MAX;
	st = dict_str(d, p, n, &ph->text);
	if (st != DYAD_OK)
		return st;
	if (role == PR_NAME && d->entries[ph->entry].name == 0) {
		d->entries[ph->entry].name = ph->text;
		d->entries[ph->entry].name_phrase = (uint32_t)d->nphrases;
	}
	d->nphrases++;
	d->stats.phrases++;
	return DYAD_OK;
}

dyad_status dict_add_code(dyad_dict *d, const char *code, size_t n, uint32_t from, uint32_t to,
                          office off)
{
	if (!d->nentries)
		return DYAD_ERR_ARG;
	dyad_status st = mem_grow(&d->alloc, (void **)&d->codes, &d->cap_codes, d->ncodes + 1,
	                          sizeof *d->codes);
	if (st != DYAD_OK)
		return st;
	dict_code *c = &d->codes[d->ncodes];
	st = dict_str(d, code, n, &c->code);
	if (st != DYAD_OK)
		return st;
	c->from = from;
	c->to = to;
	c->office = (uint8_t)off;
	c->dated = from != 0 || to != 99999999u;
	d->ncodes++;
	d->entries[d->nentries - 1].ncodes++;
	d->stats.codes++;
	return DYAD_OK;
}

static bool digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return n > 0;
}

static uint32_t num(const char *p, size_t n)
{
	uint32_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (uint32_t)(p[i] - '0');
	return v;
}

bool dict_date(const char *p, size_t n, bool end, uint32_t *out)
{
	uint32_t y, m = end ? 12 : 1, day = end ? 31 : 1;
	if (n == 4 && digits(p, 4)) {
		y = num(p, 4);
	} else if (n == 7 && digits(p, 4) && p[4] == '-' && digits(p + 5, 2)) {
		y = num(p, 4);
		m = num(p + 5, 2);
	} else if (n == 10 && digits(p, 4) && p[4] == '-' && digits(p + 5, 2) && p[7] == '-' &&
	           digits(p + 8, 2)) {
		y = num(p, 4);
		m = num(p + 5, 2);
		day = num(p + 8, 2);
	} else {
		return false;
	}
	if (y < 1000 || m < 1 || m > 12 || day < 1 || day > 31)
		return false;
	*out = y * 10000 + m * 100 + day;
	return true;
}

/* --- loading files --------------------------------------------------------- */

static dyad_status add_file(dyad_dict *d, const char *name, uint32_t *index)
{
	dyad_status st = mem_grow(&d->alloc, (void **)&d->files, &d->cap_files, d->nfiles + 1,
	                          sizeof *d->files);
	if (st != DYAD_OK)
		return st;
	st = dict_str(d, name, strlen(name), &d->files[d->nfiles]);
	if (st != DYAD_OK)
		return st;
	*index = (uint32_t)d->nfiles++;
	d->stats.files++;
	return DYAD_OK;
}

/* Ours if a line (ignoring comments and blanks) starts with "entry ". */
static bool looks_ours(const char *t, size_t n)
{
	size_t i = 0;
	for (int lines = 0; i < n && lines < 200; lines++) {
		while (i < n && (t[i] == ' ' || t[i] == '\t'))
			i++;
		static const char *const starts[] = {"entry", "verb", "discard"};
		for (size_t k = 0; k < 3; k++) {
			size_t m = strlen(starts[k]);
			if (n - i > m && memcmp(t + i, starts[k], m) == 0 &&
			    (t[i + m] == ' ' || t[i + m] == '\t'))
				return true;
		}
		const char *nl = memchr(t + i, '\n', n - i);
		if (!nl)
			break;
		i = (size_t)(nl - t) + 1;
	}
	return false;
}

static bool name_has(const char *name, const char *part)
{
	size_t n = strlen(name), m = strlen(part);
	for (size_t i = 0; i + m <= n; i++) {
		size_t k = 0;
		while (k < m &&
		       norm_ascii_lower[(unsigned char)name[i + k]] == (unsigned char)part[k])
			k++;
		if (k == m)
			return true;
	}
	return false;
}

dyad_status dyad_dict_load_mem(dyad_dict *d, const char *name, const char *text, size_t len,
                               dyad_dict_format format, dyad_error *err)
{
	if (!d || !name || (!text && len) || d->compiled) {
		error_set(err, DYAD_ERR_ARG,
		          d && d->compiled ? "dictionary already compiled" : "bad arguments", name,
		          0, 0);
		return DYAD_ERR_ARG;
	}
	uint32_t file;
	dyad_status st = add_file(d, name, &file);
	if (st != DYAD_OK) {
		error_set(err, st, "out of memory", name, 0, 0);
		return st;
	}
	if (format == DYAD_DICT_AUTO)
		format = looks_ours(text, len)     ? DYAD_DICT_DYAD
		         : name_has(name, "agent") ? DYAD_DICT_PEER_AGENTS
		                                   : DYAD_DICT_PEER_ACTORS;
	st = format == DYAD_DICT_DYAD ? dict_parse_ours(d, file, text ? text : "", len)
	                              : dict_parse_peer(d, file, text ? text : "", len,
	                                                format == DYAD_DICT_PEER_AGENTS);
	if (st != DYAD_OK)
		error_set(err, st, st == DYAD_ERR_NOMEM ? "out of memory" : "dictionary too large",
		          name, 0, 0);
	return st;
}

dyad_status dyad_dict_load(dyad_dict *d, const char *path, dyad_dict_format format, dyad_error *err)
{
	if (!d || !path) {
		error_set(err, DYAD_ERR_ARG, "no dictionary or no path", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	buf b;
	buf_init(&b, &d->alloc, (size_t)1 << 30);
	dyad_status st = buf_read_file(&b, path, err);
	if (st != DYAD_OK)
		return st;
	st = dyad_dict_load_mem(d, path, b.p ? b.p : "", b.n, format, err);
	buf_free(&b);
	return st;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum { DIR_MAX_FILES = 4096, DIR_PATH_MAX = 4096 };

dyad_status dyad_dict_load_dir(dyad_dict *d, const char *dir, size_t *nfiles, dyad_error *err)
{
	if (nfiles)
		*nfiles = 0;
	if (!d || !dir) {
		error_set(err, DYAD_ERR_ARG, "no dictionary or no directory", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	DIR *dp = opendir(dir);
	if (!dp) {
		error_set(err, DYAD_ERR_IO, strerror(errno), dir, 0, 0);
		return DYAD_ERR_IO;
	}
	char **names = mem_alloc(&d->alloc, DIR_MAX_FILES * sizeof *names);
	size_t n = 0;
	struct dirent *de;
	dyad_status st = names ? DYAD_OK : DYAD_ERR_NOMEM;
	while (st == DYAD_OK && (de = readdir(dp)) != NULL && n < DIR_MAX_FILES) {
		size_t len = strlen(de->d_name);
		if (len > 4 && de->d_name[0] != '.' && strcmp(de->d_name + len - 4, ".txt") == 0) {
			names[n] = mem_strdup(&d->alloc, de->d_name);
			st = names[n] ? DYAD_OK : DYAD_ERR_NOMEM;
			n += names[n] != NULL;
		}
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	dyad_status first = st;
	for (size_t i = 0; i < n; i++) {
		char path[DIR_PATH_MAX];
		int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		dyad_status fst = len > 0 && (size_t)len < sizeof path
		                          ? dyad_dict_load(d, path, DYAD_DICT_AUTO,
		                                           first == DYAD_OK ? err : NULL)
		                          : DYAD_ERR_LIMIT;
		if (fst == DYAD_OK && nfiles)
			(*nfiles)++;
		if (first == DYAD_OK)
			first = fst;
		mem_free(&d->alloc, names[i]);
	}
	mem_free(&d->alloc, names);
	return first;
}

/* --- compiling ---------------------------------------------------------- */

uint64_t dict_seq_hash(uint64_t h, uint64_t key)
{
	h = (h ^ key) * 0x9E3779B97F4A7C15ull;
	h ^= h >> 31;
	return h ? h : 1;
}

#define SEQ_SEED 0x243F6A8885A308D3ull

static dict_slot *slot_for(dict_slot *slots, size_t nslots, uint64_t h)
{
	size_t mask = nslots - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask)
		if (slots[i].h == h || slots[i].h == 0)
			return &slots[i];
}

const dict_slot *dict_lookup(const dyad_dict *d, uint64_t h)
{
	if (!d->nslots)
		return NULL;
	const dict_slot *s = slot_for(d->slots, d->nslots, h);
	return s->h == h ? s : NULL;
}

/* What the text must show for a phrase token written with `caps`. Only
 * names of people and organisations match other spellings; countries,
 * roles and titles are spelled as listed (their variants are aliases). */
static uint8_t requirement(uint8_t caps, const dict_entry *e, bool peer)
{
	if (peer)
		return REQ_SAME; /* peer dictionaries are all capitals: case says nothing */
	bool spelled = e->kind == EK_COUNTRY || e->kind == EK_AGENT || e->kind == EK_TITLE;
	if (caps & KEY_UPPER)
		return REQ_UPPER | REQ_SAME;
	if (caps & KEY_CAP)
		return (uint8_t)(REQ_CAP | (spelled ? REQ_SAME : 0));
	return REQ_SAME;
}

typedef struct compiler {
	dyad_dict *d;
	dyad_doc *doc;
	key_item *items;
	size_t nitems, cap_items;
} compiler;

/* Tokenise one phrase and append its key sequence to d->ptoks. */
static dyad_status compile_phrase(compiler *c, dict_phrase *ph, const dict_entry *e, bool peer)
{
	dyad_dict *d = c->d;
	const char *text = dict_s(d, ph->text);
	dyad_status st = dyad_doc_analyze(c->doc, text, strlen(text), NULL);
	if (st == DYAD_OK)
		st = translit_keys(c->doc, 0, c->doc->ntoks, &c->items, &c->nitems, &c->cap_items,
		                   &d->alloc);
	if (st != DYAD_OK)
		return st;
	ph->first = (uint32_t)d->nptoks;
	ph->n = 0;
	st = mem_grow(&d->alloc, (void **)&d->ptoks, &d->cap_ptoks, d->nptoks + c->nitems,
	              sizeof *d->ptoks);
	for (size_t i = 0; i < c->nitems && st == DYAD_OK; i++) {
		const key_item *it = &c->items[i];
		dict_ptok *pt = &d->ptoks[d->nptoks];
		pt->key = it->key;
		pt->req = requirement(it->caps, e, peer);
		pt->joined = it->caps & KEY_JOINED;
		pt->article = it->article;
		pt->norm_len = it->norm_len;
		st = dict_str(d, c->doc->norm.p + it->norm, it->norm_len, &pt->norm);
		d->nptoks++;
		ph->n++;
	}
	return st;
}

static bool entry_is_peer(const dyad_dict *d, const dict_entry *e)
{
	return strncmp(dict_s(d, e->id), "peer:", 5) == 0;
}

static dyad_status build_table(dyad_dict *d)
{
	size_t want = 16;
	while (want < (d->nptoks + 1) * 2)
		want *= 2;
	d->slots = mem_realloc(&d->alloc, NULL, want * sizeof *d->slots);
	if (!d->slots)
		return DYAD_ERR_NOMEM;
	memset(d->slots, 0, want * sizeof *d->slots);
	d->nslots = want;
	for (size_t i = 0; i < want; i++)
		d->slots[i].phrase = UINT32_MAX;
	for (size_t p = 0; p < d->nphrases; p++) {
		dict_phrase *ph = &d->phrases[p];
		uint64_t h = SEQ_SEED;
		for (uint32_t k = 0; k < ph->n; k++) {
			h = dict_seq_hash(h, d->ptoks[ph->first + k].key);
			dict_slot *s = slot_for(d->slots, d->nslots, h);
			s->h = h;
			if (k + 1 < ph->n) {
				s->prefix = 1;
			} else {
				ph->next = s->phrase;
				s->phrase = (uint32_t)p;
			}
		}
		if (ph->n > d->max_phrase)
			d->max_phrase = ph->n;
	}
	return DYAD_OK;
}

/* Resolve `parent` ids to entry indices (a linear map through a small
 * hash of ids). */
static dyad_status link_parents(dyad_dict *d)
{
	size_t n = 16;
	while (n < d->nentries * 2)
		n *= 2;
	uint32_t *map = mem_realloc(&d->alloc, NULL, n * sizeof *map);
	if (!map)
		return DYAD_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		map[i] = UINT32_MAX;
	for (size_t e = 0; e < d->nentries; e++) {
		const char *id = dict_s(d, d->entries[e].id);
		size_t i = (size_t)translit_hash(id, strlen(id)) & (n - 1);
		while (map[i] != UINT32_MAX && strcmp(dict_s(d, d->entries[map[i]].id), id) != 0)
			i = (i + 1) & (n - 1);
		if (map[i] == UINT32_MAX)
			map[i] = (uint32_t)e;
	}
	for (size_t e = 0; e < d->nentries; e++) {
		dict_entry *en = &d->entries[e];
		if (!en->parent_id)
			continue;
		const char *id = dict_s(d, en->parent_id);
		size_t i = (size_t)translit_hash(id, strlen(id)) & (n - 1);
		while (map[i] != UINT32_MAX && strcmp(dict_s(d, d->entries[map[i]].id), id) != 0)
			i = (i + 1) & (n - 1);
		if (map[i] != UINT32_MAX)
			en->parent = (int32_t)map[i];
		else
			dict_report(d, en->file, en->line, 0,
			            "parent id not found in any dictionary");
	}
	mem_free(&d->alloc, map);
	return DYAD_OK;
}

dyad_status dyad_dict_compile(dyad_dict *d, dyad_error *err)
{
	if (!d) {
		error_set(err, DYAD_ERR_ARG, "no dictionary", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	if (d->compiled)
		return DYAD_OK;
	compiler c = {d, dyad_doc_new(&d->alloc), NULL, 0, 0};
	dyad_status st = c.doc ? DYAD_OK : DYAD_ERR_NOMEM;
	for (size_t p = 0; p < d->nphrases && st == DYAD_OK; p++) {
		dict_phrase *ph = &d->phrases[p];
		const dict_entry *e = &d->entries[ph->entry];
		st = compile_phrase(&c, ph, e, entry_is_peer(d, e));
	}
	if (st == DYAD_OK)
		st = build_table(d);
	if (st == DYAD_OK)
		st = link_parents(d);
	if (st == DYAD_OK)
		st = lemma_index(d);
	dyad_doc_free(c.doc);
	mem_free(&d->alloc, c.items);
	if (st != DYAD_OK) {
		error_set(err, st, "out of memory compiling the dictionary", NULL, 0, 0);
		return st;
	}
	d->compiled = true;
	return DYAD_OK;
}

const dict_code *dict_code_at(const dyad_dict *d, const dict_entry *e, uint32_t date)
{
	const dict_code *dflt = NULL, *latest = NULL;
	for (uint32_t i = 0; i < e->ncodes; i++) {
		const dict_code *c = &d->codes[e->first_code + i];
		if (!c->dated) {
			if (!dflt)
				dflt = c;
			continue;
		}
		if (date && c->from <= date && date <= c->to)
			return c;
		if (!latest || c->to > latest->to)
			latest = c;
	}
	if (dflt)
		return dflt;
	return date ? NULL : latest;
}

static const char *const office_names[OFF_COUNT] = {"",
                                                    "head-of-state",
                                                    "president",
                                                    "vice-president",
                                                    "king",
                                                    "queen",
                                                    "emir",
                                                    "sultan",
                                                    "supreme-leader",
                                                    "head-of-government",
                                                    "prime-minister",
                                                    "chancellor",
                                                    "foreign-minister",
                                                    "defence-minister",
                                                    "interior-minister",
                                                    "army-chief",
                                                    "speaker",
                                                    "chief-justice",
                                                    "head-of-judiciary",
                                                    "opposition-leader",
                                                    "leader",
                                                    "secretary-general",
                                                    "chair",
                                                    "spokesperson"};

office office_from_name(const char *p, size_t n)
{
	for (int i = 1; i < OFF_COUNT; i++)
		if (strlen(office_names[i]) == n && memcmp(office_names[i], p, n) == 0)
			return (office)i;
	if (n == 16 && memcmp(p, "defense-minister", 16) == 0)
		return OFF_DEFENCE_MINISTER;
	return OFF_NONE;
}
