/*
 * test_ingest.c -- unit tests of the article readers through the public
 * API: fields, dates, ids, errors with line and byte, recovery after a bad
 * record, limits, format detection, files and out-of-memory.
 */
#include "dyad/dyad.h"
#include "../harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static dyad_reader *open_mem(const char *name, const char *data, dyad_format f)
{
	dyad_reader *r = NULL;
	dyad_reader_open_mem(&r, name, data, strlen(data), f, NULL, NULL);
	return r;
}

#define CHECK_VIEW(view, want, name) CHECK_STR((view).p ? (view).p : "", (view).n, want, name)

static void test_fields(void)
{
	const char *data = "{\"id\": \"a-1\", \"date\": \"2023-06-19\", \"title\": "
	                   "\"T\\u00edtulo\", \"source\": \"Wire\","
	                   " \"url\": \"https://example.org/a\", \"text\": \"Line one.\\nLine "
	                   "\\\"two\\\".\"}\n"
	                   "{\"id\": 42, \"date\": \"2023-06-19T08:30:00+03:00\", \"text\": \"x\", "
	                   "\"title\": null}\n"
	                   "{\"date\": \"20230619\", \"text\": \"no id\", \"extra\": [1, {\"a\": "
	                   "[true, null]}]}\n";
	dyad_reader *r = open_mem("in.jsonl", data, DYAD_FORMAT_JSONL);
	dyad_article a;
	dyad_error err;
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK && err.code == DYAD_OK,
	      "fields: first record");
	CHECK_VIEW(a.id, "a-1", "fields: id");
	CHECK_VIEW(a.date, "2023-06-19", "fields: date");
	CHECK_VIEW(a.title, "Título", "fields: title with a \\u escape");
	CHECK_VIEW(a.source, "Wire", "fields: source");
	CHECK_VIEW(a.url, "https://example.org/a", "fields: url");
	CHECK_VIEW(a.text, "Line one.\nLine \"two\".", "fields: text with escapes");
	CHECK_EQ_U(a.line, 1, "fields: line 1");
	CHECK(strcmp(a.origin, "in.jsonl") == 0, "fields: origin");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, "fields: second record");
	CHECK_VIEW(a.id, "42", "fields: numeric id as text");
	CHECK_VIEW(a.date, "2023-06-19", "fields: ISO date-time cut to the date");
	CHECK(a.title.p == NULL, "fields: null title is absent");
	CHECK(a.source.p == NULL && a.url.p == NULL, "fields: missing fields are absent");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, "fields: third record");
	CHECK_VIEW(a.id, "in.jsonl:3", "fields: a missing id becomes origin:line");
	CHECK_VIEW(a.date, "2023-06-19", "fields: compact date");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_EOF, "fields: end");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_EOF, "fields: end stays end");
	dyad_reader_stats s = dyad_reader_get_stats(r);
	CHECK_EQ_U(s.records, 3, "fields: three records counted");
	CHECK_EQ_U(s.skipped, 0, "fields: none skipped");
	dyad_reader_free(r);
}

static void test_dates(void)
{
	static const struct {
		const char *in;
		const char *want; /* NULL: rejected */
	} cases[] = {
	        {"2024-02-29", "2024-02-29"},
	        {"2023-02-29", NULL},
	        {"1900-02-29", NULL},
	        {"2000-02-29", "2000-02-29"},
	        {"2023-04-31", NULL},
	        {"2023-13-01", NULL},
	        {"2023-00-10", NULL},
	        {"2023-6-19", NULL},
	        {"19 June 2023", NULL},
	        {"", NULL},
	        {"2023-06-19 10:00", "2023-06-19"},
	        {"20231231", "2023-12-31"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char line[256];
		snprintf(line, sizeof line, "{\"date\": \"%s\", \"text\": \"t\"}\n", cases[i].in);
		dyad_reader *r = open_mem("d.jsonl", line, DYAD_FORMAT_JSONL);
		dyad_article a;
		dyad_error err;
		dyad_status st = dyad_reader_next(r, &a, &err);
		char name[128];
		snprintf(name, sizeof name, "dates: '%s'", cases[i].in);
		if (cases[i].want) {
			CHECK(st == DYAD_OK && err.code == DYAD_OK, name);
			CHECK_VIEW(a.date, cases[i].want, name);
		} else {
			CHECK(st == DYAD_OK && err.code == DYAD_WARN_DATE && a.date.p == NULL,
			      name);
		}
		dyad_reader_free(r);
	}
}

typedef struct expect_err {
	const char *line;
	dyad_status code;
	unsigned byte;
	const char *msg;
} expect_err;

static void test_errors(void)
{
	static const expect_err cases[] = {
	        {"[1, 2]", DYAD_ERR_SYNTAX, 0, "record is not a JSON object"},
	        {"{\"id\": \"x\"}", DYAD_ERR_FIELD, 11, "record has no \"text\" field"},
	        {"{\"text\": 5}", DYAD_ERR_FIELD, 10, "field \"text\" must be a string"},
	        {"{\"text\": \"a\", \"date\": 20230619}", DYAD_ERR_FIELD, 30,
	         "field \"date\" must be a string"},
	        {"{\"text\": \"a\"} x", DYAD_ERR_SYNTAX, 14, "text after the end of the record"},
	        {"{\"text\": \"a\\x\"}", DYAD_ERR_SYNTAX, 12, "invalid escape in string"},
	        {"{\"text\": \"\\u12G4\"}", DYAD_ERR_SYNTAX, 12, "invalid \\u escape"},
	        {"{\"text\" \"a\"}", DYAD_ERR_SYNTAX, 8, "expected ':' after key"},
	        {"{\"text\": \"a\",}", DYAD_ERR_SYNTAX, 13, "expected a string"},
	        {"{\"text\": \"abc", DYAD_ERR_SYNTAX, 13, "unterminated string"},
	        {"{\"text\": \"a\", \"x\": tru}", DYAD_ERR_SYNTAX, 19, "invalid value"},
	        {"{\"text\": \"a\", \"x\": 1.}", DYAD_ERR_SYNTAX, 21, "invalid number"},
	        {"{\"text\": \"a\", \"x\": [1 2]}", DYAD_ERR_SYNTAX, 22, "expected ',' or ']'"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char data[512];
		snprintf(data, sizeof data,
		         "{\"id\":\"before\",\"text\":\"ok\"}\n%s\n{\"id\":\"after\",\"text\":"
		         "\"ok\"}\n",
		         cases[i].line);
		dyad_reader *r = open_mem("e.jsonl", data, DYAD_FORMAT_JSONL);
		dyad_article a;
		dyad_error err;
		char name[256];
		snprintf(name, sizeof name, "errors: %s", cases[i].line);
		CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, name);
		dyad_status st = dyad_reader_next(r, &a, &err);
		CHECK(st == cases[i].code && err.code == cases[i].code, name);
		CHECK_EQ_U(err.line, 2, name);
		CHECK_EQ_U(err.byte, cases[i].byte, name);
		CHECK(err.msg && strcmp(err.msg, cases[i].msg) == 0, name);
		if (err.msg && strcmp(err.msg, cases[i].msg) != 0)
			printf("    message \"%s\"\n", err.msg);
		CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, name);
		CHECK_VIEW(a.id, "after", name);
		CHECK_EQ_U(dyad_reader_get_stats(r).skipped, 1, name);
		dyad_reader_free(r);
	}
	dyad_error e = {DYAD_ERR_SYNTAX, "bad thing", "f.jsonl", 7, 12};
	char msg[128];
	dyad_error_format(&e, msg, sizeof msg);
	CHECK(strcmp(msg, "f.jsonl:7: bad thing at byte 12") == 0,
	      "errors: format with line and byte");
	e.line = 0;
	dyad_error_format(&e, msg, sizeof msg);
	CHECK(strcmp(msg, "f.jsonl: bad thing") == 0, "errors: format without a line");
	CHECK(dyad_error_format(&e, msg, 4) == strlen("f.jsonl: bad thing") && strlen(msg) == 3,
	      "errors: format truncates safely and returns the full length");
}

static void test_depth(void)
{
	char data[2048];
	size_t n = 0;
	n += (size_t)snprintf(data + n, sizeof data - n, "{\"text\": \"t\", \"x\": ");
	for (int i = 0; i < 64; i++)
		data[n++] = '[';
	for (int i = 0; i < 64; i++)
		data[n++] = ']';
	n += (size_t)snprintf(data + n, sizeof data - n, "}\n{\"text\": \"t\", \"x\": ");
	for (int i = 0; i < 65; i++)
		data[n++] = '[';
	for (int i = 0; i < 65; i++)
		data[n++] = ']';
	snprintf(data + n, sizeof data - n, "}\n");
	dyad_reader *r = open_mem("deep.jsonl", data, DYAD_FORMAT_JSONL);
	dyad_article a;
	dyad_error err;
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, "depth: 64 levels are accepted");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_ERR_SYNTAX, "depth: 65 levels are refused");
	CHECK_EQ_U(err.byte, 19 + 64, "depth: the byte of the 65th bracket");
	dyad_reader_free(r);
}

static void test_lines(void)
{
	const char *data = "\xEF\xBB\xBF{\"text\": \"bom\"}\r\n\n   \n{\"text\": "
	                   "\"crlf\"}\r\n{\"text\": \"last, no newline\"}";
	dyad_reader *r = open_mem("l.jsonl", data, DYAD_FORMAT_JSONL);
	dyad_article a;
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK, "lines: BOM before the first record");
	CHECK_VIEW(a.text, "bom", "lines: BOM text");
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK && a.line == 4,
	      "lines: blank lines skipped, line 4");
	CHECK_VIEW(a.text, "crlf", "lines: CR removed");
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK, "lines: a last line without a newline");
	CHECK_VIEW(a.text, "last, no newline", "lines: last line text");
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_EOF, "lines: end");
	CHECK_EQ_U(dyad_reader_get_stats(r).lines, 5, "lines: five lines counted");
	dyad_reader_free(r);
}

static void test_long_records(void)
{
	/* A record straddling many read chunks, and one whose text is over the
	 * article limit: the first is read whole, the second skipped. */
	size_t big = 3u << 20, huge = dyad_max_article_bytes() + 10;
	size_t cap = big + huge + 256;
	char *data = malloc(cap);
	size_t n = (size_t)sprintf(data, "{\"text\": \"");
	memset(data + n, 'a', big);
	n += big;
	n += (size_t)sprintf(data + n, "\"}\n{\"text\": \"");
	memset(data + n, 'b', huge);
	n += huge;
	n += (size_t)sprintf(data + n, "\"}\n{\"id\": \"after\", \"text\": \"ok\"}\n");
	dyad_reader *r = NULL;
	dyad_reader_open_mem(&r, "big.jsonl", data, n, DYAD_FORMAT_JSONL, NULL, NULL);
	dyad_article a;
	dyad_error err;
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK && a.text.n == big,
	      "long: 3 MiB text across chunks");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_ERR_LIMIT && err.line == 2,
	      "long: text over the limit");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, "long: next record read");
	CHECK_VIEW(a.id, "after", "long: the record after it");
	dyad_reader_free(r);
	free(data);
}

static void test_text_and_detection(void)
{
	dyad_reader *r =
	        open_mem("dir/story.txt", "A plain story.\n\nSecond paragraph.", DYAD_FORMAT_AUTO);
	dyad_article a;
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK, "text: read");
	CHECK(dyad_reader_format(r) == DYAD_FORMAT_TEXT, "detect: plain text by content");
	CHECK_VIEW(a.id, "story.txt", "text: id is the base name");
	CHECK_VIEW(a.text, "A plain story.\n\nSecond paragraph.", "text: whole input");
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_EOF, "text: one article per input");
	dyad_reader_free(r);

	r = open_mem("noext", "  \n{\"text\": \"json\"}\n", DYAD_FORMAT_AUTO);
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK &&
	              dyad_reader_format(r) == DYAD_FORMAT_JSONL,
	      "detect: JSON Lines by a first '{'");
	dyad_reader_free(r);

	r = open_mem("x.jsonl", "{\"text\": \"forced\"}", DYAD_FORMAT_TEXT);
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK, "detect: format given wins");
	CHECK_VIEW(a.text, "{\"text\": \"forced\"}", "detect: read as text");
	dyad_reader_free(r);

	r = open_mem("empty.txt", "", DYAD_FORMAT_TEXT);
	CHECK(dyad_reader_next(r, &a, NULL) == DYAD_OK && a.text.n == 0,
	      "text: an empty file is an empty article");
	dyad_reader_free(r);

	char path[] = "/tmp/dyad-ingest-XXXXXX";
	int fd = mkstemp(path);
	const char *body = "{\"id\":\"f1\",\"text\":\"From a file.\"}\n";
	CHECK(fd >= 0 && write(fd, body, strlen(body)) == (ssize_t)strlen(body), "file: written");
	close(fd);
	dyad_error err;
	CHECK(dyad_reader_open(&r, path, DYAD_FORMAT_AUTO, NULL, &err) == DYAD_OK, "file: opened");
	CHECK(dyad_reader_next(r, &a, &err) == DYAD_OK, "file: record read (format by content)");
	CHECK_VIEW(a.id, "f1", "file: id");
	dyad_reader_free(r);
	unlink(path);
	CHECK(dyad_reader_open(&r, "/nonexistent/x.jsonl", DYAD_FORMAT_AUTO, NULL, &err) ==
	              DYAD_ERR_IO,
	      "file: a missing file is DYAD_ERR_IO");
	CHECK(r == NULL && err.msg != NULL, "file: no reader and a message");
	dyad_reader_free(NULL);
	CHECK(dyad_reader_next(NULL, &a, &err) == DYAD_ERR_ARG, "null: next on NULL");
}

static void test_out_of_memory(void)
{
	const char *data =
	        "{\"id\":\"a\",\"date\":\"2023-06-19\",\"title\":\"t\",\"text\":\"one\"}\n"
	        "{\"id\":\"b\",\"text\":\"two\"}\n";
	int nomem = 0, complete = 0, clean = 1;
	for (long budget = 0; budget < 40; budget++) {
		failing f = {budget, 0};
		dyad_allocator alloc = {failing_realloc, &f};
		dyad_reader *r = NULL;
		dyad_status st = dyad_reader_open_mem(&r, "m.jsonl", data, strlen(data),
		                                      DYAD_FORMAT_JSONL, &alloc, NULL);
		if (st == DYAD_ERR_NOMEM)
			nomem++;
		int got = 0;
		dyad_article a;
		while (r && (st = dyad_reader_next(r, &a, NULL)) != DYAD_EOF) {
			if (st == DYAD_OK)
				got++;
			else if (st == DYAD_ERR_NOMEM)
				nomem++;
		}
		complete += got == 2;
		dyad_reader_free(r);
		if (f.live != 0)
			clean = 0;
	}
	CHECK(nomem > 0, "oom: failures reported as DYAD_ERR_NOMEM");
	CHECK(complete > 0, "oom: with enough memory both records are read");
	CHECK(clean, "oom: nothing outlives dyad_reader_free");
}

int main(int argc, char **argv)
{
	harness_verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	test_fields();
	test_dates();
	test_errors();
	test_depth();
	test_lines();
	test_long_records();
	test_text_and_detection();
	test_out_of_memory();
	return harness_done();
}
