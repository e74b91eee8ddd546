/*
 * test_cameo.c -- the CAMEO table: the shipped file loads whole and gives
 * the right name, root, quad class, Goldstein score and PLOVER type for
 * codes across the roots; bad lines are reported and skipped.
 */
#include "dyad/dyad.h"
#include "../harness.h"

#include <math.h>
#include <string.h>

typedef struct diags {
	int n;
	unsigned long long lines[8];
	char last[256];
} diags;

static void on_diag(void *ctx, const dyad_error *e)
{
	diags *d = ctx;
	if (d->n < 8)
		d->lines[d->n] = e->line;
	d->n++;
	dyad_error_format(e, d->last, sizeof d->last);
}

static void expect_code(const dyad_cameo *t, const char *code, const char *root, int quad, double g,
                        const char *plover, const char *name)
{
	dyad_cameo_code c;
	char label[128];
	snprintf(label, sizeof label, "cameo: %s", code);
	int found = dyad_cameo_lookup(t, code, strlen(code), &c);
	CHECK(found, label);
	if (!found)
		return;
	CHECK_STR(c.root.p, c.root.n, root, label);
	CHECK_EQ_U(c.quad, quad, label);
	CHECK(fabs(c.goldstein - g) < 1e-9, label);
	CHECK_STR(c.plover.p, c.plover.n, plover, label);
	CHECK_STR(c.name.p, c.name.n, name, label);
}

static void test_shipped(void)
{
	dyad_cameo *t = NULL;
	diags dg;
	memset(&dg, 0, sizeof dg);
	dyad_error err;
	CHECK(dyad_cameo_load(&t, "data/cameo/cameo.tsv", NULL, on_diag, &dg, &err) == DYAD_OK,
	      "cameo: the shipped table loads");
	CHECK_EQ_U(dg.n, 0, "cameo: with no bad line");
	CHECK_EQ_U(dyad_cameo_count(t), 318, "cameo: 318 codes");
	expect_code(t, "01", "01", 1, 0.0, "", "MAKE PUBLIC STATEMENT");
	expect_code(t, "043", "04", 1, 2.8, "CONSULT", "Host a visit");
	expect_code(t, "057", "05", 1, 8.0, "SUPPORT", "Sign formal agreement");
	expect_code(t, "0874", "08", 2, 10.0, "RETREAT", "Retreat or surrender militarily");
	expect_code(t, "112", "11", 3, -2.0, "ACCUSE", "Accuse");
	expect_code(t, "1823", "18", 4, -10.0, "ASSAULT", "Kill by physical assault");
	expect_code(t, "190", "19", 4, -10.0, "ASSAULT", "Use conventional military force");
	expect_code(t, "204", "20", 4, -10.0, "ASSAULT", "Use weapons of mass destruction");
	CHECK(!dyad_cameo_lookup(t, "999", 3, NULL), "cameo: an unknown code");
	CHECK(!dyad_cameo_lookup(t, "04", 1, NULL), "cameo: a prefix is not a code");
	int sorted = 1, roots = 0;
	for (size_t i = 0; i < dyad_cameo_count(t); i++) {
		dyad_cameo_code c = dyad_cameo_at(t, i);
		roots += c.code.n == 2;
		if (i > 0) {
			dyad_cameo_code p = dyad_cameo_at(t, i - 1);
			size_t n = p.code.n < c.code.n ? p.code.n : c.code.n;
			int cmp = memcmp(p.code.p, c.code.p, n);
			sorted &= cmp < 0 || (cmp == 0 && p.code.n < c.code.n);
		}
	}
	CHECK(sorted, "cameo: codes are in order");
	CHECK_EQ_U(roots, 20, "cameo: all 20 roots");
	dyad_cameo_free(t);
}

static void test_bad_lines(void)
{
	const char *text = "code\troot\tquad\tgoldstein\tplover\tplover_mode\tname\n"
	                   "043\t04\t1\t2.8\tCONSULT\t\tHost a visit\n"
	                   "043x\t04\t1\t2.8\tCONSULT\t\tBad code\n"
	                   "051\t04\t1\t3.4\tSUPPORT\t\tWrong root\n"
	                   "190\t19\t7\t-10.0\tASSAULT\t\tBad quad\n"
	                   "191\t19\t4\t-11\tASSAULT\t\tGoldstein out of range\n"
	                   "192\t19\t4\n"
	                   "010\t01\t1\t0.0\t\t\tMake statement\n";
	dyad_cameo *t = NULL;
	diags dg;
	memset(&dg, 0, sizeof dg);
	CHECK(dyad_cameo_load_mem(&t, "t.tsv", text, strlen(text), NULL, on_diag, &dg, NULL) ==
	              DYAD_OK,
	      "bad lines: the table still loads");
	CHECK_EQ_U(dg.n, 5, "bad lines: five reported");
	CHECK(dg.lines[0] == 3 && dg.lines[1] == 4 && dg.lines[2] == 5 && dg.lines[3] == 6 &&
	              dg.lines[4] == 7,
	      "bad lines: on lines 3 to 7");
	CHECK(strstr(dg.last, "t.tsv:7: want 7 tab-separated columns") != NULL,
	      "bad lines: message");
	CHECK_EQ_U(dyad_cameo_count(t), 2, "bad lines: the two good rows");
	CHECK(dyad_cameo_lookup(t, "010", 3, NULL), "bad lines: rows sorted after loading");
	dyad_cameo_free(t);
	dyad_cameo_free(NULL);
	CHECK(dyad_cameo_load(&t, "/nonexistent.tsv", NULL, NULL, NULL, NULL) == DYAD_ERR_IO,
	      "load: a missing file");
	CHECK(!dyad_cameo_lookup(NULL, "010", 3, NULL), "null: lookup");
}

int main(int argc, char **argv)
{
	harness_verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	test_shipped();
	test_bad_lines();
	return harness_done();
}
