/*
 * cameo.c -- the CAMEO event code table: for each code its name, root,
 * quad class, Goldstein score and PLOVER type, read from
 * data/cameo/cameo.tsv (see data/cameo/README.md for where the values
 * come from and where the public tables disagree).
 *
 * The file is tab-separated with a header line naming the columns
 * "code root quad goldstein plover plover_mode name". A bad line is
 * reported (file:line: message at byte N) and skipped; the rest loads.
 * Codes are kept sorted, so lookups are a binary search.
 */
#include "dyad_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct cameo_row {
	uint32_t code, root, name, plover, mode; /* string offsets */
	double goldstein;
	uint8_t quad;
} cameo_row;

struct dyad_cameo {
	dyad_allocator alloc;
	buf strings;
	cameo_row *rows;
	size_t nrows, cap;
};

enum { CAMEO_COLUMNS = 7, CAMEO_CODE_MAX = 8 };

static const char *cs(const dyad_cameo *t, uint32_t off)
{
	return t->strings.p + off;
}

static dyad_status add_str(dyad_cameo *t, const char *p, size_t n, uint32_t *off)
{
	*off = (uint32_t)t->strings.n;
	dyad_status st = buf_append(&t->strings, p, n);
	return st == DYAD_OK ? buf_putc(&t->strings, '\0') : st;
}

static void report(dyad_diag_fn diag, void *ctx, const char *name, uint64_t line, uint64_t byte,
                   const char *msg)
{
	if (!diag)
		return;
	dyad_error e;
	error_set(&e, DYAD_ERR_SYNTAX, msg, name, line, byte);
	diag(ctx, &e);
}

static bool all_digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return n > 0;
}

/* A Goldstein value: optional sign, digits, optional fraction; -10..10. */
static bool parse_goldstein(const char *p, size_t n, double *out)
{
	char tmp[16];
	if (n == 0 || n >= sizeof tmp)
		return false;
	size_t i = (p[0] == '-' || p[0] == '+') ? 1 : 0;
	bool dot = false, digit = false;
	for (size_t k = i; k < n; k++) {
		if (p[k] == '.' && !dot)
			dot = true;
		else if (p[k] >= '0' && p[k] <= '9')
			digit = true;
		else
			return false;
	}
	if (!digit)
		return false;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	double v = strtod(tmp, NULL);
	if (v < -10.0 || v > 10.0)
		return false;
	*out = v;
	return true;
}

/* Split one line into tab-separated fields. */
static size_t split(const char *p, const char *end, const char **f, size_t *len, size_t max)
{
	size_t n = 0;
	while (n < max) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *e = tab ? tab : end;
		f[n] = p;
		len[n] = (size_t)(e - p);
		n++;
		if (!tab)
			break;
		p = tab + 1;
	}
	return n;
}

static dyad_status add_row(dyad_cameo *t, const char **f, const size_t *len, double g, int quad)
{
	dyad_status st =
	        mem_grow(&t->alloc, (void **)&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
	if (st != DYAD_OK)
		return st;
	cameo_row *r = &t->rows[t->nrows];
	st = add_str(t, f[0], len[0], &r->code);
	if (st == DYAD_OK)
		st = add_str(t, f[1], len[1], &r->root);
	if (st == DYAD_OK)
		st = add_str(t, f[4], len[4], &r->plover);
	if (st == DYAD_OK)
		st = add_str(t, f[5], len[5], &r->mode);
	if (st == DYAD_OK)
		st = add_str(t, f[6], len[6], &r->name);
	r->goldstein = g;
	r->quad = (uint8_t)quad;
	if (st == DYAD_OK)
		t->nrows++;
	return st;
}

/* One data line; returns a message for a bad line, NULL when added. */
static const char *parse_row(dyad_cameo *t, const char *p, const char *end, dyad_status *st,
                             size_t *bad_col)
{
	const char *f[CAMEO_COLUMNS];
	size_t len[CAMEO_COLUMNS];
	size_t n = split(p, end, f, len, CAMEO_COLUMNS);
	*bad_col = 0;
	if (n < CAMEO_COLUMNS)
		return "want 7 tab-separated columns";
	if (len[0] < 2 || len[0] > 4 || !all_digits(f[0], len[0]))
		return "code is not 2 to 4 digits";
	*bad_col = 1;
	if (len[1] != 2 || memcmp(f[0], f[1], 2) != 0)
		return "root is not the code's first two digits";
	*bad_col = 2;
	if (len[2] != 1 || f[2][0] < '1' || f[2][0] > '4')
		return "quad class is not 1 to 4";
	*bad_col = 3;
	double g;
	if (!parse_goldstein(f[3], len[3], &g))
		return "Goldstein score is not a number from -10 to 10";
	*st = add_row(t, f, len, g, f[2][0] - '0');
	return NULL;
}

/* Byte offset of column `col` in the line [p, end). */
static uint64_t column_byte(const char *p, const char *end, size_t col)
{
	const char *q = p;
	while (col > 0 && q < end) {
		const char *tab = memchr(q, '\t', (size_t)(end - q));
		if (!tab)
			break;
		q = tab + 1;
		col--;
	}
	return (uint64_t)(q - p);
}

static int cmp_rows(const void *a, const void *b, void *ctx)
{
	const dyad_cameo *t = ctx;
	return strcmp(cs(t, ((const cameo_row *)a)->code), cs(t, ((const cameo_row *)b)->code));
}

/* Insertion sort (the file is sorted already; a few hundred rows). */
static void sort_rows(dyad_cameo *t)
{
	for (size_t i = 1; i < t->nrows; i++) {
		cameo_row x = t->rows[i];
		size_t j = i;
		while (j > 0 && cmp_rows(&t->rows[j - 1], &x, t) > 0) {
			t->rows[j] = t->rows[j - 1];
			j--;
		}
		t->rows[j] = x;
	}
}

dyad_status dyad_cameo_load_mem(dyad_cameo **out, const char *name, const char *text, size_t len,
                                const dyad_allocator *alloc, dyad_diag_fn diag, void *diag_ctx,
                                dyad_error *err)
{
	if (!out || !name || (!text && len)) {
		error_set(err, DYAD_ERR_ARG, "bad arguments", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	dyad_allocator a = {NULL, NULL};
	if (alloc)
		a = *alloc;
	dyad_cameo *t = mem_alloc(&a, sizeof *t);
	if (!t) {
		error_set(err, DYAD_ERR_NOMEM, "out of memory", name, 0, 0);
		return DYAD_ERR_NOMEM;
	}
	memset(t, 0, sizeof *t);
	t->alloc = a;
	buf_init(&t->strings, &t->alloc, (size_t)1 << 24);
	dyad_status st = DYAD_OK;
	const char *p = text ? text : "", *end = p + len;
	uint64_t line = 0;
	while (p < end && st == DYAD_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		if (le > p && le[-1] == '\r')
			le--;
		line++;
		bool header = line == 1 && le - p >= 4 && memcmp(p, "code", 4) == 0;
		if (!header && le > p && *p != '#') {
			size_t col;
			const char *msg = parse_row(t, p, le, &st, &col);
			if (msg)
				report(diag, diag_ctx, name, line, column_byte(p, le, col), msg);
		}
		p = nl ? nl + 1 : end;
	}
	if (st != DYAD_OK) {
		dyad_cameo_free(t);
		error_set(err, st, "out of memory", name, 0, 0);
		return st;
	}
	sort_rows(t);
	*out = t;
	return DYAD_OK;
}

dyad_status dyad_cameo_load(dyad_cameo **out, const char *path, const dyad_allocator *alloc,
                            dyad_diag_fn diag, void *diag_ctx, dyad_error *err)
{
	if (!out || !path) {
		error_set(err, DYAD_ERR_ARG, "bad arguments", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	buf b;
	buf_init(&b, alloc, (size_t)1 << 26);
	dyad_status st = buf_read_file(&b, path, err);
	if (st != DYAD_OK)
		return st;
	st = dyad_cameo_load_mem(out, path, b.p ? b.p : "", b.n, alloc, diag, diag_ctx, err);
	buf_free(&b);
	return st;
}

void dyad_cameo_free(dyad_cameo *t)
{
	if (!t)
		return;
	dyad_allocator a = t->alloc;
	buf_free(&t->strings);
	mem_free(&a, t->rows);
	mem_free(&a, t);
}

size_t dyad_cameo_count(const dyad_cameo *t)
{
	return t ? t->nrows : 0;
}

static dyad_str view(const dyad_cameo *t, uint32_t off)
{
	dyad_str s = {cs(t, off), strlen(cs(t, off))};
	return s;
}

dyad_cameo_code dyad_cameo_at(const dyad_cameo *t, size_t i)
{
	dyad_cameo_code c;
	memset(&c, 0, sizeof c);
	c.code.p = c.root.p = c.name.p = c.plover.p = c.plover_mode.p = "";
	if (!t || i >= t->nrows)
		return c;
	const cameo_row *r = &t->rows[i];
	c.code = view(t, r->code);
	c.root = view(t, r->root);
	c.name = view(t, r->name);
	c.plover = view(t, r->plover);
	c.plover_mode = view(t, r->mode);
	c.quad = r->quad;
	c.goldstein = r->goldstein;
	return c;
}

int dyad_cameo_lookup(const dyad_cameo *t, const char *code, size_t len, dyad_cameo_code *out)
{
	if (!t || !code || len == 0 || len > CAMEO_CODE_MAX)
		return 0;
	size_t lo = 0, hi = t->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = cs(t, t->rows[mid].code);
		size_t kn = strlen(k);
		int c = memcmp(k, code, kn < len ? kn : len);
		if (c == 0)
			c = (kn > len) - (kn < len);
		if (c == 0) {
			if (out)
				*out = dyad_cameo_at(t, mid);
			return 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
