/*
 * bench_stages.c -- throughput of each stage on a named corpus: text
 * (tokens, normalisation, sentences) and, with dictionaries, actors; and
 * how long the dictionaries take to load and compile.
 *
 *   bench_stages [--runs N] [--min-seconds S] [--json FILE]
 *                [--dict-dir DIR]... [--dict FILE]... CORPUS...
 *
 * The corpus files are read once into memory with dyad's own readers (the
 * read time is reported apart); each run then analyses every article, as
 * many passes as it takes to fill --min-seconds, timing each stage's calls
 * apart. Reported per stage: MB/s and sentences/s, the median and the
 * spread (min, max) over --runs.
 */
#include "dyad/dyad.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct text {
	char *p;
	size_t n;
	char date[11];
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
		memset(t->date, 0, sizeof t->date);
		if (a.date.n == 10)
			memcpy(t->date, a.date.p, 10);
		t->p = malloc(a.text.n + 1);
		memcpy(t->p, a.text.p, a.text.n);
		t->n = a.text.n;
		bytes += a.text.n;
	}
	dyad_reader_free(r);
	return bytes;
}

static double spread_min(const double *v, int n)
{
	double m = v[0];
	for (int i = 1; i < n; i++)
		m = v[i] < m ? v[i] : m;
	return m;
}

static double spread_max(const double *v, int n)
{
	double m = v[0];
	for (int i = 1; i < n; i++)
		m = v[i] > m ? v[i] : m;
	return m;
}

typedef struct stage_result {
	const char *name;
	double mbs[100], sps[100];
} stage_result;

static void print_stage(stage_result *r, int runs)
{
	double lo = spread_min(r->mbs, runs), hi = spread_max(r->mbs, runs);
	double mb = median(r->mbs, runs), sp = median(r->sps, runs);
	printf("%-12s %10.1f %14.0f %10.1f %10.1f %6d\n", r->name, mb, sp, lo, hi, runs);
}

static void json_stage(FILE *f, stage_result *r, int runs, int last)
{
	fprintf(f,
	        "{\"stage\":\"%s\",\"mb_per_s_median\":%.1f,\"mb_per_s_min\":%.1f,"
	        "\"mb_per_s_max\":%.1f,\"sentences_per_s_median\":%.0f}%s",
	        r->name, median(r->mbs, runs), spread_min(r->mbs, runs), spread_max(r->mbs, runs),
	        median(r->sps, runs), last ? "" : ",");
}

int main(int argc, char **argv)
{
	int runs = 5;
	double min_seconds = 1.0;
	const char *json = NULL;
	const char *dict_dirs[16], *dict_files[16];
	int ndirs = 0, nfiles = 0;
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
		else if (strcmp(argv[i], "--dict-dir") == 0 && i + 1 < argc && ndirs < 16)
			dict_dirs[ndirs++] = argv[++i];
		else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc && nfiles < 16)
			dict_files[nfiles++] = argv[++i];
		else
			bytes += load(argv[i], &texts, &ntexts, &cap);
	}
	double read_s = now() - t0;
	if (!ntexts || runs < 1 || runs > 100) {
		fputs("usage: bench_stages [--runs N] [--min-seconds S] [--json FILE] [--dict-dir "
		      "DIR]... "
		      "[--dict FILE]... CORPUS...\n",
		      stderr);
		return 2;
	}
	/* dictionaries: load + compile, median of the runs */
	dyad_dict *dict = NULL;
	double load_ms[100];
	if (ndirs || nfiles) {
		for (int r = 0; r < runs; r++) {
			dyad_dict_free(dict);
			double s0 = now();
			dict = dyad_dict_new(NULL);
			for (int k = 0; k < ndirs; k++)
				dyad_dict_load_dir(dict, dict_dirs[k], NULL, NULL);
			for (int k = 0; k < nfiles; k++)
				dyad_dict_load(dict, dict_files[k], DYAD_DICT_AUTO, NULL);
			dyad_dict_compile(dict, NULL);
			load_ms[r] = (now() - s0) * 1e3;
		}
	}
	dyad_doc *doc = dyad_doc_new(NULL);
	size_t sentences = 0, tokens = 0, mentions = 0;
	for (size_t i = 0; i < ntexts; i++) { /* warm-up pass; counts */
		dyad_doc_analyze(doc, texts[i].p, texts[i].n, NULL);
		sentences += dyad_doc_sentence_count(doc);
		tokens += dyad_doc_token_count(doc);
		if (dict) {
			dyad_doc_find_actors(doc, dict, texts[i].date, NULL);
			mentions += dyad_doc_mention_count(doc);
		}
	}
	stage_result text_r = {"text", {0}, {0}}, actor_r = {"actors", {0}, {0}},
	             event_r = {"events", {0}, {0}};
	bool verbs = dict && dyad_dict_get_stats(dict).verbs > 0;
	int passes_per_run = 0;
	for (int r = 0; r < runs; r++) {
		double text_s = 0, actor_s = 0, event_s = 0, start = now();
		int passes = 0;
		do {
			for (size_t i = 0; i < ntexts; i++) {
				double a = now();
				dyad_doc_analyze(doc, texts[i].p, texts[i].n, NULL);
				double b = now();
				text_s += b - a;
				if (dict) {
					dyad_doc_find_actors(doc, dict, texts[i].date, NULL);
					double c = now();
					actor_s += c - b;
					if (verbs) {
						dyad_doc_code_events(doc, dict, NULL);
						event_s += now() - c;
					}
				}
			}
			passes++;
		} while (now() - start < min_seconds);
		passes_per_run = passes;
		text_r.mbs[r] = (double)bytes * passes / text_s / 1e6;
		text_r.sps[r] = (double)sentences * passes / text_s;
		if (dict) {
			actor_r.mbs[r] = (double)bytes * passes / actor_s / 1e6;
			actor_r.sps[r] = (double)sentences * passes / actor_s;
		}
		if (verbs) {
			event_r.mbs[r] = (double)bytes * passes / event_s / 1e6;
			event_r.sps[r] = (double)sentences * passes / event_s;
		}
	}
	dyad_doc_free(doc);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("corpus: %zu articles, %.2f MB, %zu sentences, %zu tokens (read in %.3f s)\n",
	       ntexts, (double)bytes / 1e6, sentences, tokens, read_s);
	if (dict) {
		dyad_dict_stats ds = dyad_dict_get_stats(dict);
		printf("dictionaries: %llu entries, %llu phrases from %llu files; load + compile "
		       "%.1f ms "
		       "(median, min %.1f, max %.1f); %zu mentions in the corpus\n",
		       (unsigned long long)ds.entries, (unsigned long long)ds.phrases,
		       (unsigned long long)ds.files, median(load_ms, runs),
		       spread_min(load_ms, runs), spread_max(load_ms, runs), mentions);
	}
	printf("%-12s %10s %14s %10s %10s %6s\n", "stage", "MB/s", "sentences/s", "min MB/s",
	       "max MB/s", "runs");
	print_stage(&text_r, runs);
	if (dict)
		print_stage(&actor_r, runs);
	if (verbs)
		print_stage(&event_r, runs);
	printf("(median of %d runs, %d passes over the corpus each; peak RSS %ld MB)\n", runs,
	       passes_per_run, ru.ru_maxrss / 1024);
	if (json) {
		FILE *f = fopen(json, "w");
		if (f) {
			fprintf(f,
			        "{\"articles\":%zu,\"bytes\":%zu,\"sentences\":%zu,\"tokens\":%zu,"
			        "\"runs\":%d,\"peak_rss_mb\":%ld,",
			        ntexts, bytes, sentences, tokens, runs, ru.ru_maxrss / 1024);
			if (dict)
				fprintf(f, "\"dict_load_ms_median\":%.1f,\"mentions\":%zu,",
				        median(load_ms, runs), mentions);
			fprintf(f, "\"stages\":[");
			json_stage(f, &text_r, runs, !dict);
			if (dict)
				json_stage(f, &actor_r, runs, !verbs);
			if (verbs)
				json_stage(f, &event_r, runs, 1);
			fprintf(f, "]}\n");
			fclose(f);
		}
	}
	dyad_dict_free(dict);
	for (size_t i = 0; i < ntexts; i++)
		free(texts[i].p);
	free(texts);
	return 0;
}
