/*
 * test_text.c -- unit tests of the text stage through the public API:
 * offsets and invariants, flags, repair counts, datelines, limits, reuse,
 * out-of-memory at every allocation, and random bytes.
 */
#include "dyad/dyad.h"
#include "../harness.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Every token lies inside the text, in order, without overlap; every
 * sentence is a contiguous run of tokens whose bytes it spans. */
static int invariants_hold(const dyad_doc *d, size_t len)
{
	size_t nt = dyad_doc_token_count(d), ns = dyad_doc_sentence_count(d);
	size_t prev_end = 0;
	for (size_t i = 0; i < nt; i++) {
		dyad_token t = dyad_doc_token(d, i);
		if (t.start >= t.end || t.end > len || t.start < prev_end)
			return 0;
		prev_end = t.end;
	}
	size_t next_tok = 0;
	for (size_t i = 0; i < ns; i++) {
		dyad_sentence s = dyad_doc_sentence(d, i);
		if (s.ntokens == 0 || s.first_token < next_tok || s.first_token + s.ntokens > nt)
			return 0;
		if (s.start != dyad_doc_token(d, s.first_token).start ||
		    s.end != dyad_doc_token(d, s.first_token + s.ntokens - 1).end)
			return 0;
		next_tok = s.first_token + s.ntokens;
	}
	return 1;
}

static dyad_doc *analyze(const char *text)
{
	dyad_doc *d = dyad_doc_new(NULL);
	dyad_doc_analyze(d, text, strlen(text), NULL);
	return d;
}

static void sentence_text_is(const dyad_doc *d, const char *text, size_t i, const char *want,
                             const char *name)
{
	dyad_sentence s = dyad_doc_sentence(d, i);
	CHECK_STR(text + s.start, s.end - s.start, want, name);
}

static void test_offsets(void)
{
	const char *text = "Iran’s President Ebrahim Raisi met Ziyad al-Nakhalah on Sunday.\n\n"
	                   "“We will win,” he said. Talks lasted 3.5 hours…";
	dyad_doc *d = analyze(text);
	CHECK(invariants_hold(d, strlen(text)), "offsets: invariants hold");
	CHECK_EQ_U(dyad_doc_sentence_count(d), 3, "offsets: three sentences");
	sentence_text_is(d, text, 0,
	                 "Iran’s President Ebrahim Raisi met Ziyad al-Nakhalah on Sunday.",
	                 "offsets: first sentence span");
	sentence_text_is(d, text, 1, "“We will win,” he said.",
	                 "offsets: a quote's comma does not end the sentence");
	sentence_text_is(d, text, 2, "Talks lasted 3.5 hours…",
	                 "offsets: a decimal does not end one");
	dyad_token t = dyad_doc_token(d, 0);
	CHECK_STR(text + t.start, t.end - t.start, "Iran", "offsets: first token is Iran");
	t = dyad_doc_token(d, 1);
	CHECK_STR(text + t.start, t.end - t.start, "’s",
	          "offsets: clitic spans the curly apostrophe");
	CHECK_STR(t.norm.p, t.norm.n, "'s", "offsets: clitic norm is plain");
	CHECK(t.flags & DYAD_TOKEN_CLITIC, "offsets: clitic flag");
	dyad_doc_free(d);
}

static size_t find_token_n(const dyad_doc *d, const char *text, const char *want, size_t n)
{
	for (size_t i = 0; i < dyad_doc_token_count(d); i++) {
		dyad_token t = dyad_doc_token(d, i);
		if (t.end - t.start == n && memcmp(text + t.start, want, n) == 0)
			return i;
	}
	return SIZE_MAX;
}

static size_t find_token(const dyad_doc *d, const char *text, const char *want)
{
	return find_token_n(d, text, want, strlen(want));
}

static unsigned flags_of(const dyad_doc *d, const char *text, const char *want)
{
	size_t i = find_token(d, text, want);
	return i == SIZE_MAX ? 0xFFFFFFFFu : dyad_doc_token(d, i).flags;
}

static void test_flags(void)
{
	const char *text = "NATO said \"no\" (today).\nNew line\n\nNew paragraph";
	dyad_doc *d = analyze(text);
	unsigned f = flags_of(d, text, "NATO");
	CHECK((f & DYAD_TOKEN_ALL_CAPS) && (f & DYAD_TOKEN_CAPITALIZED), "flags: NATO is all caps");
	CHECK(!(f & DYAD_TOKEN_SPACE_BEFORE), "flags: first token has no space before");
	f = flags_of(d, text, "said");
	CHECK((f & DYAD_TOKEN_SPACE_BEFORE) && !(f & DYAD_TOKEN_CAPITALIZED), "flags: said");
	size_t q = find_token(d, text, "\"");
	CHECK(q != SIZE_MAX && (dyad_doc_token(d, q).flags & DYAD_TOKEN_OPENING),
	      "flags: opening quote");
	CHECK(dyad_doc_token(d, q + 2).flags & DYAD_TOKEN_CLOSING, "flags: closing quote");
	CHECK(dyad_doc_token(d, q + 2).cls == DYAD_TOKEN_QUOTE, "flags: quote class");
	f = flags_of(d, text, "(");
	CHECK(f & DYAD_TOKEN_OPENING, "flags: opening bracket");
	f = flags_of(d, text, "line");
	CHECK(!(f & DYAD_TOKEN_LINE_BEFORE), "flags: no line break before 'line'");
	size_t nl = find_token(d, text, "New");
	f = dyad_doc_token(d, nl).flags;
	CHECK((f & DYAD_TOKEN_LINE_BEFORE) && !(f & DYAD_TOKEN_PARA_BEFORE), "flags: line break");
	f = flags_of(d, text, "paragraph");
	size_t np = find_token(d, text, "paragraph");
	f = dyad_doc_token(d, np - 1).flags;
	CHECK((f & DYAD_TOKEN_PARA_BEFORE) && (f & DYAD_TOKEN_LINE_BEFORE),
	      "flags: paragraph break");
	CHECK_EQ_U(dyad_doc_sentence_count(d), 3, "flags: three sentences");
	dyad_sentence s1 = dyad_doc_sentence(d, 1), s2 = dyad_doc_sentence(d, 2);
	CHECK(s1.flags & DYAD_SENTENCE_NO_STOP, "flags: line without a stop is NO_STOP");
	CHECK(s2.flags & DYAD_SENTENCE_PARA_START, "flags: paragraph start");
	CHECK(!(s1.flags & DYAD_SENTENCE_PARA_START), "flags: a new line is not a new paragraph");
	CHECK(dyad_doc_sentence(d, 0).flags & DYAD_SENTENCE_PARA_START, "flags: first sentence");
	dyad_doc_free(d);
}

static void test_repair_counts(void)
{
	const char text[] = "Ab\xFF\xFE cd\0e \xE2\x80 f\xC3";
	size_t len = sizeof text - 1;
	dyad_doc *d = dyad_doc_new(NULL);
	CHECK(dyad_doc_analyze(d, text, len, NULL) == DYAD_OK,
	      "repair: invalid input is not an error");
	dyad_text_stats s = dyad_doc_stats(d);
	CHECK_EQ_U(s.invalid_utf8, 4, "repair: four maximal invalid subparts");
	CHECK_EQ_U(s.nul_bytes, 1, "repair: one NUL byte");
	CHECK(invariants_hold(d, len), "repair: invariants hold");
	size_t i = find_token_n(d, text, "cd\0e", 4);
	CHECK(i != SIZE_MAX, "repair: a NUL inside a word keeps the word whole");
	if (i != SIZE_MAX) {
		dyad_token t = dyad_doc_token(d, i);
		CHECK_STR(t.norm.p, t.norm.n, "cde", "repair: the NUL is gone from the norm");
		CHECK(t.flags & DYAD_TOKEN_REPAIRED, "repair: flagged");
	}
	dyad_token t0 = dyad_doc_token(d, 0);
	CHECK_STR(t0.norm.p, t0.norm.n, "ab\xEF\xBF\xBD\xEF\xBF\xBD",
	          "repair: two U+FFFD in the norm");
	dyad_doc_free(d);
}

static void test_dateline(void)
{
	const char *text = "KHARTOUM, Sudan (AP) — The army said it repelled an attack.";
	dyad_doc *d = analyze(text);
	dyad_dateline dl;
	CHECK(dyad_doc_dateline(d, &dl) == 1, "dateline: found");
	CHECK_STR(text + dl.start, dl.end - dl.start, "KHARTOUM, Sudan (AP) —", "dateline: span");
	CHECK_STR(text + dl.place_start, dl.place_end - dl.place_start, "KHARTOUM",
	          "dateline: place");
	CHECK_STR(text + dl.agency_start, dl.agency_end - dl.agency_start, "AP",
	          "dateline: agency");
	CHECK_EQ_U(dyad_doc_sentence_count(d), 1, "dateline: one sentence");
	sentence_text_is(d, text, 0, "The army said it repelled an attack.",
	                 "dateline: not in the sentence");
	CHECK(invariants_hold(d, strlen(text)), "dateline: invariants hold");
	dyad_doc_free(d);

	const char *no = "Abbas - the veteran leader - said talks would resume.";
	d = analyze(no);
	CHECK(dyad_doc_dateline(d, NULL) == 0,
	      "dateline: a capitalised name and a dash is not one");
	dyad_doc_free(d);
}

static void test_long_sentence_is_cut(void)
{
	size_t words = 1000;
	char *text = malloc(words * 5 + 1);
	for (size_t i = 0; i < words; i++)
		memcpy(text + i * 5, "word ", 5);
	text[words * 5] = '\0';
	dyad_doc *d = analyze(text);
	dyad_text_stats s = dyad_doc_stats(d);
	CHECK_EQ_U(dyad_doc_token_count(d), words, "limit: 1000 tokens");
	CHECK_EQ_U(s.cut_sentences, 2, "limit: cut twice at 400 tokens");
	CHECK_EQ_U(dyad_doc_sentence_count(d), 3, "limit: three pieces");
	CHECK(dyad_doc_sentence(d, 0).flags & DYAD_SENTENCE_CUT, "limit: first piece flagged CUT");
	CHECK_EQ_U(dyad_doc_sentence(d, 0).ntokens, 400, "limit: first piece has 400 tokens");
	CHECK(!(dyad_doc_sentence(d, 2).flags & DYAD_SENTENCE_CUT),
	      "limit: the rest is not flagged");
	CHECK(invariants_hold(d, strlen(text)), "limit: no token lost");
	dyad_doc_free(d);
	free(text);
}

static void test_article_limit(void)
{
	size_t len = dyad_max_article_bytes() + 1;
	char *text = malloc(len);
	memset(text, 'a', len);
	dyad_doc *d = dyad_doc_new(NULL);
	dyad_error err;
	CHECK(dyad_doc_analyze(d, text, len, &err) == DYAD_ERR_LIMIT, "limit: article too long");
	CHECK(err.code == DYAD_ERR_LIMIT && err.msg != NULL, "limit: error filled");
	CHECK_EQ_U(dyad_doc_token_count(d), 0, "limit: document empty after a limit error");
	CHECK(dyad_doc_analyze(d, text, len - 1, NULL) == DYAD_OK,
	      "limit: exactly the maximum is fine");
	CHECK_EQ_U(dyad_doc_token_count(d), 65536,
	           "limit: 16 MiB of letters is 65536 tokens of 256");
	dyad_doc_free(d);
	free(text);
}

static void test_reuse_and_null(void)
{
	dyad_doc *d = dyad_doc_new(NULL);
	const char *a = "First text. With two sentences.";
	const char *b = "Second";
	dyad_doc_analyze(d, a, strlen(a), NULL);
	CHECK_EQ_U(dyad_doc_sentence_count(d), 2, "reuse: first text");
	dyad_doc_analyze(d, b, strlen(b), NULL);
	CHECK_EQ_U(dyad_doc_sentence_count(d), 1, "reuse: state reset");
	CHECK_EQ_U(dyad_doc_token_count(d), 1, "reuse: one token");
	CHECK(dyad_doc_analyze(d, "", 0, NULL) == DYAD_OK, "reuse: empty text");
	CHECK_EQ_U(dyad_doc_sentence_count(d), 0, "reuse: empty text has no sentences");
	CHECK(dyad_doc_analyze(d, NULL, 5, NULL) == DYAD_ERR_ARG, "null: NULL text with a length");
	dyad_doc_free(d);
	dyad_doc_free(NULL);
	CHECK_EQ_U(dyad_doc_token_count(NULL), 0, "null: token count of NULL");
	CHECK_EQ_U(dyad_doc_sentence(NULL, 3).ntokens, 0, "null: sentence of NULL");
	CHECK(dyad_doc_dateline(NULL, NULL) == 0, "null: dateline of NULL");
	CHECK(strcmp(dyad_version(), DYAD_VERSION) == 0, "version: library and header agree");
}

static void test_out_of_memory(void)
{
	const char *text = "TEHRAN (Reuters) - Iran’s foreign minister met his Qatari counterpart. "
	                   "They discussed Gaza.\n\nQadhdhāfī’s son was not there.";
	dyad_doc *ref = analyze(text);
	size_t want_tokens = dyad_doc_token_count(ref), want_sents = dyad_doc_sentence_count(ref);
	dyad_doc_free(ref);
	int nomem_seen = 0, recovered = 1, clean = 1;
	for (long budget = 0; budget < 64; budget++) {
		failing f = {budget, 0};
		dyad_allocator a = {failing_realloc, &f};
		dyad_doc *d = dyad_doc_new(&a);
		if (d) {
			dyad_status st = dyad_doc_analyze(d, text, strlen(text), NULL);
			if (st == DYAD_ERR_NOMEM) {
				nomem_seen++;
				if (dyad_doc_token_count(d) != 0)
					recovered = 0;
			} else if (st != DYAD_OK || dyad_doc_token_count(d) != want_tokens ||
			           dyad_doc_sentence_count(d) != want_sents) {
				recovered = 0;
			}
		}
		dyad_doc_free(d);
		if (f.live != 0)
			clean = 0;
	}
	CHECK(nomem_seen > 0, "oom: allocation failures were reported as DYAD_ERR_NOMEM");
	CHECK(recovered, "oom: every run either fails cleanly or gives the full result");
	CHECK(clean, "oom: no allocation outlives dyad_doc_free");
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void test_random_bytes(void)
{
	static const char *const pieces[] = {"Mr.",      " ",
	                                     "\n",       "\n\n",
	                                     ".",        "!",
	                                     "?",        "\"",
	                                     "“",        "”",
	                                     "’",        "'s",
	                                     "U.S.",     "(",
	                                     ")",        "-",
	                                     "—",        "…",
	                                     "...",      "Tehran",
	                                     "said",     "3.4",
	                                     "\xFF",     "\0",
	                                     "\xE2\x80", "http://x.org",
	                                     "a@b.org",  "TEHRAN",
	                                     "(AP)",     ":",
	                                     ",",        "1.",
	                                     "•",        "\r\n",
	                                     "؟"};
	char text[512];
	int ok = 1;
	dyad_doc *d = dyad_doc_new(NULL);
	for (int round = 0; round < 3000 && ok; round++) {
		size_t len = 0;
		int parts = (int)(rng() % 40);
		for (int p = 0; p < parts; p++) {
			const char *s = pieces[rng() % (sizeof pieces / sizeof *pieces)];
			size_t n = s[0] ? strlen(s) : 1;
			if (rng() % 4 == 0) { /* a raw random byte */
				text[len++] = (char)(rng() & 0xFF);
				continue;
			}
			if (len + n >= sizeof text)
				break;
			memcpy(text + len, s, n);
			len += n;
		}
		ok = dyad_doc_analyze(d, text, len, NULL) == DYAD_OK && invariants_hold(d, len);
	}
	dyad_doc_free(d);
	CHECK(ok, "random: 3000 random texts keep every invariant");
}

static int collect(void *ctx, const char *p, size_t n)
{
	char **out = ctx;
	size_t have = *out ? strlen(*out) : 0;
	char *np = realloc(*out, have + n + 1);
	memcpy(np + have, p, n);
	np[have + n] = '\0';
	*out = np;
	return 0;
}

static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80         ? 1
		        : (*p >> 5) == 6  ? 2
		        : (*p >> 4) == 14 ? 3
		        : (*p >> 3) == 30 ? 4
		                          : 0;
		if (!n)
			return 0;
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static void test_render_json(void)
{
	const char text[] = "He said \"go\"\tnow. \xFF Do\x01ne\\.";
	dyad_doc *d = dyad_doc_new(NULL);
	dyad_doc_analyze(d, text, sizeof text - 1, NULL);
	dyad_article a;
	memset(&a, 0, sizeof a);
	a.id.p = "id\"1";
	a.id.n = 4;
	a.text.p = text;
	a.text.n = sizeof text - 1;
	char *out = NULL;
	CHECK(dyad_render_sentences(d, &a, DYAD_RENDER_JSON, collect, &out) == DYAD_OK,
	      "json: rendered");
	CHECK(out && strstr(out, "{\"article\":\"id\\\"1\",\"index\":0,\"start\":0,\"end\":17,"
	                         "\"text\":\"He said \\\"go\\\"\\tnow.\"}\n") != NULL,
	      "json: first sentence escaped exactly");
	CHECK(out && strstr(out, "\"text\":\"\xEF\xBF\xBD Do\\u0001ne\\\\.\"") != NULL,
	      "json: control byte escaped, invalid byte replaced, backslash escaped");
	CHECK(out && valid_utf8(out), "json: output is valid UTF-8");
	free(out);
	dyad_doc_free(d);
}

int main(int argc, char **argv)
{
	harness_verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	test_offsets();
	test_flags();
	test_repair_counts();
	test_dateline();
	test_long_sentence_is_cut();
	test_article_limit();
	test_reuse_and_null();
	test_out_of_memory();
	test_random_bytes();
	test_render_json();
	return harness_done();
}
