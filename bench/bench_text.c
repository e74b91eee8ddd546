/*
 * bench_text.c -- throughput of the text stage (tokens, normalisation,
 * sentences) on a named corpus.
 *
 *   bench_text [--runs N] [--min-seconds S] [--json FILE] CORPUS...
 *
 * The corpus files are read once into memory with dyad's own readers (the
 * read time is reported apart); each run then analyses every article, as
 * many passes as it takes to fill --min-seconds. Reported: MB/s and
 * sentences/s per run, the median and the spread (min, max) over --runs.
 */
#include "dyad/dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct text {
	char *p;
	size_t n;
} text;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static size_t load(const char *path, text **texts, size_t *ntexts, size_t *cap)
{
	dyad_reader *r;
	if (dyad_reader_open(&r, path, DYAD_FORMAT_AUTO, NULL, NULL) != DYAD_OK) {
		fprintf(stderr, "bench_text: cannot open %s\n", path);
		exit(2);
	}
	dyad_article a;
	dyad_status st;
	size_t bytes = 0;
	while ((st = dyad_reader_next(r, &a, NULL)) != DYAD_EOF) {
		if (st != DYAD_OK)
			continue;
		if (*ntexts == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*texts = realloc(*texts, *cap * sizeof **texts);
		}
		text *t = &(*texts)[(*ntexts)++];
		t->p = malloc(a.text.n + 1);
		memcpy(t->p, a.text.p, a.text.n);
		t->n = a.text.n;
		bytes += a.text.n;
	}
	dyad_reader_free(r);
	return bytes;
}

int main(int argc, char **argv)
{
	int runs = 5;
	double min_seconds = 1.0;
	const char *json = NULL;
	text *texts = NULL;
	size_t ntexts = 0, cap = 0, bytes = 0;
	double t0 = now();
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = (int)strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--min-seconds") == 0 && i + 1 < argc)
			min_seconds = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc)
			json = argv[++i];
		else
			bytes += load(argv[i], &texts, &ntexts, &cap);
	}
	double read_s = now() - t0;
	if (!ntexts || runs < 1 || runs > 100) {
		fputs("usage: bench_text [--runs N] [--min-seconds S] [--json FILE] CORPUS...\n",
		      stderr);
		return 2;
	}
	dyad_doc *doc = dyad_doc_new(NULL);
	size_t sentences = 0, tokens = 0;
	for (size_t i = 0; i < ntexts; i++) { /* warm-up pass; counts */
		dyad_doc_analyze(doc, texts[i].p, texts[i].n, NULL);
		sentences += dyad_doc_sentence_count(doc);
		tokens += dyad_doc_token_count(doc);
	}
	double mbs[100], sps[100];
	int passes_per_run = 0;
	for (int r = 0; r < runs; r++) {
		double start = now(), el;
		int passes = 0;
		do {
			for (size_t i = 0; i < ntexts; i++)
				dyad_doc_analyze(doc, texts[i].p, texts[i].n, NULL);
			passes++;
			el = now() - start;
		} while (el < min_seconds);
		passes_per_run = passes;
		mbs[r] = (double)bytes * passes / el / 1e6;
		sps[r] = (double)sentences * passes / el;
	}
	dyad_doc_free(doc);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	double mb_min = mbs[0], mb_max = mbs[0];
	for (int r = 1; r < runs; r++) {
		mb_min = mbs[r] < mb_min ? mbs[r] : mb_min;
		mb_max = mbs[r] > mb_max ? mbs[r] : mb_max;
	}
	double mb_med = median(mbs, runs), s_med = median(sps, runs);
	printf("text stage: %zu articles, %.2f MB, %zu sentences, %zu tokens (read in %.3f s)\n",
	       ntexts, (double)bytes / 1e6, sentences, tokens, read_s);
	printf("%-12s %10s %14s %10s %10s %6s\n", "stage", "MB/s", "sentences/s", "min MB/s",
	       "max MB/s", "runs");
	printf("%-12s %10.1f %14.0f %10.1f %10.1f %6d\n", "text", mb_med, s_med, mb_min, mb_max,
	       runs);
	printf("(median of %d runs, %d passes over the corpus each; peak RSS %ld MB)\n", runs,
	       passes_per_run, ru.ru_maxrss / 1024);
	if (json) {
		FILE *f = fopen(json, "w");
		if (f) {
			fprintf(f,
			        "{\"stage\":\"text\",\"articles\":%zu,\"bytes\":%zu,\"sentences\":%"
			        "zu,"
			        "\"tokens\":%zu,\"runs\":%d,\"mb_per_s_median\":%.1f,\"mb_per_s_"
			        "min\":%.1f,"
			        "\"mb_per_s_max\":%.1f,\"sentences_per_s_median\":%.0f,\"peak_rss_"
			        "mb\":%ld}\n",
			        ntexts, bytes, sentences, tokens, runs, mb_med, mb_min, mb_max,
			        s_med, ru.ru_maxrss / 1024);
			fclose(f);
		}
	}
	for (size_t i = 0; i < ntexts; i++)
		free(texts[i].p);
	free(texts);
	return 0;
}
