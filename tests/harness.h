/*
 * harness.h -- the smallest test harness that does the job: CHECK records a
 * named assertion, failures print what was expected, and harness_done()
 * prints the closing line "N passed, N failed" that tests/run.sh adds up.
 * Header-only; each test program includes it once.
 */
#ifndef DYAD_TEST_HARNESS_H
#define DYAD_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_passed, harness_failed;
static int harness_verbose;

static void harness_result(int ok, const char *name, const char *file, int line)
{
	if (ok) {
		harness_passed++;
		if (harness_verbose)
			printf("ok - %s\n", name);
	} else {
		harness_failed++;
		printf("FAIL - %s (%s:%d)\n", name, file, line);
	}
}

#define CHECK(cond, name) harness_result(!!(cond), (name), __FILE__, __LINE__)

#define CHECK_EQ_U(got, want, name)                                                                \
	do {                                                                                       \
		unsigned long long g_ = (unsigned long long)(got);                                 \
		unsigned long long w_ = (unsigned long long)(want);                                \
		harness_result(g_ == w_, (name), __FILE__, __LINE__);                              \
		if (g_ != w_)                                                                      \
			printf("    got %llu, want %llu\n", g_, w_);                               \
	} while (0)

#define CHECK_STR(got, gotlen, want, name)                                                         \
	do {                                                                                       \
		size_t wl_ = strlen(want);                                                         \
		int ok_ = (size_t)(gotlen) == wl_ && memcmp((got), (want), wl_) == 0;              \
		harness_result(ok_, (name), __FILE__, __LINE__);                                   \
		if (!ok_)                                                                          \
			printf("    got \"%.*s\", want \"%s\"\n", (int)(gotlen), (got), (want));   \
	} while (0)

/* A dyad_allocator context that fails every allocation after `budget`
 * successful ones and counts live blocks, for out-of-memory tests:
 *   failing f = {budget, 0};
 *   dyad_allocator a = {failing_realloc, &f};                              */
typedef struct failing {
	long budget;
	long live;
} failing;

__attribute__((unused)) static void *failing_realloc(void *ctx, void *p, size_t n)
{
	failing *f = ctx;
	if (n == 0) {
		if (p)
			f->live--;
		free(p);
		return NULL;
	}
	if (f->budget-- <= 0)
		return NULL;
	void *q = realloc(p, n);
	if (q && !p)
		f->live++;
	return q;
}

__attribute__((unused)) static int harness_done(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed ? 1 : 0;
}

#endif
