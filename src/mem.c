/*
 * mem.c -- every allocation in the library goes through here, so a caller's
 * dyad_allocator (an arena, a budget, a failing allocator in tests) sees all
 * of them. A NULL allocator means the C library's realloc and free.
 */
#include "dyad_int.h"

#include <stdlib.h>
#include <string.h>

void *mem_realloc(const dyad_allocator *a, void *p, size_t n)
{
	if (a && a->realloc)
		return a->realloc(a->ctx, p, n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	return realloc(p, n);
}

void *mem_alloc(const dyad_allocator *a, size_t n)
{
	return mem_realloc(a, NULL, n ? n : 1);
}

void mem_free(const dyad_allocator *a, void *p)
{
	if (p)
		mem_realloc(a, p, 0);
}

char *mem_strdup(const dyad_allocator *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = mem_alloc(a, n);
	if (d)
		memcpy(d, s, n);
	return d;
}

dyad_status mem_grow(const dyad_allocator *a, void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return DYAD_OK;
	size_t ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elem)
			return DYAD_ERR_NOMEM;
		ncap *= 2;
	}
	void *np = mem_realloc(a, *p, ncap * elem);
	if (!np)
		return DYAD_ERR_NOMEM;
	*p = np;
	*cap = ncap;
	return DYAD_OK;
}
