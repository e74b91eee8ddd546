/*
 * ingest_jsonl.c -- JSON Lines: one article object per line.
 *
 *   {"id": "...", "date": "2023-06-19", "text": "...",
 *    "title": "...", "source": "...", "url": "..."}
 *
 * "text" is required; the others are optional (null counts as absent), and
 * other keys are skipped whatever they hold. "id" may be a string or a
 * number; a record without one gets "ORIGIN:LINE". "date" may be YYYY-MM-DD,
 * an ISO 8601 date-time or YYYYMMDD; one that is not understood is dropped
 * with a warning and the article still read. Blank lines are skipped
 * silently. Any other fault skips the record with a message naming the line
 * and the byte, and reading goes on with the next line.
 */
#include "dyad_int.h"

#include <stdio.h>
#include <string.h>

typedef struct field {
	const char *name;
	size_t off; /* offset of the buf in dyad_reader */
} field;

static buf *field_buf(dyad_reader *r, const char *key, size_t n)
{
	static const field fields[] = {
	        {"id", offsetof(dyad_reader, f_id)},
	        {"date", offsetof(dyad_reader, f_date)},
	        {"text", offsetof(dyad_reader, f_text)},
	        {"title", offsetof(dyad_reader, f_title)},
	        {"source", offsetof(dyad_reader, f_source)},
	        {"url", offsetof(dyad_reader, f_url)},
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (strlen(fields[i].name) == n && memcmp(fields[i].name, key, n) == 0)
			return (buf *)((char *)r + fields[i].off);
	return NULL;
}

/* Which fields were present in this record, by buffer. */
typedef struct seen {
	bool id, date, text, title, source, url;
} seen;

static bool *seen_flag(dyad_reader *r, seen *s, const buf *b)
{
	if (b == &r->f_id)
		return &s->id;
	if (b == &r->f_date)
		return &s->date;
	if (b == &r->f_text)
		return &s->text;
	if (b == &r->f_title)
		return &s->title;
	if (b == &r->f_source)
		return &s->source;
	return &s->url;
}

static bool read_field(dyad_reader *r, json_cursor *c, buf *b, seen *s, dyad_status *kind)
{
	json_skip_ws(c);
	buf_clear(b);
	bool *flag = seen_flag(r, s, b);
	if (c->p < c->end && *c->p == '"') {
		*flag = true;
		if (json_string(c, b))
			return true;
		if (c->err_msg && strcmp(c->err_msg, "string too long") == 0) {
			*kind = DYAD_ERR_LIMIT;
			c->err_msg = b == &r->f_text
			                     ? "text longer than DYAD_MAX_ARTICLE_BYTES, skipped"
			                     : "field longer than DYAD_MAX_FIELD_BYTES, skipped";
		}
		return false;
	}
	if (c->p + 4 <= c->end && memcmp(c->p, "null", 4) == 0) {
		c->p += 4;
		*flag = false;
		return true;
	}
	if (b == &r->f_id && c->p < c->end && (*c->p == '-' || (*c->p >= '0' && *c->p <= '9'))) {
		*flag = true;
		return json_number_text(c, b);
	}
	*kind = DYAD_ERR_FIELD;
	if (!json_skip_value(c))
		return false;
	static const char *const msgs[] = {
	        "field \"id\" must be a string or a number", "field \"date\" must be a string",
	        "field \"text\" must be a string",           "field \"title\" must be a string",
	        "field \"source\" must be a string",         "field \"url\" must be a string"};
	size_t which = b == &r->f_id       ? 0
	               : b == &r->f_date   ? 1
	               : b == &r->f_text   ? 2
	               : b == &r->f_title  ? 3
	               : b == &r->f_source ? 4
	                                   : 5;
	return json_fail(c, msgs[which]);
}

/* Parse one record into the field buffers. */
static bool parse_record(dyad_reader *r, json_cursor *c, seen *s, dyad_status *kind)
{
	if (!json_expect(c, '{'))
		return json_fail(c, "record is not a JSON object");
	if (json_expect(c, '}'))
		goto end;
	for (;;) {
		json_skip_ws(c);
		buf_clear(&r->key);
		if (!json_string(c, &r->key)) {
			if (c->err_msg && strcmp(c->err_msg, "string too long") == 0) {
				c->err_msg = NULL;
				return json_fail(c, "key too long");
			}
			return false;
		}
		if (!json_expect(c, ':'))
			return json_fail(c, "expected ':' after key");
		buf *b = field_buf(r, r->key.p, r->key.n);
		if (b == &r->f_date) {
			json_skip_ws(c);
			r->date_at = (size_t)(c->p - c->start);
		}
		if (b ? !read_field(r, c, b, s, kind) : !json_skip_value(c))
			return false;
		if (json_expect(c, ','))
			continue;
		if (json_expect(c, '}'))
			break;
		return json_fail(c, "expected ',' or '}'");
	}
end:
	json_skip_ws(c);
	if (c->p != c->end)
		return json_fail(c, "text after the end of the record");
	if (!s->text) {
		*kind = DYAD_ERR_FIELD;
		return json_fail(c, "record has no \"text\" field");
	}
	return true;
}

static dyad_str view(const buf *b, bool present)
{
	dyad_str s = {NULL, 0};
	if (present) {
		s.p = b->p ? b->p : "";
		s.n = b->n;
	}
	return s;
}

static bool blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

static void fill_article(dyad_reader *r, dyad_article *a, const seen *s, dyad_error *err)
{
	a->id = view(&r->f_id, s->id);
	a->title = view(&r->f_title, s->title);
	a->source = view(&r->f_source, s->source);
	a->url = view(&r->f_url, s->url);
	a->text = view(&r->f_text, true);
	a->origin = r->origin;
	a->line = r->lineno;
	if (!s->id || r->f_id.n == 0) {
		char id[64];
		int n = snprintf(id, sizeof id, ":%llu", (unsigned long long)r->lineno);
		buf_clear(&r->f_id);
		if (buf_append(&r->f_id, r->origin, strlen(r->origin)) == DYAD_OK &&
		    buf_append(&r->f_id, id, (size_t)n) == DYAD_OK)
			a->id = view(&r->f_id, true);
	}
	if (s->date) {
		char d[11];
		if (ingest_date(r->f_date.p ? r->f_date.p : "", r->f_date.n, d)) {
			memcpy(r->f_date.p, d, 10);
			r->f_date.n = 10;
			a->date = view(&r->f_date, true);
		} else {
			error_set(err, DYAD_WARN_DATE,
			          "date not understood (want YYYY-MM-DD), left empty", r->origin,
			          r->lineno, r->date_at);
		}
	}
}

dyad_status jsonl_next(dyad_reader *r, dyad_article *a, dyad_error *err)
{
	for (;;) {
		const char *p;
		size_t n;
		dyad_status st = ingest_line(r, &p, &n);
		if (st == DYAD_EOF)
			return st;
		if (st == DYAD_ERR_LIMIT) {
			error_set(err, st, "line longer than DYAD_MAX_RECORD_BYTES, skipped",
			          r->origin, r->lineno, DYAD_MAX_RECORD_BYTES);
			return st;
		}
		if (st != DYAD_OK) {
			error_set(err, st, st == DYAD_ERR_IO ? "read error" : "out of memory",
			          r->origin, r->lineno, 0);
			return st;
		}
		if (r->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			p += 3;
			n -= 3;
		}
		if (blank(p, n))
			continue;
		json_cursor c;
		json_init(&c, p, n);
		seen s = {false, false, false, false, false, false};
		dyad_status kind = DYAD_ERR_SYNTAX;
		if (!parse_record(r, &c, &s, &kind)) {
			if (c.err_msg && strcmp(c.err_msg, "out of memory") == 0)
				kind = DYAD_ERR_NOMEM;
			error_set(err, kind, c.err_msg ? c.err_msg : "invalid record", r->origin,
			          r->lineno, (uint64_t)(c.err_at - c.start));
			return kind;
		}
		fill_article(r, a, &s, err);
		return DYAD_OK;
	}
}
