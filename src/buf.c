/*
 * buf.c -- an owned byte buffer that grows by doubling up to a hard cap
 * (curl's dynbuf). Growing past the cap is DYAD_ERR_LIMIT, never a silent
 * cut. The bytes are not NUL-terminated unless the caller adds one.
 */
#include "dyad_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

void buf_init(buf *b, const dyad_allocator *a, size_t max)
{
	b->p = NULL;
	b->n = b->cap = 0;
	b->max = max;
	b->a = a;
}

void buf_free(buf *b)
{
	mem_free(b->a, b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

dyad_status buf_reserve(buf *b, size_t extra)
{
	if (extra > b->max || b->n > b->max - extra)
		return DYAD_ERR_LIMIT;
	size_t need = b->n + extra;
	if (need <= b->cap)
		return DYAD_OK;
	size_t ncap = b->cap ? b->cap : 256;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	if (ncap > b->max)
		ncap = b->max;
	char *np = mem_realloc(b->a, b->p, ncap);
	if (!np)
		return DYAD_ERR_NOMEM;
	b->p = np;
	b->cap = ncap;
	return DYAD_OK;
}

dyad_status buf_append(buf *b, const void *p, size_t n)
{
	dyad_status st = buf_reserve(b, n);
	if (st != DYAD_OK)
		return st;
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	return DYAD_OK;
}

dyad_status buf_read_file(buf *b, const char *path, dyad_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		error_set(err, DYAD_ERR_IO, strerror(errno), path, 0, 0);
		return DYAD_ERR_IO;
	}
	char chunk[1 << 16];
	size_t got;
	dyad_status st = DYAD_OK;
	while (st == DYAD_OK && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		st = buf_append(b, chunk, got);
	bool bad = ferror(f) != 0;
	fclose(f);
	if (bad || st != DYAD_OK) {
		buf_free(b);
		st = bad ? DYAD_ERR_IO : st;
		error_set(err, st, bad ? "read error" : "file too large or out of memory", path, 0,
		          0);
	}
	return st;
}
