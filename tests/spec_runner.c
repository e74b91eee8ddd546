/*
 * spec_runner.c -- runs the plain-text spec files in tests/spec through the
 * library and, with --cli, through the dyad command.
 *
 *   spec_runner [--cli PATH-TO-DYAD] [-v] FILE...
 *
 * A spec file starts with "# dyad spec: KIND" (sentences or tokens). Each
 * case is
 *
 *   === note saying what the case tests
 *   input lines...
 *   ---
 *   expected lines...
 *
 * Input lines are joined with "\n" (no final newline). In the expected block,
 * blank lines and lines starting with '#' are comments. In input and expected
 * lines, \xHH is a byte, \u{H...} a code point, \t a tab and \\ a
 * backslash. Expected lines for `sentences` are the sentences, whitespace
 * collapsed, with "[dateline] TEXT" where a dateline stands; for `tokens`
 * they are "CLASS TEXT NORM", one token per line; for `actors`, "TEXT ->
 * CODE ENTRY HOW" per mention, with the default dictionaries (--data DIR, * default data/) and the
 * date given by an input line "@date YYYY-MM-DD"; for `events`, "SOURCE -> TARGET CODE" per event,
 * coded the same way.
 *
 * Both paths render through the public API's text format and compare the
 * same fields, so a case means the same thing through either path.
 */
#include "dyad/dyad.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct strbuf {
	char *p;
	size_t n, cap;
} strbuf;

static void sb_add(strbuf *b, const char *p, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *np = realloc(b->p, cap);
		if (!np) {
			fputs("spec_runner: out of memory\n", stderr);
			exit(2);
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_addc(strbuf *b, char c)
{
	sb_add(b, &c, 1);
}

static size_t encode_utf8(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decode the spec escapes of one line into b. */
static void unescape(strbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			sb_addc(b, s[i]);
			continue;
		}
		char e = s[i + 1];
		if (e == 'x' && i + 3 < n) {
			char hex[3] = {s[i + 2], s[i + 3], 0};
			sb_addc(b, (char)strtoul(hex, NULL, 16));
			i += 3;
		} else if (e == 'u' && i + 2 < n && s[i + 2] == '{') {
			const char *close = memchr(s + i, '}', n - i);
			if (!close) {
				sb_addc(b, s[i]);
				continue;
			}
			char enc[4];
			sb_add(b, enc, encode_utf8(strtoul(s + i + 3, NULL, 16), enc));
			i = (size_t)(close - s);
		} else if (e == 't') {
			sb_addc(b, '\t');
			i++;
		} else if (e == '\\') {
			sb_addc(b, '\\');
			i++;
		} else {
			sb_addc(b, s[i]);
		}
	}
}

typedef struct spec_case {
	char *note;
	char date[11];
	int line;
	strbuf input;
	strbuf expected; /* lines joined by \n, each ending in \n */
} spec_case;

typedef struct spec {
	char kind[32];
	spec_case *cases;
	size_t n, cap;
} spec;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	strbuf b = {0};
	char tmp[65536];
	size_t got;
	while ((got = fread(tmp, 1, sizeof tmp, f)) > 0)
		sb_add(&b, tmp, got);
	fclose(f);
	if (!b.p)
		sb_add(&b, "", 0);
	*len = b.n;
	return b.p;
}

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Drop trailing blank lines of the expected block. */
static void trim_expected(strbuf *e)
{
	while (e->n) {
		size_t end = e->n - 1; /* the final \n */
		size_t start = end;
		while (start > 0 && e->p[start - 1] != '\n')
			start--;
		if (!is_blank(e->p + start, end - start))
			break;
		e->n = start;
		e->p[e->n] = '\0';
	}
}

static bool parse_spec(const char *path, spec *sp)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		fprintf(stderr, "spec_runner: cannot read %s\n", path);
		return false;
	}
	memset(sp, 0, sizeof *sp);
	const char *hdr = "# dyad spec: ";
	if (strncmp(text, hdr, strlen(hdr)) != 0) {
		fprintf(stderr, "%s:1: missing '# dyad spec: KIND' header\n", path);
		free(text);
		return false;
	}
	sscanf(text + strlen(hdr), "%31s", sp->kind);
	enum { NONE, INPUT, EXPECTED } state = NONE;
	spec_case *c = NULL;
	int lineno = 0;
	bool first_input_line = false;
	for (char *p = text; p < text + len;) {
		char *nl = memchr(p, '\n', (size_t)(text + len - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(text + len - p);
		lineno++;
		if (n >= 4 && memcmp(p, "=== ", 4) == 0) {
			if (c && state == EXPECTED)
				trim_expected(&c->expected);
			if (c && state == INPUT)
				fprintf(stderr, "%s:%d: case has no '---' line\n", path, c->line);
			if (sp->n == sp->cap) {
				sp->cap = sp->cap ? sp->cap * 2 : 64;
				sp->cases = realloc(sp->cases, sp->cap * sizeof *sp->cases);
				if (!sp->cases)
					exit(2);
			}
			c = &sp->cases[sp->n++];
			memset(c, 0, sizeof *c);
			c->note = strndup(p + 4, n - 4);
			c->line = lineno;
			sb_add(&c->input, "", 0);
			sb_add(&c->expected, "", 0);
			state = INPUT;
			first_input_line = true;
		} else if (state == INPUT && n == 3 && memcmp(p, "---", 3) == 0) {
			state = EXPECTED;
		} else if (state == INPUT && first_input_line && n == 16 &&
		           memcmp(p, "@date ", 6) == 0) {
			memcpy(c->date, p + 6, 10);
			c->date[10] = '\0';
		} else if (state == INPUT) {
			if (!first_input_line)
				sb_addc(&c->input, '\n');
			unescape(&c->input, p, n);
			first_input_line = false;
		} else if (state == EXPECTED && n > 0 && p[0] != '#' && !is_blank(p, n)) {
			unescape(&c->expected, p, n);
			sb_addc(&c->expected, '\n');
		}
		p = nl ? nl + 1 : text + len;
	}
	if (c && state == EXPECTED)
		trim_expected(&c->expected);
	free(text);
	return true;
}

/* --- turning rendered text lines into the spec's expected form ----------- */

/* Split a tab-separated line into at most max fields. */
static int fields(char *line, char **f, int max)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

/* Rendered TEXT output of `dyad sentences` or `dyad tokens` -> spec lines. */
static void to_spec_lines(const char *kind, const char *rendered, size_t n, strbuf *out)
{
	char *copy = strndup(rendered, n);
	char *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[8];
		int nf = fields(line, f, 8);
		if (strcmp(kind, "sentences") == 0 && nf >= 5) {
			if (strcmp(f[1], "dateline") == 0)
				sb_add(out, "[dateline] ", 11);
			sb_add(out, f[4], strlen(f[4]));
			sb_addc(out, '\n');
		} else if (strcmp(kind, "events") == 0 && nf >= 6) {
			if (strcmp(f[0], "article") == 0)
				continue; /* the TSV header */
			sb_add(out, f[3], strlen(f[3]));
			sb_add(out, " -> ", 4);
			sb_add(out, f[4], strlen(f[4]));
			sb_addc(out, ' ');
			sb_add(out, f[5], strlen(f[5]));
			sb_addc(out, '\n');
		} else if (strcmp(kind, "actors") == 0 && nf >= 8) {
			sb_add(out, f[4], strlen(f[4]));
			sb_add(out, " -> ", 4);
			sb_add(out, f[5], strlen(f[5]));
			sb_addc(out, ' ');
			sb_add(out, f[6], strlen(f[6]));
			sb_addc(out, ' ');
			sb_add(out, f[7], strlen(f[7]));
			sb_addc(out, '\n');
		} else if (strcmp(kind, "tokens") == 0 && nf >= 7) {
			sb_add(out, f[4], strlen(f[4]));
			sb_addc(out, ' ');
			sb_add(out, f[5], strlen(f[5]));
			sb_addc(out, ' ');
			sb_add(out, f[6], strlen(f[6]));
			sb_addc(out, '\n');
		} else {
			sb_add(out, "?? ", 3);
			sb_add(out, line, strlen(line));
			sb_addc(out, '\n');
		}
	}
	free(copy);
}

static int collect(void *ctx, const char *p, size_t n)
{
	sb_add(ctx, p, n);
	return 0;
}

static const char *data_dir = "data";
static dyad_dict *default_dict;
static dyad_cameo *default_cameo;

/* The default dictionaries, loaded once. */
static dyad_dict *dictionaries(void)
{
	if (default_dict)
		return default_dict;
	default_dict = dyad_dict_new(NULL);
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/actors", data_dir);
	dyad_dict_load_dir(default_dict, dir, NULL, NULL);
	snprintf(dir, sizeof dir, "%s/agents", data_dir);
	dyad_dict_load_dir(default_dict, dir, NULL, NULL);
	snprintf(dir, sizeof dir, "%s/verbs", data_dir);
	dyad_dict_load_dir(default_dict, dir, NULL, NULL);
	snprintf(dir, sizeof dir, "%s/cameo/cameo.tsv", data_dir);
	dyad_cameo_load(&default_cameo, dir, NULL, NULL, NULL, NULL);
	return default_dict;
}

static bool run_library(const char *kind, const spec_case *c, strbuf *got)
{
	dyad_doc *doc = dyad_doc_new(NULL);
	if (!doc)
		return false;
	bool ok = dyad_doc_analyze(doc, c->input.p, c->input.n, NULL) == DYAD_OK;
	bool events = strcmp(kind, "events") == 0;
	if (ok && (strcmp(kind, "actors") == 0 || events))
		ok = dyad_doc_find_actors(doc, dictionaries(), c->date, NULL) == DYAD_OK;
	if (ok && events)
		ok = dyad_doc_code_events(doc, dictionaries(), NULL) == DYAD_OK;
	dyad_article a;
	memset(&a, 0, sizeof a);
	a.id.p = "case";
	a.id.n = 4;
	a.text.p = c->input.p;
	a.text.n = c->input.n;
	strbuf rendered = {0};
	sb_add(&rendered, "", 0);
	if (ok) {
		dyad_status st;
		if (strcmp(kind, "tokens") == 0)
			st = dyad_render_tokens(doc, &a, DYAD_RENDER_TEXT, collect, &rendered);
		else if (strcmp(kind, "actors") == 0)
			st = dyad_render_actors(doc, &a, DYAD_RENDER_TEXT, collect, &rendered);
		else if (events)
			st = dyad_render_events(doc, &a, default_cameo, DYAD_RENDER_TEXT, collect,
			                        &rendered);
		else
			st = dyad_render_sentences(doc, &a, DYAD_RENDER_TEXT, collect, &rendered);
		ok = st == DYAD_OK;
	}
	to_spec_lines(kind, rendered.p, rendered.n, got);
	free(rendered.p);
	dyad_doc_free(doc);
	return ok;
}

static bool run_cli(const char *dyad, const char *kind, const spec_case *c, strbuf *got)
{
	char path[] = "/tmp/dyad-spec-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	bool ok = write(fd, c->input.p, c->input.n) == (ssize_t)c->input.n;
	close(fd);
	char cmd[8192];
	if (strcmp(kind, "actors") == 0)
		snprintf(cmd, sizeof cmd, "DYAD_DATA='%s' '%s' actors --input text -q %s%s '%s'",
		         data_dir, dyad, c->date[0] ? "--date " : "", c->date, path);
	else if (strcmp(kind, "events") == 0)
		snprintf(cmd, sizeof cmd,
		         "DYAD_DATA='%s' '%s' code --format tsv --input text -q %s%s '%s'",
		         data_dir, dyad, c->date[0] ? "--date " : "", c->date, path);
	else
		snprintf(cmd, sizeof cmd, "'%s' %s --input text -q '%s'", dyad, kind, path);
	FILE *p = ok ? popen(cmd, "r") : NULL;
	strbuf rendered = {0};
	sb_add(&rendered, "", 0);
	if (p) {
		char tmp[65536];
		size_t n;
		while ((n = fread(tmp, 1, sizeof tmp, p)) > 0)
			sb_add(&rendered, tmp, n);
		ok = pclose(p) == 0;
	} else {
		ok = false;
	}
	unlink(path);
	to_spec_lines(kind, rendered.p, rendered.n, got);
	free(rendered.p);
	return ok;
}

static void show(const char *label, const strbuf *b)
{
	printf("    %s:\n", label);
	const char *p = b->p;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		printf("      | %.*s\n", (int)n, p);
		p = nl ? nl + 1 : p + n;
	}
}

int main(int argc, char **argv)
{
	const char *cli = NULL;
	bool verbose = false;
	int passed = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--cli") == 0 && i + 1 < argc) {
			cli = argv[++i];
			continue;
		}
		if (strcmp(argv[i], "-v") == 0) {
			verbose = true;
			continue;
		}
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
			data_dir = argv[++i];
			continue;
		}
		spec sp;
		if (!parse_spec(argv[i], &sp)) {
			failed++;
			continue;
		}
		if (strcmp(sp.kind, "sentences") != 0 && strcmp(sp.kind, "tokens") != 0 &&
		    strcmp(sp.kind, "actors") != 0 && strcmp(sp.kind, "events") != 0) {
			fprintf(stderr, "%s: unknown spec kind '%s'\n", argv[i], sp.kind);
			failed++;
			continue;
		}
		for (size_t k = 0; k < sp.n; k++) {
			spec_case *c = &sp.cases[k];
			strbuf got = {0};
			sb_add(&got, "", 0);
			bool ran = cli ? run_cli(cli, sp.kind, c, &got)
			               : run_library(sp.kind, c, &got);
			bool ok = ran && got.n == c->expected.n &&
			          memcmp(got.p, c->expected.p, got.n) == 0;
			if (ok) {
				passed++;
				if (verbose)
					printf("ok - %s:%d %s\n", argv[i], c->line, c->note);
			} else {
				failed++;
				printf("FAIL - %s:%d %s%s\n", argv[i], c->line, c->note,
				       ran ? "" : " (run failed)");
				show("expected", &c->expected);
				show("got", &got);
			}
			free(got.p);
			free(c->note);
			free(c->input.p);
			free(c->expected.p);
		}
		free(sp.cases);
	}
	dyad_dict_free(default_dict);
	dyad_cameo_free(default_cameo);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
