/*
 * limits.h -- every limit in dyad, in one place, each with why.
 *
 * Hitting a limit is never a crash and never a silent cut: the stage that
 * hits it returns DYAD_ERR_LIMIT with a message, or (for sentences) cuts and
 * counts the cut in the document's statistics. Each value can be overridden
 * at build time with -DNAME=value.
 */
#ifndef DYAD_LIMITS_H
#define DYAD_LIMITS_H

/*
 * Largest article text in bytes. A long news article is 20-50 KB; a whole
 * book is under 2 MB. 16 MiB leaves room for transcripts and wire digests
 * while bounding one article's memory (tokens take about 3x the text).
 * Offsets are stored in 32 bits, so this must stay below 4 GiB.
 */
#ifndef DYAD_MAX_ARTICLE_BYTES
#define DYAD_MAX_ARTICLE_BYTES (16u * 1024u * 1024u)
#endif

/*
 * Largest input record (one JSONL line) in bytes. JSON escaping can make a
 * text up to 6x longer (\u00e9 for one two-byte character), so a record may
 * be bigger than the article it holds. Longer lines are skipped whole
 * without being held in memory.
 */
#ifndef DYAD_MAX_RECORD_BYTES
#define DYAD_MAX_RECORD_BYTES (64u * 1024u * 1024u)
#endif

/*
 * Deepest JSON nesting accepted in a record. An article record is flat;
 * nesting appears only in extra fields we skip. The parser recurses once per
 * level, so this bounds the stack.
 */
#ifndef DYAD_MAX_JSON_DEPTH
#define DYAD_MAX_JSON_DEPTH 64
#endif

/*
 * Most tokens in one sentence. Real sentences stay under 150 tokens; text
 * with no punctuation at all (tables, lists of names) can run to thousands.
 * Later stages look at token pairs within a sentence, so the bound keeps
 * their work linear in the article. A longer run is cut here and the cut is
 * counted (DYAD_SENTENCE_CUT).
 */
#ifndef DYAD_MAX_SENTENCE_TOKENS
#define DYAD_MAX_SENTENCE_TOKENS 400
#endif

/*
 * Longest token in bytes. Longer runs of letters (base64 blobs, minified
 * scripts that survived scraping) are cut into several tokens, which keeps
 * the normalised form of a token within a small buffer.
 */
#ifndef DYAD_MAX_TOKEN_BYTES
#define DYAD_MAX_TOKEN_BYTES 256
#endif

/*
 * Longest URL, e-mail address or domain taken as one token. Lookahead for
 * URLs stops here, which keeps tokenizing linear on a long run of letters
 * or dots with no space in it. Real URLs in news stay under 300 bytes.
 */
#ifndef DYAD_MAX_URL_BYTES
#define DYAD_MAX_URL_BYTES 2048
#endif

/* Longest string field other than text (id, date, title, source, url). */
#ifndef DYAD_MAX_FIELD_BYTES
#define DYAD_MAX_FIELD_BYTES (64u * 1024u)
#endif

#if DYAD_MAX_ARTICLE_BYTES >= 0xFFFFFFFFu
#error "DYAD_MAX_ARTICLE_BYTES must fit token offsets stored in 32 bits"
#endif
#if DYAD_MAX_SENTENCE_TOKENS < 16
#error "DYAD_MAX_SENTENCE_TOKENS is too small for real sentences"
#endif
#if DYAD_MAX_TOKEN_BYTES < 32 || DYAD_MAX_TOKEN_BYTES > 4096
#error "DYAD_MAX_TOKEN_BYTES out of range"
#endif

#endif /* DYAD_LIMITS_H */
