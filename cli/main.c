/*
 * main.c -- the dyad command. It uses only the public API in dyad/dyad.h.
 *
 * Each subcommand is one entry in `commands` below: a name, a one-line
 * summary, its usage text and a function. Later stages (code, actors,
 * ingest, query, serve, validate) are added the same way.
 *
 * Exit statuses (also in `dyad --help`):
 *   0  everything was read and written
 *   1  some input was skipped (malformed records, unreadable files)
 *   2  usage error
 *   3  output could not be written
 *   4  out of memory or an internal limit stopped the run
 */
#include "dyad/dyad.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum exit_status { EXIT_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3, EXIT_FATAL = 4 };

typedef struct command {
	const char *name;
	const char *summary;
	const char *usage;
	int (*run)(int argc, char **argv);
} command;

/* --- shared option handling --------------------------------------------- */

typedef struct text_opts {
	bool json;
	bool quiet;
	bool default_dicts;
	dyad_format format;
	const char **files;
	int nfiles;
	const char **dicts;
	int ndicts;
	const char *date;       /* --date: overrides the articles' dates */
	dyad_dict *dict;        /* loaded when the command needs actors */
	bool events;            /* code events (dyad code) */
	bool tsv;               /* --format tsv */
	const char *cameo_path; /* --cameo FILE */
	dyad_cameo *cameo;
} text_opts;

static bool parse_format(const char *s, dyad_format *out)
{
	if (strcmp(s, "jsonl") == 0)
		*out = DYAD_FORMAT_JSONL;
	else if (strcmp(s, "text") == 0)
		*out = DYAD_FORMAT_TEXT;
	else if (strcmp(s, "auto") == 0)
		*out = DYAD_FORMAT_AUTO;
	else
		return false;
	return true;
}

static int usage_error(const command *cmd, const char *what, const char *arg)
{
	fprintf(stderr, "dyad %s: %s '%s'\nTry 'dyad %s --help'.\n", cmd->name, what, arg,
	        cmd->name);
	return EXIT_USAGE;
}

/* Parse the options shared by commands that read articles. Returns -1 to go
 * on, or an exit status. */
static int parse_text_opts(const command *cmd, int argc, char **argv, text_opts *o)
{
	memset(o, 0, sizeof *o);
	o->default_dicts = true;
	o->files = calloc((size_t)argc + 1, sizeof *o->files);
	o->dicts = calloc((size_t)argc + 1, sizeof *o->dicts);
	if (!o->files || !o->dicts)
		return EXIT_FATAL;
	bool only_files = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			o->files[o->nfiles++] = argv[i];
		} else if (strcmp(a, "--") == 0) {
			only_files = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(cmd->usage, stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--json") == 0) {
			o->json = true;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o->quiet = true;
		} else if (strcmp(a, "--dict") == 0 || strncmp(a, "--dict=", 7) == 0) {
			const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return usage_error(cmd, "--dict wants a file", "");
			o->dicts[o->ndicts++] = v;
		} else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
			const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v || (strcmp(v, "tsv") != 0 && strcmp(v, "json") != 0))
				return usage_error(cmd, "--format wants json or tsv, not",
				                   v ? v : "");
			o->tsv = strcmp(v, "tsv") == 0;
			o->json = !o->tsv;
		} else if (strcmp(a, "--cameo") == 0 || strncmp(a, "--cameo=", 8) == 0) {
			const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return usage_error(cmd, "--cameo wants a file", "");
			o->cameo_path = v;
		} else if (strcmp(a, "--no-default-dict") == 0) {
			o->default_dicts = false;
		} else if (strcmp(a, "--date") == 0 || strncmp(a, "--date=", 7) == 0) {
			const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v || strlen(v) != 10 || v[4] != '-' || v[7] != '-')
				return usage_error(cmd, "--date wants YYYY-MM-DD, not", v ? v : "");
			o->date = v;
		} else if (strcmp(a, "--input") == 0 || strncmp(a, "--input=", 8) == 0) {
			const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v || !parse_format(v, &o->format))
				return usage_error(cmd, "--input wants jsonl, text or auto, not",
				                   v ? v : "");
		} else {
			return usage_error(cmd, "unknown option", a);
		}
	}
	if (o->nfiles == 0)
		o->files[o->nfiles++] = "-";
	return -1;
}

/* --- running the text stage over inputs ---------------------------------- */

static int write_stdout(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

typedef struct run_totals {
	unsigned long long articles, sentences, tokens, skipped, unreadable;
	unsigned long long invalid_utf8, nul_bytes, cut;
	bool output_failed, fatal;
} run_totals;

typedef dyad_status (*render_fn)(const dyad_doc *, const dyad_article *, dyad_render_format,
                                 dyad_write_fn, void *);

static void report(const dyad_error *err)
{
	char msg[1024];
	dyad_error_format(err, msg, sizeof msg);
	fprintf(stderr, "%s\n", msg);
}

static void report_repairs(const dyad_article *a, dyad_text_stats s, bool quiet)
{
	if (quiet || (!s.invalid_utf8 && !s.nul_bytes && !s.cut_sentences))
		return;
	fprintf(stderr, "%s:%llu: article %.*s:", a->origin, (unsigned long long)a->line,
	        (int)(a->id.n > 200 ? 200 : a->id.n), a->id.p);
	if (s.invalid_utf8)
		fprintf(stderr, " %llu invalid UTF-8 sequence(s) replaced by U+FFFD;",
		        (unsigned long long)s.invalid_utf8);
	if (s.nul_bytes)
		fprintf(stderr, " %llu NUL byte(s) dropped;", (unsigned long long)s.nul_bytes);
	if (s.cut_sentences)
		fprintf(stderr, " %llu sentence(s) cut at the token limit;",
		        (unsigned long long)s.cut_sentences);
	fputc('\n', stderr);
}

static void process_article(dyad_doc *doc, const dyad_article *a, const text_opts *o,
                            render_fn render, run_totals *t)
{
	dyad_error err;
	dyad_status st = dyad_doc_analyze(doc, a->text.p, a->text.n, &err);
	if (st == DYAD_OK && o->dict) {
		char date[11] = "";
		if (o->date)
			memcpy(date, o->date, 10);
		else if (a->date.n == 10)
			memcpy(date, a->date.p, 10);
		date[10] = '\0';
		st = dyad_doc_find_actors(doc, o->dict, date, &err);
		if (st == DYAD_OK && o->events)
			st = dyad_doc_code_events(doc, o->dict, &err);
	}
	if (st != DYAD_OK) {
		err.origin = a->origin;
		err.line = a->line;
		err.byte = 0;
		report(&err);
		t->skipped++;
		t->fatal |= st == DYAD_ERR_NOMEM;
		return;
	}
	dyad_text_stats s = dyad_doc_stats(doc);
	t->articles++;
	t->sentences += dyad_doc_sentence_count(doc);
	t->tokens += dyad_doc_token_count(doc);
	t->invalid_utf8 += s.invalid_utf8;
	t->nul_bytes += s.nul_bytes;
	t->cut += s.cut_sentences;
	report_repairs(a, s, o->quiet);
	dyad_status rs;
	if (o->events) {
		dyad_article dated = *a;
		if (o->date) {
			dated.date.p = o->date;
			dated.date.n = 10;
		}
		rs = dyad_render_events(doc, &dated, o->cameo,
		                        o->tsv ? DYAD_RENDER_TEXT : DYAD_RENDER_JSON, write_stdout,
		                        NULL);
	} else {
		rs = render(doc, a, o->json ? DYAD_RENDER_JSON : DYAD_RENDER_TEXT, write_stdout,
		            NULL);
	}
	if (rs != DYAD_OK)
		t->output_failed = true;
}

static void process_file(dyad_doc *doc, const char *path, const text_opts *o, render_fn render,
                         run_totals *t)
{
	dyad_reader *r;
	dyad_error err;
	if (dyad_reader_open(&r, path, o->format, NULL, &err) != DYAD_OK) {
		fprintf(stderr, "dyad: %s: %s\n", path, err.msg ? err.msg : "cannot open");
		t->unreadable++;
		return;
	}
	dyad_article a;
	dyad_status st;
	while (!t->output_failed && (st = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
		if (st == DYAD_OK) {
			if (err.code != DYAD_OK && !o->quiet)
				report(&err);
			process_article(doc, &a, o, render, t);
			continue;
		}
		report(&err);
		if (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) {
			t->unreadable += st == DYAD_ERR_IO;
			t->fatal |= st == DYAD_ERR_NOMEM;
			break;
		}
	}
	t->skipped += dyad_reader_get_stats(r).skipped;
	dyad_reader_free(r);
}

static int finish(const text_opts *o, const run_totals *t)
{
	if (fflush(stdout) != 0 || t->output_failed) {
		fprintf(stderr, "dyad: cannot write output: %s\n", strerror(errno));
		return EXIT_OUTPUT;
	}
	if (!o->quiet && (t->skipped || t->unreadable || t->invalid_utf8 || t->nul_bytes || t->cut))
		fprintf(stderr,
		        "dyad: %llu article(s), %llu sentence(s); %llu record(s) skipped, %llu "
		        "input(s) "
		        "unreadable, %llu invalid UTF-8 sequence(s) replaced, %llu NUL byte(s) "
		        "dropped, "
		        "%llu sentence(s) cut\n",
		        t->articles, t->sentences, t->skipped, t->unreadable, t->invalid_utf8,
		        t->nul_bytes, t->cut);
	if (t->fatal)
		return EXIT_FATAL;
	return (t->skipped || t->unreadable) ? EXIT_SKIPPED : EXIT_OK;
}

/* --- dictionaries ------------------------------------------------------------ */

typedef struct diag_count {
	unsigned long long problems;
	bool quiet;
} diag_count;

static void print_diag(void *ctx, const dyad_error *e)
{
	diag_count *c = ctx;
	c->problems++;
	if (!c->quiet && c->problems <= 200)
		report(e);
	else if (!c->quiet && c->problems == 201)
		fputs("dyad: more dictionary problems; only the first 200 are shown\n", stderr);
}

static const char *data_dir(void)
{
	const char *env = getenv("DYAD_DATA");
#ifdef DYAD_DATA_DIR
	return env && *env ? env : DYAD_DATA_DIR;
#else
	return env && *env ? env : "data";
#endif
}

static dyad_dict *load_dicts(const text_opts *o, diag_count *dc)
{
	dyad_dict *d = dyad_dict_new(NULL);
	if (!d)
		return NULL;
	dyad_dict_set_diag(d, print_diag, dc);
	bool failed = false;
	if (o->default_dicts) {
		static const char *const subdirs[] = {"actors", "agents", "verbs"};
		size_t files = 0;
		for (size_t i = 0; i < (o->events ? 3u : 2u); i++) {
			char dir[4096];
			size_t n = 0;
			dyad_error err;
			snprintf(dir, sizeof dir, "%s/%s", data_dir(), subdirs[i]);
			if (dyad_dict_load_dir(d, dir, &n, &err) != DYAD_OK) {
				report(&err);
				failed = true;
			}
			files += n;
		}
		if (!files)
			fprintf(stderr, "dyad: no default dictionaries in %s (set DYAD_DATA)\n",
			        data_dir());
	}
	for (int i = 0; i < o->ndicts; i++) {
		dyad_error err;
		if (dyad_dict_load(d, o->dicts[i], DYAD_DICT_AUTO, &err) != DYAD_OK) {
			report(&err);
			failed = true;
		}
	}
	dyad_error err;
	if (failed || dyad_dict_compile(d, &err) != DYAD_OK) {
		dyad_dict_free(d);
		return NULL;
	}
	return d;
}

static int run_text_command(const command *cmd, int argc, char **argv, render_fn render)
{
	text_opts o;
	int rc = parse_text_opts(cmd, argc, argv, &o);
	if (rc >= 0) {
		free(o.files);
		free(o.dicts);
		return rc;
	}
	diag_count dc = {0, o.quiet};
	o.events = render == NULL;
	if (o.events) {
		o.json = !o.tsv;
		char path[4096];
		if (!o.cameo_path)
			snprintf(path, sizeof path, "%s/cameo/cameo.tsv", data_dir());
		dyad_error err;
		if (dyad_cameo_load(&o.cameo, o.cameo_path ? o.cameo_path : path, NULL, print_diag,
		                    &dc, &err) != DYAD_OK) {
			report(&err);
			free(o.files);
			free(o.dicts);
			return EXIT_SKIPPED;
		}
		if (o.tsv)
			fputs(dyad_events_tsv_header(), stdout);
	}
	if (render == dyad_render_actors || o.events) {
		o.dict = load_dicts(&o, &dc);
		if (!o.dict) {
			free(o.files);
			free(o.dicts);
			fputs("dyad: could not load the dictionaries\n", stderr);
			return EXIT_SKIPPED;
		}
		if (dc.problems && !o.quiet) {
			dyad_dict_stats ds = dyad_dict_get_stats(o.dict);
			fprintf(stderr,
			        "dyad: dictionaries: %llu entries from %llu files; %llu line(s) "
			        "skipped\n",
			        (unsigned long long)ds.entries, (unsigned long long)ds.files,
			        (unsigned long long)ds.lines_skipped);
		}
	}
	dyad_doc *doc = dyad_doc_new(NULL);
	if (!doc) {
		free(o.files);
		free(o.dicts);
		dyad_dict_free(o.dict);
		fputs("dyad: out of memory\n", stderr);
		return EXIT_FATAL;
	}
	run_totals t;
	memset(&t, 0, sizeof t);
	for (int i = 0; i < o.nfiles && !t.output_failed; i++)
		process_file(doc, o.files[i], &o, render, &t);
	dyad_doc_free(doc);
	rc = finish(&o, &t);
	dyad_dict_free(o.dict);
	dyad_cameo_free(o.cameo);
	free(o.files);
	free(o.dicts);
	return rc;
}

/* --- commands ------------------------------------------------------------ */

static int cmd_sentences(int argc, char **argv);
static int cmd_tokens(int argc, char **argv);
static int cmd_actors(int argc, char **argv);
static int cmd_code(int argc, char **argv);

static const command commands[] = {
        {"sentences", "split articles into sentences",
         "Usage: dyad sentences [OPTIONS] [FILE...]\n"
         "\n"
         "Split each article into sentences and print one line per sentence:\n"
         "  ARTICLE-ID <tab> INDEX <tab> START <tab> END <tab> TEXT\n"
         "START and END are byte offsets into the article's text; TEXT has its\n"
         "whitespace collapsed. A dateline (\"TEHRAN (Reuters) -\") belongs to no\n"
         "sentence and is printed with \"dateline\" in place of the index.\n"
         "\n"
         "FILE is JSON Lines (one article object per line: id, date, text, and\n"
         "optionally title, source, url) or plain text (one article per file, the\n"
         "file name as id). Without FILE, or with -, standard input is read.\n"
         "\n"
         "Options:\n"
         "  --json           one JSON object per sentence: article, index, start,\n"
         "                   end, text (and dateline on the first sentence)\n"
         "  --input FORMAT   jsonl, text or auto (default: by name, then content)\n"
         "  -q, --quiet      no warnings or summary on standard error\n"
         "  -h, --help       this help\n",
         cmd_sentences},
        {"tokens", "print tokens with offsets, class and normalised form",
         "Usage: dyad tokens [OPTIONS] [FILE...]\n"
         "\n"
         "Print every token of each article, one per line:\n"
         "  ARTICLE-ID <tab> SENTENCE <tab> START <tab> END <tab> CLASS <tab> TEXT <tab> NORM\n"
         "CLASS is word, number, punct, quote, bracket, symbol or url; NORM the\n"
         "normalised form used for matching (case-folded, NFKC, accents removed).\n"
         "\n"
         "Options: --json, --input FORMAT, -q, -h (as for 'dyad sentences').\n",
         cmd_tokens},
        {"actors", "find actors: countries, people, organisations, roles",
         "Usage: dyad actors [OPTIONS] [FILE...]\n"
         "\n"
         "Find the actors each article names and print one line per mention:\n"
         "  ARTICLE-ID <tab> SENTENCE <tab> START <tab> END <tab> TEXT <tab> CODE <tab> ENTRY "
         "<tab> HOW\n"
         "CODE is the CAMEO-style actor code at the article's date (people change\n"
         "codes with the offices they hold); ENTRY the dictionary entry; HOW is\n"
         "exact, variant (another spelling), surname (after the full name),\n"
         "coreference (he, the group, the Iranian president) or agent (a role with\n"
         "a country: Iraqi police).\n"
         "\n"
         "Options:\n"
         "  --dict FILE         load a dictionary too: ours, or TABARI/PETRARCH\n"
         "                      actors or agents (by content and file name)\n"
         "  --no-default-dict   do not load the dictionaries in $DYAD_DATA (or the\n"
         "                      data/ directory dyad was built from)\n"
         "  --date YYYY-MM-DD   the date for every article (default: its own date)\n"
         "  --json              one JSON object per mention: article, sentence,\n"
         "                      start, end, text, code, entry, how\n"
         "  --input FORMAT, -q, -h  as for 'dyad sentences'\n",
         cmd_actors},
        {"code", "code events: who did what to whom, with CAMEO codes",
         "Usage: dyad code [OPTIONS] [FILE...]\n"
         "\n"
         "Code the events of each article: one JSON object per event, with the\n"
         "keys article, sentence, date, source, target, code, root, quad,\n"
         "goldstein, plover, source_entry, target_entry, flags and evidence (the\n"
         "byte spans and words of source, verb and target).\n"
         "\n"
         "Options:\n"
         "  --format json|tsv   json (default) or tab-separated lines with a header\n"
         "  --dict FILE         load a dictionary too (actors, agents or verbs)\n"
         "  --no-default-dict   do not load $DYAD_DATA/{actors,agents,verbs}\n"
         "  --cameo FILE        the CAMEO table (default $DYAD_DATA/cameo/cameo.tsv)\n"
         "  --date YYYY-MM-DD   the date for every article (default: its own date)\n"
         "  --input FORMAT, -q, -h  as for 'dyad sentences'\n",
         cmd_code},
};

static const command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int cmd_sentences(int argc, char **argv)
{
	return run_text_command(find_command("sentences"), argc, argv, dyad_render_sentences);
}

static int cmd_tokens(int argc, char **argv)
{
	return run_text_command(find_command("tokens"), argc, argv, dyad_render_tokens);
}

static int cmd_actors(int argc, char **argv)
{
	return run_text_command(find_command("actors"), argc, argv, dyad_render_actors);
}

static int cmd_code(int argc, char **argv)
{
	return run_text_command(find_command("code"), argc, argv, NULL);
}

static void print_help(FILE *f)
{
	fprintf(f,
	        "dyad %s -- political event data from news text\n"
	        "\n"
	        "Usage: dyad COMMAND [OPTIONS] [FILE...]\n"
	        "       dyad COMMAND --help\n"
	        "       dyad --version\n"
	        "\n"
	        "Commands:\n",
	        dyad_version());
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "Exit status: 0 all input read; 1 some input skipped (see standard error);\n"
	      "2 usage error; 3 output could not be written; 4 out of memory.\n",
	      f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	const char *a = argv[1];
	if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 || strcmp(a, "help") == 0) {
		print_help(stdout);
		return EXIT_OK;
	}
	if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
		printf("dyad %s\n", dyad_version());
		return EXIT_OK;
	}
	const command *cmd = find_command(a);
	if (!cmd) {
		fprintf(stderr, "dyad: unknown command '%s'\nTry 'dyad --help'.\n", a);
		return EXIT_USAGE;
	}
	return cmd->run(argc - 1, argv + 1);
}
