/*
 * dyad_int.h -- declarations shared inside the library, grouped by the file
 * that defines them, in pipeline order. Nothing outside src/ includes this.
 */
#ifndef DYAD_INT_H
#define DYAD_INT_H

#define DYAD_BUILDING_LIBRARY 1
#include "dyad/dyad.h"
#include "limits.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(__GNUC__)
#define DYAD_LIKELY(x)   __builtin_expect(!!(x), 1)
#define DYAD_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define DYAD_NODISCARD   __attribute__((warn_unused_result))
#else
#define DYAD_LIKELY(x)   (x)
#define DYAD_UNLIKELY(x) (x)
#define DYAD_NODISCARD
#endif

/* mem.c */
void *mem_alloc(const dyad_allocator *a, size_t n);
void *mem_realloc(const dyad_allocator *a, void *p, size_t n);
void mem_free(const dyad_allocator *a, void *p);
char *mem_strdup(const dyad_allocator *a, const char *s);
/* Grow the array *p of *cap elements of size `elem` to hold at least `need`
 * elements (doubling). Returns DYAD_OK, or DYAD_ERR_NOMEM leaving *p. */
DYAD_NODISCARD dyad_status mem_grow(const dyad_allocator *a, void **p, size_t *cap, size_t need,
                                    size_t elem);

/* buf.c: an owned, growable byte buffer with a hard cap (curl's dynbuf). */
typedef struct buf {
	char *p;
	size_t n, cap, max;
	const dyad_allocator *a;
} buf;
void buf_init(buf *b, const dyad_allocator *a, size_t max);
void buf_free(buf *b);
static inline void buf_clear(buf *b)
{
	b->n = 0;
}
DYAD_NODISCARD dyad_status buf_reserve(buf *b, size_t extra);
DYAD_NODISCARD dyad_status buf_append(buf *b, const void *p, size_t n);
/* Read the whole file at path into b (initialised, empty); on failure b is
 * freed and err says why (path, "read error" or "too large"). */
DYAD_NODISCARD dyad_status buf_read_file(buf *b, const char *path, dyad_error *err);
/* Append one byte; inline because the tokenizer calls it per letter. */
DYAD_NODISCARD static inline dyad_status buf_putc(buf *b, char c)
{
	if (DYAD_LIKELY(b->n < b->cap)) {
		b->p[b->n++] = c;
		return DYAD_OK;
	}
	return buf_append(b, &c, 1);
}

/* error.c */
void error_set(dyad_error *err, dyad_status code, const char *msg, const char *origin,
               uint64_t line, uint64_t byte);

/* utf8.c: decoding with repair, and the character classes the tokenizer uses. */
#define UTF8_REPLACEMENT 0xFFFDu
/* Decode the code point at s[0..n), n >= 1. Returns bytes consumed (1-4).
 * An invalid or truncated sequence yields U+FFFD for its maximal subpart
 * and sets *bad. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *bad);
/* Encode cp (must be a scalar value) into out; returns 1-4. */
size_t utf8_encode(uint32_t cp, char *out);

typedef enum char_class {
	CC_SPACE,    /* space, tab, no-break space and the like */
	CC_LF,       /* line feed, next line, line separator */
	CC_CR,       /* carriage return (CR LF counts as one break) */
	CC_PARA,     /* paragraph separator U+2029 */
	CC_NUL,      /* NUL byte: dropped */
	CC_JOINER,   /* soft hyphen, ZWJ, ZWNJ, word joiner: inside words, no trace */
	CC_BREAK,    /* zero-width space, BOM: separates tokens, no space */
	CC_CTRL,     /* other control characters: treated as space */
	CC_UPPER,    /* letters: upper or title case */
	CC_LOWER,    /* lower case */
	CC_LETTER,   /* letters without case (Arabic, CJK, ...) and modifiers */
	CC_MARK,     /* combining marks */
	CC_DIGIT,    /* decimal digits of any script */
	CC_REPL,     /* U+FFFD, from repair or in the input */
	CC_APOS,     /* ' ’ ʼ : apostrophe or single quote */
	CC_SQ_OPEN,  /* ‘ ‚ ‹ : opening single quote (or ʿayn inside a word) */
	CC_DQ,       /* " : straight double quote, direction from context */
	CC_Q_OPEN,   /* “ „ « 「 『 */
	CC_Q_CLOSE,  /* ” » › 」 』 */
	CC_HYPHEN,   /* - ‐ ‑ */
	CC_DASH,     /* – — ― − ‒ */
	CC_PERIOD,   /* . */
	CC_TERM,     /* ! ? and other scripts' sentence enders */
	CC_FULLSTOP, /* 。 ۔ : full stops of other scripts */
	CC_ELLIPSIS, /* … */
	CC_COMMA,    /* , ، 、 */
	CC_COLON,    /* : ; */
	CC_OPEN,     /* ( [ { */
	CC_CLOSE,    /* ) ] } */
	CC_AMP,      /* & */
	CC_AT,       /* @ */
	CC_SLASH,    /* / */
	CC_PUNCT,    /* other punctuation */
	CC_SYMBOL    /* currency, maths, emoji and other symbols */
} char_class;

/* Class of one code point (not for ASCII: use utf8_ascii_class). */
char_class utf8_class(uint32_t cp);
extern const uint8_t utf8_ascii_class[128];

/* norm.c: the normalised form of text, for matching. */
/* Append the normalised form of code point cp to out. */
DYAD_NODISCARD dyad_status norm_codepoint(buf *out, uint32_t cp);
/* Lower-case table for ASCII. */
extern const unsigned char norm_ascii_lower[256];

/* tokens.c: tokenizer. */
typedef enum tok_kind {
	TK_NONE = 0,
	TK_PERIOD,   /* . */
	TK_TERM,     /* ! ? and runs like ?! */
	TK_FULLSTOP, /* full stop of another script: always ends */
	TK_ELLIPSIS, /* ... or … */
	TK_COMMA,
	TK_COLON,    /* : */
	TK_SEMI,     /* ; */
	TK_DASH,     /* - – — -- */
	TK_ABBREV,   /* U.S., a.m.: word ending in a period */
	TK_BULLET,   /* • ▪ ● · and similar list marks */
	TK_OPEN_MARK /* ¿ ¡ : marks that open a sentence */
} tok_kind;

/* Internal token flags above the public ones. */
#define TOK_SOFT_LINE (1u << 12) /* the line break before is inside a wrapped paragraph */

typedef struct tok {
	uint32_t start, end; /* bytes of the original text */
	uint32_t norm;       /* offset of the normalised form in doc->norm */
	uint32_t norm_len;
	uint16_t flags; /* DYAD_TOKEN_* and TOK_* */
	uint8_t cls;    /* dyad_token_class */
	uint8_t kind;   /* tok_kind */
} tok;

typedef struct sent {
	uint32_t start, end;
	uint32_t first, ntok;
	uint32_t flags;
} sent;

/* A key for matching: one name part, folded by translit.c. */
typedef struct key_item {
	uint64_t key;        /* hash of the folded part */
	uint32_t tok;        /* token it comes from */
	uint32_t start, end; /* the part's bytes in the text */
	uint32_t lead;       /* where the part starts with its skipped article ("al-Assad") */
	uint32_t norm;       /* the part's exact normalised form: offset in doc->norm */
	uint16_t norm_len;
	uint16_t article; /* hash of an Arabic article skipped before it (al-, ash-), 0 none */
	uint8_t caps;     /* KEY_CAP, KEY_UPPER: case of the part in the text */
} key_item;
#define KEY_CAP    1u
#define KEY_UPPER  2u
#define KEY_JOINED 4u /* joined to the previous part by a hyphen */

typedef struct mention {
	uint32_t sentence;
	uint32_t first, ntok;    /* tokens */
	uint32_t start, end;     /* bytes: a part of a token in "Syria-Iraq" */
	uint32_t entry;          /* dictionary entry */
	uint32_t code, code_len; /* in doc->strs */
	uint8_t how;
	uint8_t flags;
} mention;

struct dyad_doc {
	dyad_allocator alloc;
	const char *text;
	size_t len;
	tok *toks;
	size_t ntoks, cap_toks;
	sent *sents;
	size_t nsents, cap_sents;
	buf norm;
	dyad_dateline dateline;
	size_t dateline_end_tok; /* first token after the dateline */
	bool has_dateline;
	dyad_text_stats stats;
	/* actors.c */
	mention *ments;
	size_t nments, cap_ments;
	buf strs;                     /* mention codes */
	const struct dyad_dict *dict; /* the dictionary the mentions point into */
	key_item *keys;               /* scratch: keys of one sentence */
	size_t nkeys, cap_keys;
	struct local_name *names; /* surnames seen in this article */
	size_t nnames, cap_names;
	struct raw_match *raws;   /* scratch: dictionary matches in one sentence */
	struct event_rec *events; /* coder.c */
	size_t nevents, cap_events;
	size_t nraws, cap_raws;
};

DYAD_NODISCARD dyad_status tok_tokenize(dyad_doc *d);
/* The normalised form of token t. */
static inline dyad_str tok_norm(const dyad_doc *d, const tok *t)
{
	dyad_str s = {d->norm.p + t->norm, t->norm_len};
	return s;
}
static inline bool tok_is(const dyad_doc *d, const tok *t, const char *lit, size_t n)
{
	return t->norm_len == n && __builtin_memcmp(d->norm.p + t->norm, lit, n) == 0;
}
#define TOK_IS(d, t, lit) tok_is((d), (t), lit, sizeof(lit) - 1)

/* sentences.c: sentence boundaries and datelines. */
void sent_find_dateline(dyad_doc *d);
DYAD_NODISCARD dyad_status sent_split(dyad_doc *d);

/* translit.c: variant keys for names. */
/* Fold one name part (normalised, lower case) to its variant key and hash
 * it: "Nakhaleh", "Nakhalah" and "Nakhala" give one key. */
uint64_t translit_key(const char *p, size_t n);
/* Hash of an exact string (for punctuation and other non-name tokens). */
uint64_t translit_hash(const char *p, size_t n);
/* Is this part an Arabic article (al, el, ash, ...) to skip before a name? */
bool translit_is_particle(const char *p, size_t n);
/* The key items of tokens [first, first + n) of an analysed document. */
DYAD_NODISCARD dyad_status translit_keys(const dyad_doc *d, size_t first, size_t n,
                                         key_item **items, size_t *nitems, size_t *cap,
                                         const dyad_allocator *a);

/* dict.c, dict_ours.c, dict_peer.c: dictionaries. */
typedef enum entry_kind {
	EK_OTHER = 0,
	EK_COUNTRY,
	EK_PERSON,
	EK_IGO,
	EK_GROUP,
	EK_AGENT,
	EK_TITLE
} entry_kind;

typedef enum phrase_role { PR_NAME = 0, PR_ALIAS, PR_ADJ, PR_CAPITAL } phrase_role;

typedef enum office {
	OFF_NONE = 0,
	OFF_HEAD_OF_STATE,
	OFF_PRESIDENT,
	OFF_VICE_PRESIDENT,
	OFF_KING,
	OFF_QUEEN,
	OFF_EMIR,
	OFF_SULTAN,
	OFF_SUPREME_LEADER,
	OFF_HEAD_OF_GOVERNMENT,
	OFF_PRIME_MINISTER,
	OFF_CHANCELLOR,
	OFF_FOREIGN_MINISTER,
	OFF_DEFENCE_MINISTER,
	OFF_INTERIOR_MINISTER,
	OFF_ARMY_CHIEF,
	OFF_SPEAKER,
	OFF_CHIEF_JUSTICE,
	OFF_HEAD_OF_JUDICIARY,
	OFF_OPPOSITION_LEADER,
	OFF_LEADER,
	OFF_SECRETARY_GENERAL,
	OFF_CHAIR,
	OFF_SPOKESPERSON,
	OFF_COUNT
} office;
office office_from_name(const char *p, size_t n);

typedef struct dict_code {
	uint32_t code;     /* string offset (NUL-terminated) */
	uint32_t from, to; /* yyyymmdd, inclusive */
	uint8_t office;
	uint8_t dated;
} dict_code;

typedef struct dict_entry {
	uint32_t id, name; /* string offsets */
	uint32_t first_code, ncodes;
	uint32_t parent_id; /* string offset of the parent's id, or 0 */
	int32_t parent;     /* entry index once compiled, or -1 */
	uint32_t file, line;
	uint32_t name_phrase; /* index of the phrase holding the canonical name */
	uint8_t kind;
	uint8_t flags;
} dict_entry;
#define ENTRY_AMBIGUOUS 1u /* its name is also a common word or first name */

typedef struct dict_phrase {
	uint32_t entry;
	uint32_t text;     /* the phrase as written, string offset */
	uint32_t first, n; /* its tokens in dict->ptoks, after compiling */
	uint32_t next;     /* next phrase with the same key sequence, or UINT32_MAX */
	uint8_t role;
} dict_phrase;

typedef struct dict_ptok {
	uint64_t key;
	uint32_t norm; /* exact norm (string offset) */
	uint16_t norm_len;
	uint8_t req;      /* REQ_* */
	uint16_t article; /* as in key_item */
	uint8_t joined;   /* KEY_JOINED as written in the dictionary */
} dict_ptok;
/* What a phrase token asks of the text (bits). */
#define REQ_SAME  1u /* the same word (lower-case dictionary words, countries, acronyms) */
#define REQ_CAP   2u /* capitalised in the text (names) */
#define REQ_UPPER 4u /* in capitals in the text (acronyms) */

typedef struct dict_slot {
	uint64_t h;      /* hash of a key sequence; 0 = empty */
	uint32_t phrase; /* first phrase with exactly this sequence, or UINT32_MAX */
	uint32_t prefix; /* non-zero if some longer phrase starts with it */
} dict_slot;

/* Verb patterns (dict_ours.c reads them; the event coder uses them). */
typedef enum verb_elem_type { VE_VERB = 0, VE_SOURCE, VE_TARGET, VE_WORDS } verb_elem_type;

typedef struct verb_elem {
	uint8_t type;     /* verb_elem_type */
	uint8_t adjacent; /* must follow the previous element directly */
	uint32_t alts;    /* VE_WORDS: alternatives, "in talks|with", string offset */
} verb_elem;

typedef struct verb_pattern {
	uint32_t block;    /* its verb block */
	uint32_t code;     /* event code, string offset */
	uint32_t first, n; /* elements in dict->velems */
	uint16_t words;    /* literal words: the more, the more specific */
	uint32_t line;
} verb_pattern;

typedef struct verb_block {
	uint32_t lemma;    /* "meet", "hold" */
	uint32_t words;    /* literal words after the verb in a phrase ("talks"), or 0 */
	uint32_t code;     /* default event code, or 0 */
	uint32_t first, n; /* patterns in dict->vpats */
	uint32_t file, line;
	uint32_t next; /* the next block with the same lemma, or UINT32_MAX */
} verb_block;

typedef struct verb_form {
	uint32_t form, lemma; /* an irregular form and its lemma */
} verb_form;

struct dyad_dict {
	dyad_allocator alloc;
	buf strings;
	dict_entry *entries;
	size_t nentries, cap_entries;
	dict_code *codes;
	size_t ncodes, cap_codes;
	dict_phrase *phrases;
	size_t nphrases, cap_phrases;
	dict_ptok *ptoks;
	size_t nptoks, cap_ptoks;
	dict_slot *slots;
	size_t nslots;   /* power of two */
	uint32_t *files; /* string offsets of file names */
	size_t nfiles, cap_files;
	size_t max_phrase; /* most keys in a phrase */
	verb_block *vblocks;
	size_t nvblocks, cap_vblocks;
	verb_pattern *vpats;
	size_t nvpats, cap_vpats;
	verb_elem *velems;
	size_t nvelems, cap_velems;
	verb_form *vforms;
	size_t nvforms, cap_vforms;
	uint32_t *discards; /* string offsets of discard phrases */
	size_t ndiscards, cap_discards;
	uint32_t *vindex; /* open addressing: lemma -> first verb block (UINT32_MAX empty) */
	uint32_t *findex; /* open addressing: irregular form -> index in vforms */
	size_t nfindex;   /* power of two */
	size_t nvindex;   /* power of two, 0 until compiled */
	dyad_dict_stats stats;
	dyad_diag_fn diag;
	void *diag_ctx;
	bool compiled;
};

/* dict.c, for the readers */
DYAD_NODISCARD dyad_status dict_str(dyad_dict *d, const char *p, size_t n, uint32_t *off);
static inline const char *dict_s(const dyad_dict *d, uint32_t off)
{
	return d->strings.p + off;
}
DYAD_NODISCARD dyad_status dict_add_entry(dyad_dict *d, const char *id, size_t idn, entry_kind kind,
                                          uint32_t file, uint32_t line);
DYAD_NODISCARD dyad_status dict_add_phrase(dyad_dict *d, const char *p, size_t n, phrase_role role);
DYAD_NODISCARD dyad_status dict_add_code(dyad_dict *d, const char *code, size_t n, uint32_t from,
                                         uint32_t to, office off);
void dict_report(dyad_dict *d, uint32_t file, uint64_t line, uint64_t byte, const char *msg);
/* Where a dictionary reader is: the line being read, for messages. */
typedef struct dict_line {
	dyad_dict *d;
	uint32_t file;
	uint64_t lineno;
	const char *start; /* first byte of the line */
} dict_line;
/* Report a problem at byte `at` of the current line; the line is skipped. */
void dict_bad(const dict_line *l, const char *at, const char *msg);
static inline bool dict_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}
/* Date "YYYY-MM-DD", "YYYY-MM", "YYYY" as yyyymmdd; `end` picks the last day
 * for partial dates. Returns false if not a date. */
bool dict_date(const char *p, size_t n, bool end, uint32_t *out);
/* The code of entry e at date yyyymmdd (0: unknown); NULL if none. */
const dict_code *dict_code_at(const dyad_dict *d, const dict_entry *e, uint32_t date);
/* Phrases whose whole key sequence hashes to h, and whether a longer one
 * continues it. */
const dict_slot *dict_lookup(const dyad_dict *d, uint64_t h);
uint64_t dict_seq_hash(uint64_t h, uint64_t key);
dyad_status dict_parse_ours(dyad_dict *d, uint32_t file, const char *text, size_t len);
/* lemma.c: verb lemmas. */
/* Index the verb blocks by lemma (called by dyad_dict_compile). */
DYAD_NODISCARD dyad_status lemma_index(dyad_dict *d);
/* The first verb block whose lemma is `lemma`, or UINT32_MAX. */
uint32_t lemma_block(const dyad_dict *d, const char *lemma, size_t n);
/* If the normalised word w (lower case) is a form of a verb the dictionary
 * knows, return its first block (else UINT32_MAX): w itself, an irregular
 * form (built-in table or the dictionary's `forms`), or w with an
 * inflection removed (-s, -es, -ies, -ed, -ied, -ing, doubled consonants,
 * a dropped final e). */
uint32_t lemma_verb(const dyad_dict *d, const char *w, size_t n);

/* dict_verbs.c: the verb directives of our format. verbs_block returns
 * DYAD_ERR_SYNTAX (already reported) when the block could not start. */
dyad_status verbs_block(dyad_dict *d, const dict_line *l, const char *p, const char *end);
dyad_status verbs_forms(dyad_dict *d, const dict_line *l, const char *p, const char *end);
dyad_status verbs_code(dyad_dict *d, const dict_line *l, const char *p, const char *end);
dyad_status verbs_pattern(dyad_dict *d, const dict_line *l, const char *p, const char *end);
dyad_status verbs_discard(dyad_dict *d, const dict_line *l, const char *p, const char *end);
dyad_status dict_parse_peer(dyad_dict *d, uint32_t file, const char *text, size_t len, bool agents);

/* json.c: a strict JSON reader for one record held in memory. */
typedef struct json_cursor {
	const char *p, *end, *start;
	int depth;
	const char *err_msg; /* static; set on the first error */
	const char *err_at;
} json_cursor;
void json_init(json_cursor *c, const char *p, size_t n);
void json_skip_ws(json_cursor *c);
/* Decode the string at the cursor (which must be at '"') into out.
 * Invalid escapes are errors; lone surrogates become U+FFFD. */
bool json_string(json_cursor *c, buf *out);
/* Skip any value, nested at most DYAD_MAX_JSON_DEPTH deep. */
bool json_skip_value(json_cursor *c);
bool json_fail(json_cursor *c, const char *msg);
bool json_expect(json_cursor *c, char ch);
bool json_number_text(json_cursor *c, buf *out);
/* Write s as a JSON string (with quotes) to out, repairing invalid UTF-8 and
 * dropping NUL bytes. */
DYAD_NODISCARD dyad_status json_write_string(buf *out, const char *s, size_t n);

/* ingest.c: readers, line splitting, format detection. */
struct dyad_reader {
	dyad_allocator alloc;
	char *origin; /* input name, for messages and text ids */
	dyad_format format;
	FILE *fp; /* file input, or NULL */
	bool close_fp;
	const char *mem; /* memory input */
	size_t mem_len, mem_pos;
	char *chunk; /* read buffer */
	size_t chunk_pos, chunk_len;
	bool eof;  /* source exhausted */
	bool done; /* no more records (EOF or a fatal error) */
	buf line;  /* a line that spans chunks */
	uint64_t lineno;
	buf f_id, f_date, f_title, f_source, f_url, f_text; /* the record's fields */
	buf key;
	size_t date_at; /* byte of the date value in the current line */
	dyad_reader_stats stats;
};
/* Next line of the input without its line break (and CR). Returns DYAD_OK
 * with *p, *n; DYAD_EOF; DYAD_ERR_LIMIT for a line longer than
 * DYAD_MAX_RECORD_BYTES (skipped whole); DYAD_ERR_IO or _NOMEM. */
DYAD_NODISCARD dyad_status ingest_line(dyad_reader *r, const char **p, size_t *n);
/* Read the rest of the input into r->f_text (at most DYAD_MAX_ARTICLE_BYTES). */
DYAD_NODISCARD dyad_status ingest_all(dyad_reader *r);
/* Normalise a date ("2023-06-19", "2023-06-19T08:00:00Z", "20230619") to
 * YYYY-MM-DD in out (11 bytes). Returns false if it is not a valid date. */
bool ingest_date(const char *s, size_t n, char out[11]);

/* ingest_jsonl.c */
dyad_status jsonl_next(dyad_reader *r, dyad_article *a, dyad_error *err);
/* ingest_text.c */
dyad_status text_next(dyad_reader *r, dyad_article *a, dyad_error *err);

/* render.c */
DYAD_NODISCARD dyad_status render_collapsed(buf *out, const char *s, size_t n);
DYAD_NODISCARD dyad_status render_u64(buf *out, uint64_t v);

#endif /* DYAD_INT_H */
