/*
 * ingest.c -- stage 0: input files -> records, for every reader.
 *
 * A reader pulls bytes from a file, standard input or memory in chunks,
 * hands out lines (ingest_jsonl.c) or the whole input (ingest_text.c), and
 * picks the format when asked to guess: by file name first (.jsonl, .txt),
 * then by content (a first non-blank '{' means JSON Lines).
 *
 * Lines are returned as views into the chunk when they fit, copied only when
 * they straddle chunks. A line longer than DYAD_MAX_RECORD_BYTES is never
 * held in memory: the reader skips to its end and reports it, so one giant
 * line costs a message, not the run.
 */
#include "dyad_int.h"

#include <errno.h>
#include <string.h>

enum { CHUNK_BYTES = 1 << 20 };

static void reader_bufs_init(dyad_reader *r)
{
	buf_init(&r->line, &r->alloc, DYAD_MAX_RECORD_BYTES);
	buf_init(&r->f_id, &r->alloc, DYAD_MAX_FIELD_BYTES);
	buf_init(&r->f_date, &r->alloc, DYAD_MAX_FIELD_BYTES);
	buf_init(&r->f_title, &r->alloc, DYAD_MAX_FIELD_BYTES);
	buf_init(&r->f_source, &r->alloc, DYAD_MAX_FIELD_BYTES);
	buf_init(&r->f_url, &r->alloc, DYAD_MAX_FIELD_BYTES);
	buf_init(&r->f_text, &r->alloc, DYAD_MAX_ARTICLE_BYTES);
	buf_init(&r->key, &r->alloc, 1024);
}

static dyad_reader *reader_new(const dyad_allocator *alloc, const char *name)
{
	dyad_allocator a = {NULL, NULL};
	if (alloc)
		a = *alloc;
	dyad_reader *r = mem_alloc(&a, sizeof *r);
	if (!r)
		return NULL;
	memset(r, 0, sizeof *r);
	r->alloc = a;
	reader_bufs_init(r);
	r->origin = mem_strdup(&r->alloc, name);
	r->chunk = mem_alloc(&r->alloc, CHUNK_BYTES);
	if (!r->origin || !r->chunk) {
		dyad_reader_free(r);
		return NULL;
	}
	return r;
}

void dyad_reader_free(dyad_reader *r)
{
	if (!r)
		return;
	dyad_allocator a = r->alloc;
	if (r->fp && r->close_fp)
		fclose(r->fp);
	buf *bufs[] = {&r->line,     &r->f_id,  &r->f_date, &r->f_title,
	               &r->f_source, &r->f_url, &r->f_text, &r->key};
	for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
		buf_free(bufs[i]);
	mem_free(&a, r->origin);
	mem_free(&a, r->chunk);
	mem_free(&a, r);
}

/* Refill the chunk; returns bytes now available, 0 at end or on error. */
static dyad_status refill(dyad_reader *r)
{
	r->chunk_pos = r->chunk_len = 0;
	if (r->eof)
		return DYAD_EOF;
	if (r->fp) {
		size_t got = fread(r->chunk, 1, CHUNK_BYTES, r->fp);
		if (got == 0) {
			r->eof = true;
			return ferror(r->fp) ? DYAD_ERR_IO : DYAD_EOF;
		}
		r->chunk_len = got;
	} else {
		size_t left = r->mem_len - r->mem_pos;
		size_t got = left < CHUNK_BYTES ? left : CHUNK_BYTES;
		if (got == 0) {
			r->eof = true;
			return DYAD_EOF;
		}
		memcpy(r->chunk, r->mem + r->mem_pos, got);
		r->mem_pos += got;
		r->chunk_len = got;
	}
	r->stats.bytes += r->chunk_len;
	return DYAD_OK;
}

static void strip_cr(const char **p, size_t *n)
{
	if (*n && (*p)[*n - 1] == '\r')
		(*n)--;
}

dyad_status ingest_line(dyad_reader *r, const char **p, size_t *n)
{
	buf_clear(&r->line);
	bool too_long = false, any = false;
	for (;;) {
		if (r->chunk_pos >= r->chunk_len) {
			dyad_status st = refill(r);
			if (st == DYAD_ERR_IO)
				return st;
			if (st == DYAD_EOF) {
				if (!any)
					return DYAD_EOF;
				break; /* last line without a line break */
			}
		}
		any = true;
		const char *s = r->chunk + r->chunk_pos;
		size_t avail = r->chunk_len - r->chunk_pos;
		const char *nl = memchr(s, '\n', avail);
		size_t take = nl ? (size_t)(nl - s) : avail;
		r->chunk_pos += take + (nl ? 1 : 0);
		if (nl && r->line.n == 0 && !too_long) { /* the common case: no copy */
			r->lineno++;
			*p = s;
			*n = take;
			strip_cr(p, n);
			return DYAD_OK;
		}
		if (!too_long) {
			dyad_status st = buf_append(&r->line, s, take);
			if (st == DYAD_ERR_LIMIT) {
				too_long = true;
				buf_clear(&r->line);
			} else if (st != DYAD_OK) {
				return st;
			}
		}
		if (nl)
			break;
	}
	r->lineno++;
	if (too_long)
		return DYAD_ERR_LIMIT;
	*p = r->line.p ? r->line.p : "";
	*n = r->line.n;
	strip_cr(p, n);
	return DYAD_OK;
}

dyad_status ingest_all(dyad_reader *r)
{
	buf_clear(&r->f_text);
	for (;;) {
		if (r->chunk_pos >= r->chunk_len) {
			dyad_status st = refill(r);
			if (st == DYAD_EOF)
				return DYAD_OK;
			if (st != DYAD_OK)
				return st;
		}
		dyad_status st = buf_append(&r->f_text, r->chunk + r->chunk_pos,
		                            r->chunk_len - r->chunk_pos);
		r->chunk_pos = r->chunk_len;
		if (st != DYAD_OK)
			return st;
	}
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n < m)
		return false;
	for (size_t i = 0; i < m; i++)
		if (norm_ascii_lower[(unsigned char)s[n - m + i]] != (unsigned char)suffix[i])
			return false;
	return true;
}

static dyad_format format_by_name(const char *name)
{
	if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".json"))
		return DYAD_FORMAT_JSONL;
	if (ends_with(name, ".txt") || ends_with(name, ".text"))
		return DYAD_FORMAT_TEXT;
	return DYAD_FORMAT_AUTO;
}

/* Look at the first chunk: a first non-blank '{' (after a BOM) is JSONL. */
static dyad_status format_by_content(dyad_reader *r)
{
	if (r->chunk_len == 0) {
		dyad_status st = refill(r);
		if (st == DYAD_ERR_IO)
			return st;
	}
	size_t i = 0;
	if (r->chunk_len >= 3 && memcmp(r->chunk, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < r->chunk_len && (r->chunk[i] == ' ' || r->chunk[i] == '\t' ||
	                            r->chunk[i] == '\n' || r->chunk[i] == '\r'))
		i++;
	r->format = (i < r->chunk_len && r->chunk[i] == '{') ? DYAD_FORMAT_JSONL : DYAD_FORMAT_TEXT;
	return DYAD_OK;
}

dyad_status dyad_reader_open(dyad_reader **out, const char *path, dyad_format format,
                             const dyad_allocator *alloc, dyad_error *err)
{
	if (!out || !path) {
		error_set(err, DYAD_ERR_ARG, "no reader or no path", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	*out = NULL;
	bool is_stdin = strcmp(path, "-") == 0;
	dyad_reader *r = reader_new(alloc, path);
	if (!r) {
		error_set(err, DYAD_ERR_NOMEM, "out of memory", NULL, 0, 0);
		return DYAD_ERR_NOMEM;
	}
	r->fp = is_stdin ? stdin : fopen(path, "rb");
	r->close_fp = !is_stdin;
	if (!r->fp) {
		error_set(err, DYAD_ERR_IO, strerror(errno), NULL, 0, 0);
		dyad_reader_free(r);
		return DYAD_ERR_IO;
	}
	r->format = format != DYAD_FORMAT_AUTO || is_stdin ? format : format_by_name(path);
	*out = r;
	return DYAD_OK;
}

dyad_status dyad_reader_open_mem(dyad_reader **out, const char *name, const char *data, size_t len,
                                 dyad_format format, const dyad_allocator *alloc, dyad_error *err)
{
	if (!out || !name || (!data && len)) {
		error_set(err, DYAD_ERR_ARG, "no reader, name or data", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	*out = NULL;
	dyad_reader *r = reader_new(alloc, name);
	if (!r) {
		error_set(err, DYAD_ERR_NOMEM, "out of memory", NULL, 0, 0);
		return DYAD_ERR_NOMEM;
	}
	r->mem = data ? data : "";
	r->mem_len = len;
	r->format = format;
	*out = r;
	return DYAD_OK;
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_article *a, dyad_error *err)
{
	if (!r || !a) {
		error_set(err, DYAD_ERR_ARG, "no reader or no article", NULL, 0, 0);
		return DYAD_ERR_ARG;
	}
	error_set(err, DYAD_OK, NULL, r->origin, 0, 0);
	memset(a, 0, sizeof *a);
	if (r->done)
		return DYAD_EOF;
	if (r->format == DYAD_FORMAT_AUTO) {
		dyad_status st = format_by_content(r);
		if (st != DYAD_OK) {
			r->done = true;
			error_set(err, st, "read error", r->origin, 0, 0);
			return st;
		}
	}
	dyad_status st =
	        r->format == DYAD_FORMAT_JSONL ? jsonl_next(r, a, err) : text_next(r, a, err);
	if (st == DYAD_OK) {
		r->stats.records++;
		if (err && err->code != DYAD_OK)
			r->stats.warnings++;
	} else if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) {
		r->done = true;
	} else if (st != DYAD_EOF) {
		r->stats.skipped++;
	}
	return st;
}

dyad_reader_stats dyad_reader_get_stats(const dyad_reader *r)
{
	dyad_reader_stats s = {0, 0, 0, 0, 0};
	if (!r)
		return s;
	s = r->stats;
	s.lines = r->lineno;
	return s;
}

dyad_format dyad_reader_format(const dyad_reader *r)
{
	return r ? r->format : DYAD_FORMAT_AUTO;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bool ingest_date(const char *s, size_t n, char out[11])
{
	char ymd[8];
	if (n >= 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
	    digits(s + 8, 2) && (n == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't')) {
		memcpy(ymd, s, 4);
		memcpy(ymd + 4, s + 5, 2);
		memcpy(ymd + 6, s + 8, 2);
	} else if (n == 8 && digits(s, 8)) {
		memcpy(ymd, s, 8);
	} else {
		return false;
	}
	int y = num(ymd, 4), m = num(ymd + 4, 2), d = num(ymd + 6, 2);
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1800 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return false;
	memcpy(out, ymd, 4);
	out[4] = '-';
	memcpy(out + 5, ymd + 4, 2);
	out[7] = '-';
	memcpy(out + 8, ymd + 6, 2);
	out[10] = '\0';
	return true;
}
