/*
 * dyad.h -- the public API of dyad, a political event data engine.
 *
 * This header is the whole API: anything not declared here is internal and
 * may change. The `dyad` command, the tests, the fuzzers and the benchmarks
 * use nothing else.
 *
 * Conventions
 * - Every name starts with dyad_ or DYAD_.
 * - Objects are opaque handles made by dyad_X_new / dyad_X_open and released
 *   by dyad_X_free; every _free accepts NULL and does nothing.
 * - Strings are views {p, n}: a pointer and a byte length, not NUL-terminated
 *   unless said so. Views returned by a handle are borrowed: they stay valid
 *   until the call named in the comment, and the caller never frees them.
 * - Functions that can fail return a dyad_status and, when the caller passes
 *   a dyad_error, fill it with a static message and where it happened. The
 *   library never prints and never exits.
 * - Handles share no hidden global state: two handles may be used from two
 *   threads at once; one handle must not.
 * - Byte offsets are into the text exactly as the caller gave it (before any
 *   repair or normalisation), half-open: [start, end).
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(DYAD_BUILDING_LIBRARY)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

/* ## Version */

#define DYAD_VERSION "0.1.0"

/* The version of the library actually linked, e.g. "0.1.0". Static string. */
DYAD_API const char *dyad_version(void);

/* ## Status codes and errors */

typedef enum dyad_status {
	DYAD_OK = 0,
	DYAD_EOF = 1,        /* a reader has no more records */
	DYAD_ERR_NOMEM = 2,  /* an allocation failed; the handle is still usable */
	DYAD_ERR_IO = 3,     /* a file could not be opened or read */
	DYAD_ERR_LIMIT = 4,  /* input exceeds a named limit (see docs/limits) */
	DYAD_ERR_SYNTAX = 5, /* a record is malformed (bad JSON, ...) */
	DYAD_ERR_FIELD = 6,  /* a record lacks a required field or has a wrong type */
	DYAD_ERR_ARG = 7,    /* the caller passed an invalid argument */
	DYAD_WARN_DATE = 8   /* a record was read, but its date was not understood */
} dyad_status;

/* A stable lower-case name for a status, e.g. "syntax". Static string. */
DYAD_API const char *dyad_status_name(dyad_status status);

/*
 * Where and why something went wrong. `msg` is a static string; `origin` is
 * the input's name ("-" for standard input), owned by the reader that
 * reported it and valid while that reader lives. `line` is 1-based (0 when
 * the input has no lines), `byte` the 0-based offset of the fault within that
 * line (within the input when line is 0).
 */
typedef struct dyad_error {
	dyad_status code;
	const char *msg;
	const char *origin;
	uint64_t line;
	uint64_t byte;
} dyad_error;

/*
 * Write "origin:line: msg at byte N" (parts that are unknown are left out)
 * into buf, always NUL-terminated when cap > 0. Returns the length the full
 * message needs, like snprintf.
 */
DYAD_API size_t dyad_error_format(const dyad_error *err, char *buf, size_t cap);

/* ## Memory */

/*
 * An allocator with a context pointer. realloc(ctx, p, n) behaves like C's
 * realloc for n > 0 and frees p and returns NULL for n == 0. Handles made
 * with an allocator use it for all their memory. Pass NULL anywhere an
 * allocator is taken to use malloc.
 */
typedef struct dyad_allocator {
	void *(*realloc)(void *ctx, void *p, size_t n);
	void *ctx;
} dyad_allocator;

/* A string view: n bytes at p, not NUL-terminated. */
typedef struct dyad_str {
	const char *p;
	size_t n;
} dyad_str;

/* ## Reading articles */

typedef enum dyad_format {
	DYAD_FORMAT_AUTO = 0, /* by file name, then by content */
	DYAD_FORMAT_JSONL,    /* one JSON object per line */
	DYAD_FORMAT_TEXT      /* one article per input, id = file name */
} dyad_format;

/*
 * One article as read. All views are borrowed from the reader and valid until
 * the next dyad_reader_next or dyad_reader_free. Absent fields are {NULL, 0}.
 * `date` is normalised to "YYYY-MM-DD"; `text` is the text exactly as it
 * stood in the input (JSON escapes decoded), not yet repaired.
 */
typedef struct dyad_article {
	dyad_str id;
	dyad_str date;
	dyad_str title;
	dyad_str source;
	dyad_str url;
	dyad_str text;
	const char *origin; /* input name, NUL-terminated */
	uint64_t line;      /* line of the record in the input, 1-based */
} dyad_article;

typedef struct dyad_reader dyad_reader;

typedef struct dyad_reader_stats {
	uint64_t records;  /* articles returned */
	uint64_t skipped;  /* records skipped because of an error */
	uint64_t warnings; /* articles returned with a warning */
	uint64_t lines;    /* lines read (JSONL) */
	uint64_t bytes;    /* bytes read */
} dyad_reader_stats;

/*
 * Open a file for reading articles; path "-" reads standard input. On
 * success *out holds a reader the caller frees with dyad_reader_free.
 * Returns DYAD_ERR_IO when the file cannot be opened.
 */
DYAD_API dyad_status dyad_reader_open(dyad_reader **out, const char *path, dyad_format format,
                                      const dyad_allocator *alloc, dyad_error *err);

/*
 * Read articles from memory. `data` is borrowed and must outlive the reader;
 * `name` is copied and used as origin and, for text, as the article id.
 */
DYAD_API dyad_status dyad_reader_open_mem(dyad_reader **out, const char *name, const char *data,
                                          size_t len, dyad_format format,
                                          const dyad_allocator *alloc, dyad_error *err);

/*
 * Read the next article into *article.
 * - DYAD_OK: *article is filled. If err is given and err->code is a warning
 *   (DYAD_WARN_*), the article was read but something in it was not
 *   understood (e.g. the date, which is then left empty).
 * - DYAD_EOF: no more articles.
 * - DYAD_ERR_SYNTAX, _FIELD, _LIMIT: one record was skipped; err says where.
 *   Call again to go on with the next record.
 * - DYAD_ERR_IO, _NOMEM: reading stopped; further calls return DYAD_EOF.
 */
DYAD_API dyad_status dyad_reader_next(dyad_reader *r, dyad_article *article, dyad_error *err);

DYAD_API dyad_reader_stats dyad_reader_get_stats(const dyad_reader *r);

/* The format being read (never AUTO once the first record was read). */
DYAD_API dyad_format dyad_reader_format(const dyad_reader *r);

DYAD_API void dyad_reader_free(dyad_reader *r);

/* ## Text: repair, normalisation, tokens, sentences */

typedef enum dyad_token_class {
	DYAD_TOKEN_WORD = 0, /* letters of any script; U.S.; clitics 's n't */
	DYAD_TOKEN_NUMBER,   /* starts with a digit: 3.4, 1,200, 1.5bn, 1990s */
	DYAD_TOKEN_PUNCT,    /* . , ; : ! ? ... - and dashes, / */
	DYAD_TOKEN_QUOTE,    /* " ' and their typographic forms */
	DYAD_TOKEN_BRACKET,  /* ( ) [ ] { } */
	DYAD_TOKEN_SYMBOL,   /* $ % & # @ + and other symbols, emoji */
	DYAD_TOKEN_URL       /* URLs, e-mail addresses, domain names */
} dyad_token_class;

/* Token flags */
#define DYAD_TOKEN_SPACE_BEFORE (1u << 0) /* whitespace precedes it */
#define DYAD_TOKEN_LINE_BEFORE  (1u << 1) /* a line break precedes it */
#define DYAD_TOKEN_PARA_BEFORE  (1u << 2) /* a blank line precedes it */
#define DYAD_TOKEN_CAPITALIZED  (1u << 3) /* first letter upper case */
#define DYAD_TOKEN_ALL_CAPS     (1u << 4) /* two or more letters, all upper case */
#define DYAD_TOKEN_OPENING      (1u << 5) /* quote or bracket that opens */
#define DYAD_TOKEN_CLOSING      (1u << 6) /* quote or bracket that closes */
#define DYAD_TOKEN_CLITIC       (1u << 7) /* 's 're 've 'll 'd 'm n't */
#define DYAD_TOKEN_REPAIRED     (1u << 8) /* held invalid UTF-8 or NUL bytes */

/*
 * A token: a span of the original text, its class and its normalised form
 * (case-folded, NFKC, diacritics and marks removed, typographic quotes and
 * dashes made plain, invalid bytes as U+FFFD). `norm` is borrowed from the
 * document and valid until the next dyad_doc_analyze or dyad_doc_free.
 */
typedef struct dyad_token {
	size_t start, end;
	dyad_str norm;
	dyad_token_class cls;
	unsigned flags;
} dyad_token;

/* Sentence flags */
#define DYAD_SENTENCE_NO_STOP    (1u << 0) /* ended by a line break, no final punctuation */
#define DYAD_SENTENCE_PARA_START (1u << 1) /* first sentence of a paragraph */
#define DYAD_SENTENCE_CUT        (1u << 2) /* cut at DYAD_MAX_SENTENCE_TOKENS */

typedef struct dyad_sentence {
	size_t start, end;           /* bytes of the original text */
	size_t first_token, ntokens; /* tokens [first_token, first_token + ntokens) */
	unsigned flags;
} dyad_sentence;

/*
 * A dateline at the head of an article ("TEHRAN (Reuters) -"): its whole
 * span, the place ("TEHRAN") and the agency in brackets if any ("Reuters";
 * start == end when absent). The dateline belongs to no sentence.
 */
typedef struct dyad_dateline {
	size_t start, end;
	size_t place_start, place_end;
	size_t agency_start, agency_end;
} dyad_dateline;

typedef struct dyad_text_stats {
	uint64_t invalid_utf8;  /* maximal invalid sequences replaced by U+FFFD */
	uint64_t nul_bytes;     /* NUL bytes dropped */
	uint64_t cut_sentences; /* sentences cut at the token limit */
} dyad_text_stats;

typedef struct dyad_doc dyad_doc;

/* A document: the analysis of one article's text. Reuse one for many
 * articles; its memory is kept between them. Returns NULL if out of memory. */
DYAD_API dyad_doc *dyad_doc_new(const dyad_allocator *alloc);
DYAD_API void dyad_doc_free(dyad_doc *doc);

/*
 * Tokenise, normalise and split `text` into sentences. `text` is borrowed: it
 * must stay unchanged while the results are used. Any bytes are accepted:
 * invalid UTF-8 and NUL bytes are repaired and counted, never an error.
 * Returns DYAD_ERR_LIMIT if len exceeds DYAD_MAX_ARTICLE_BYTES, DYAD_ERR_NOMEM
 * if memory ran out; the document is then empty.
 */
DYAD_API dyad_status dyad_doc_analyze(dyad_doc *doc, const char *text, size_t len, dyad_error *err);

DYAD_API size_t dyad_doc_token_count(const dyad_doc *doc);
DYAD_API dyad_token dyad_doc_token(const dyad_doc *doc, size_t i);
DYAD_API size_t dyad_doc_sentence_count(const dyad_doc *doc);
DYAD_API dyad_sentence dyad_doc_sentence(const dyad_doc *doc, size_t i);
/* Returns 1 and fills *out if the text opens with a dateline, else 0. */
DYAD_API int dyad_doc_dateline(const dyad_doc *doc, dyad_dateline *out);
DYAD_API dyad_text_stats dyad_doc_stats(const dyad_doc *doc);
/* The text last analysed (borrowed from the caller of dyad_doc_analyze). */
DYAD_API dyad_str dyad_doc_text(const dyad_doc *doc);

/* Largest article, in bytes, that dyad_doc_analyze accepts. */
DYAD_API size_t dyad_max_article_bytes(void);

/* ## Output */

/* Output sink: write n bytes at p; return 0 on success, non-zero to stop. */
typedef int (*dyad_write_fn)(void *ctx, const char *p, size_t n);

typedef enum dyad_render_format {
	DYAD_RENDER_TEXT = 0, /* tab-separated lines for people and shell tools */
	DYAD_RENDER_JSON      /* one JSON object per line */
} dyad_render_format;

/*
 * Write the sentences of `doc` (analysed from article->text). TEXT: one line
 * per sentence "id TAB index TAB start TAB end TAB text", whitespace in the
 * text collapsed to single spaces; a dateline is a line with "dateline" in
 * place of the index. JSON: one object per sentence with keys article,
 * index, start, end, text (text repaired, otherwise exact), plus dateline on
 * the first sentence when there is one. Returns DYAD_ERR_IO if write fails.
 */
DYAD_API dyad_status dyad_render_sentences(const dyad_doc *doc, const dyad_article *article,
                                           dyad_render_format format, dyad_write_fn write,
                                           void *ctx);

/*
 * Write the tokens of `doc`. TEXT: "id TAB sentence TAB start TAB end TAB
 * class TAB text TAB norm" per token. JSON: one object per token.
 */
DYAD_API dyad_status dyad_render_tokens(const dyad_doc *doc, const dyad_article *article,
                                        dyad_render_format format, dyad_write_fn write, void *ctx);

/* The name of a token class: "word", "number", "punct", ... Static string. */
DYAD_API const char *dyad_token_class_name(dyad_token_class cls);

/* ## Dictionaries */

/*
 * A dictionary: actors (countries, people, organisations, armed groups),
 * agents (roles such as "foreign minister" that combine with a country) and
 * titles, loaded from files in our format (docs/dictionaries.md) or in the
 * TABARI and PETRARCH formats. Load every file, then use it: the first use
 * compiles it, after which it is read-only and may be shared by threads.
 */
typedef struct dyad_dict dyad_dict;

typedef enum dyad_dict_format {
	DYAD_DICT_AUTO = 0,    /* ours if it has "entry" lines, else by file name */
	DYAD_DICT_DYAD,        /* our format */
	DYAD_DICT_PEER_ACTORS, /* TABARI .actors, PETRARCH/Phoenix *.actors.txt */
	DYAD_DICT_PEER_AGENTS  /* TABARI .agents, PETRARCH/Phoenix agents */
} dyad_dict_format;

typedef struct dyad_dict_stats {
	uint64_t files;
	uint64_t entries;       /* actors, agents and titles */
	uint64_t phrases;       /* names, aliases, adjectives, capitals */
	uint64_t codes;         /* codes, dated or not */
	uint64_t lines;         /* lines read */
	uint64_t lines_skipped; /* lines not understood (each reported) */
	uint64_t verbs;         /* verb blocks */
	uint64_t patterns;      /* verb patterns and default codes */
	uint64_t discards;      /* discard phrases */
} dyad_dict_stats;

/* Called for each problem found while loading; the line is skipped and
 * loading goes on. `e` is valid only during the call. */
typedef void (*dyad_diag_fn)(void *ctx, const dyad_error *e);

DYAD_API dyad_dict *dyad_dict_new(const dyad_allocator *alloc);
DYAD_API void dyad_dict_free(dyad_dict *dict);
DYAD_API void dyad_dict_set_diag(dyad_dict *dict, dyad_diag_fn fn, void *ctx);

/*
 * Load a dictionary file (or text in memory, named `name` in messages).
 * Returns DYAD_OK even when some lines were skipped (they are reported to
 * the diag function and counted); DYAD_ERR_IO if the file cannot be read,
 * DYAD_ERR_NOMEM, or DYAD_ERR_ARG after the dictionary was compiled.
 */
DYAD_API dyad_status dyad_dict_load(dyad_dict *dict, const char *path, dyad_dict_format format,
                                    dyad_error *err);
DYAD_API dyad_status dyad_dict_load_mem(dyad_dict *dict, const char *name, const char *text,
                                        size_t len, dyad_dict_format format, dyad_error *err);
/*
 * Load every "*.txt" file in `dir`, in name order, as DYAD_DICT_AUTO.
 * *nfiles (if given) receives the number loaded. Returns the first error of
 * a file that could not be read (the others are still loaded) or
 * DYAD_ERR_IO if the directory cannot be opened.
 */
DYAD_API dyad_status dyad_dict_load_dir(dyad_dict *dict, const char *dir, size_t *nfiles,
                                        dyad_error *err);
/* Compile now (otherwise done on first use); returns DYAD_ERR_NOMEM if
 * memory runs out. */
DYAD_API dyad_status dyad_dict_compile(dyad_dict *dict, dyad_error *err);
DYAD_API dyad_dict_stats dyad_dict_get_stats(const dyad_dict *dict);

/*
 * Is `word` a form of a verb the dictionary knows ("met", "withdrew",
 * "raising")? Returns 1 and fills *lemma (borrowed from the dictionary)
 * if so, else 0. Compiles the dictionary if needed. ASCII case is ignored.
 */
DYAD_API int dyad_dict_verb_lemma(dyad_dict *dict, const char *word, size_t len, dyad_str *lemma);

/* ## Actor mentions */

typedef enum dyad_mention_how {
	DYAD_HOW_EXACT = 0, /* a name in the dictionary, as written */
	DYAD_HOW_VARIANT,   /* another spelling of a name (transliteration, hyphens, al-) */
	DYAD_HOW_SURNAME,   /* a surname alone, after the full name in the article */
	DYAD_HOW_COREF,     /* a pronoun or role phrase naming an actor named before */
	DYAD_HOW_AGENT      /* a role combined with a country: "Iraqi police" */
} dyad_mention_how;

#define DYAD_MENTION_LOCATIVE (1u << 0) /* after in/at/to/from...: a place as much as an actor */

/*
 * One actor mention. `code` is the CAMEO-style code at the article's date;
 * `entry` the dictionary entry's id ("person:ebrahim-raisi"; for agents
 * combined with a country, the agent's); `name` its canonical name. Views
 * are borrowed from the document and the dictionary: valid until the next
 * dyad_doc_analyze / dyad_doc_find_actors, and while the dictionary lives.
 */
typedef struct dyad_mention {
	size_t sentence;
	size_t start, end;
	size_t first_token, ntokens;
	dyad_str code;
	dyad_str entry;
	dyad_str name;
	dyad_mention_how how;
	unsigned flags;
} dyad_mention;

/*
 * Find the actors in an analysed document. `date` is the article's date
 * ("YYYY-MM-DD", or NULL / "" when unknown): it chooses each person's code
 * by the office held then. Compiles the dictionary if needed.
 */
DYAD_API dyad_status dyad_doc_find_actors(dyad_doc *doc, dyad_dict *dict, const char *date,
                                          dyad_error *err);
DYAD_API size_t dyad_doc_mention_count(const dyad_doc *doc);
DYAD_API dyad_mention dyad_doc_mention(const dyad_doc *doc, size_t i);
/* "exact", "variant", "surname", "coreference", "agent". Static string. */
DYAD_API const char *dyad_mention_how_name(dyad_mention_how how);

/*
 * Write the mentions of `doc`. TEXT: "id TAB sentence TAB start TAB end TAB
 * text TAB code TAB entry TAB how" per mention. JSON: one object per
 * mention with the keys article, sentence, start, end, text, code, entry,
 * how.
 */
DYAD_API dyad_status dyad_render_actors(const dyad_doc *doc, const dyad_article *article,
                                        dyad_render_format format, dyad_write_fn write, void *ctx);

/* ## Events */

/* Event flags */
#define DYAD_EVENT_PASSIVE (1u << 0) /* "was attacked by": source after the verb */
#define DYAD_EVENT_INTENT  (1u << 1) /* "will visit", "plans to": coded as intent */
#define DYAD_EVENT_THREAT  (1u << 2) /* "threatened to strike": coded as a threat */
#define DYAD_EVENT_DEFAULT (1u << 3) /* the verb's default code (no pattern matched) */

/*
 * One event: who did what to whom in a sentence, with the spans of the
 * words that support each part. Codes are borrowed from the document and
 * the dictionary (valid until the next analyze / find_actors / code_events,
 * and while the dictionary lives).
 */
typedef struct dyad_event {
	size_t sentence;
	dyad_str source, target;             /* actor codes at the article's date */
	dyad_str source_entry, target_entry; /* dictionary entries */
	dyad_str code;                       /* CAMEO event code, leading zero kept */
	size_t source_start, source_end;     /* byte spans of the evidence */
	size_t verb_start, verb_end;
	size_t target_start, target_end;
	unsigned flags; /* DYAD_EVENT_* */
} dyad_event;

/*
 * Code the events of a document whose actors were found with
 * dyad_doc_find_actors (with the same dictionary, which must hold verb
 * patterns). Sentences with a discard phrase are skipped.
 */
DYAD_API dyad_status dyad_doc_code_events(dyad_doc *doc, dyad_dict *dict, dyad_error *err);
DYAD_API size_t dyad_doc_event_count(const dyad_doc *doc);
DYAD_API dyad_event dyad_doc_event(const dyad_doc *doc, size_t i);

/* ## CAMEO codes */

/*
 * The CAMEO event code table (data/cameo/cameo.tsv): for each code its
 * name, root, quad class, Goldstein score and PLOVER event type. Read-only
 * once loaded; may be shared by threads.
 */
typedef struct dyad_cameo dyad_cameo;

typedef struct dyad_cameo_code {
	dyad_str code;        /* "043", leading zero kept */
	dyad_str root;        /* "04" */
	dyad_str name;        /* "Host a visit" */
	dyad_str plover;      /* "CONSULT"; empty when PLOVER drops the code */
	dyad_str plover_mode; /* may be empty */
	int quad;             /* 1 verbal cooperation .. 4 material conflict */
	double goldstein;     /* -10 .. +10 */
} dyad_cameo_code;

/*
 * Load the table from a tab-separated file with the header
 * "code root quad goldstein plover plover_mode name". Bad lines are
 * reported to `diag` (may be NULL) with file:line and skipped. On success
 * *out holds a table the caller frees with dyad_cameo_free.
 */
DYAD_API dyad_status dyad_cameo_load(dyad_cameo **out, const char *path,
                                     const dyad_allocator *alloc, dyad_diag_fn diag, void *diag_ctx,
                                     dyad_error *err);
DYAD_API dyad_status dyad_cameo_load_mem(dyad_cameo **out, const char *name, const char *text,
                                         size_t len, const dyad_allocator *alloc, dyad_diag_fn diag,
                                         void *diag_ctx, dyad_error *err);
DYAD_API void dyad_cameo_free(dyad_cameo *table);
DYAD_API size_t dyad_cameo_count(const dyad_cameo *table);
/* Look a code up ("043"); returns 1 and fills *out if known, else 0. Views
 * are borrowed from the table. */
DYAD_API int dyad_cameo_lookup(const dyad_cameo *table, const char *code, size_t len,
                               dyad_cameo_code *out);
/* The i-th code in table order (sorted by code). */
DYAD_API dyad_cameo_code dyad_cameo_at(const dyad_cameo *table, size_t i);

/* ## Event output */

/*
 * Write the events of `doc`. JSON: one object per event with the keys
 * article, sentence, date, source, target, code, root, quad, goldstein,
 * plover, source_entry, target_entry, flags (a list: passive, intent,
 * threat, default) and evidence {source, verb, target: {start, end,
 * text}}. TEXT: tab-separated values in the order of
 * dyad_events_tsv_header(). `cameo` gives root, quad, Goldstein and PLOVER
 * (NULL: root only; quad and Goldstein empty).
 */
DYAD_API dyad_status dyad_render_events(const dyad_doc *doc, const dyad_article *article,
                                        const dyad_cameo *cameo, dyad_render_format format,
                                        dyad_write_fn write, void *ctx);
/* The header line of the tab-separated event format, with its newline. */
DYAD_API const char *dyad_events_tsv_header(void);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
