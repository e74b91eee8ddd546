/*
 * ingest_text.c -- plain text: the whole input is one article, its id the
 * file's base name ("stdin" for standard input). The text is passed on
 * exactly as read; repair is the text stage's job.
 */
#include "dyad_int.h"

#include <string.h>

static dyad_str base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *b = slash ? slash + 1 : path;
	dyad_str s = {b, strlen(b)};
	if (strcmp(path, "-") == 0) {
		s.p = "stdin";
		s.n = 5;
	}
	return s;
}

dyad_status text_next(dyad_reader *r, dyad_article *a, dyad_error *err)
{
	if (r->done)
		return DYAD_EOF;
	r->done = true;
	dyad_status st = ingest_all(r);
	if (st == DYAD_ERR_LIMIT) {
		error_set(err, st, "text longer than DYAD_MAX_ARTICLE_BYTES, skipped", r->origin, 0,
		          DYAD_MAX_ARTICLE_BYTES);
		return st;
	}
	if (st != DYAD_OK) {
		error_set(err, st, st == DYAD_ERR_IO ? "read error" : "out of memory", r->origin, 0,
		          0);
		return st;
	}
	a->id = base_name(r->origin);
	a->text.p = r->f_text.p ? r->f_text.p : "";
	a->text.n = r->f_text.n;
	a->origin = r->origin;
	a->line = 1;
	return DYAD_OK;
}
