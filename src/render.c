/*
 * render.c -- output of stage 1 (sentences, tokens) as tab-separated text or
 * JSON Lines, through the caller's write function.
 *
 * Text lines are for people and shell tools: one record per line, fields
 * separated by tabs, whitespace inside a field collapsed to one space so a
 * field never holds a tab or a line break. JSON output keeps the text
 * exactly (repaired) so that spans and text agree byte for byte.
 */
#include "dyad_int.h"

#include <string.h>

dyad_status render_u64(buf *out, uint64_t v)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	dyad_status st = buf_reserve(out, n);
	if (st != DYAD_OK)
		return st;
	while (n)
		out->p[out->n++] = tmp[--n];
	return DYAD_OK;
}

static bool collapsible(char_class cc)
{
	return cc == CC_SPACE || cc == CC_LF || cc == CC_CR || cc == CC_PARA || cc == CC_CTRL;
}

dyad_status render_collapsed(buf *out, const char *s, size_t n)
{
	dyad_status st = DYAD_OK;
	bool space = false;
	for (size_t i = 0; i < n && st == DYAD_OK;) {
		uint32_t cp;
		bool bad = false;
		size_t len = utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
		char_class cc = cp < 0x80 ? (char_class)utf8_ascii_class[cp] : utf8_class(cp);
		if (cc == CC_NUL) {
			i += len;
			continue;
		}
		if (collapsible(cc) && !bad) {
			space = true;
			i += len;
			continue;
		}
		if (space && out->n)
			st = buf_putc(out, ' ');
		space = false;
		if (st == DYAD_OK)
			st = bad ? buf_append(out, "\xEF\xBF\xBD", 3) : buf_append(out, s + i, len);
		i += len;
	}
	return st;
}

typedef struct out_ctx {
	buf b;
	dyad_write_fn write;
	void *ctx;
	dyad_status st;
} out_ctx;

static void out_init(out_ctx *o, dyad_write_fn write, void *ctx)
{
	buf_init(&o->b, NULL, (size_t)DYAD_MAX_ARTICLE_BYTES * 8);
	o->write = write;
	o->ctx = ctx;
	o->st = DYAD_OK;
}

static void out_lit(out_ctx *o, const char *s)
{
	if (o->st == DYAD_OK)
		o->st = buf_append(&o->b, s, strlen(s));
}

static void out_num(out_ctx *o, uint64_t v)
{
	if (o->st == DYAD_OK)
		o->st = render_u64(&o->b, v);
}

static void out_json(out_ctx *o, const char *s, size_t n)
{
	if (o->st == DYAD_OK)
		o->st = json_write_string(&o->b, s ? s : "", n);
}

static void out_collapsed(out_ctx *o, const char *s, size_t n)
{
	if (o->st == DYAD_OK)
		o->st = render_collapsed(&o->b, s ? s : "", n);
}

/* Hand the buffered line(s) to the writer. */
static void out_flush(out_ctx *o)
{
	if (o->st == DYAD_OK && o->b.n && o->write(o->ctx, o->b.p, o->b.n) != 0)
		o->st = DYAD_ERR_IO;
	buf_clear(&o->b);
}

static dyad_status out_done(out_ctx *o)
{
	out_flush(o);
	buf_free(&o->b);
	return o->st;
}

static void text_id(out_ctx *o, const dyad_article *a)
{
	out_collapsed(o, a->id.p, a->id.n);
	out_lit(o, "\t");
}

static void json_dateline(out_ctx *o, const dyad_doc *d)
{
	const char *t = d->text;
	const dyad_dateline *dl = &d->dateline;
	out_lit(o, ",\"dateline\":{\"start\":");
	out_num(o, dl->start);
	out_lit(o, ",\"end\":");
	out_num(o, dl->end);
	out_lit(o, ",\"text\":");
	out_json(o, t + dl->start, dl->end - dl->start);
	out_lit(o, ",\"place\":");
	out_json(o, t + dl->place_start, dl->place_end - dl->place_start);
	if (dl->agency_end > dl->agency_start) {
		out_lit(o, ",\"agency\":");
		out_json(o, t + dl->agency_start, dl->agency_end - dl->agency_start);
	}
	out_lit(o, "}");
}

static void text_dateline(out_ctx *o, const dyad_doc *d, const dyad_article *a)
{
	text_id(o, a);
	out_lit(o, "dateline\t");
	out_num(o, d->dateline.start);
	out_lit(o, "\t");
	out_num(o, d->dateline.end);
	out_lit(o, "\t");
	out_collapsed(o, d->text + d->dateline.start, d->dateline.end - d->dateline.start);
	out_lit(o, "\n");
}

dyad_status dyad_render_sentences(const dyad_doc *d, const dyad_article *a,
                                  dyad_render_format format, dyad_write_fn write, void *ctx)
{
	if (!d || !a || !write)
		return DYAD_ERR_ARG;
	out_ctx o;
	out_init(&o, write, ctx);
	bool dateline_done = !d->has_dateline;
	for (size_t i = 0; i < d->nsents && o.st == DYAD_OK; i++) {
		const sent *s = &d->sents[i];
		if (format == DYAD_RENDER_TEXT) {
			if (!dateline_done && d->dateline.start < s->start) {
				text_dateline(&o, d, a);
				dateline_done = true;
			}
			text_id(&o, a);
			out_num(&o, i);
			out_lit(&o, "\t");
			out_num(&o, s->start);
			out_lit(&o, "\t");
			out_num(&o, s->end);
			out_lit(&o, "\t");
			out_collapsed(&o, d->text + s->start, s->end - s->start);
			out_lit(&o, "\n");
		} else {
			out_lit(&o, "{\"article\":");
			out_json(&o, a->id.p, a->id.n);
			out_lit(&o, ",\"index\":");
			out_num(&o, i);
			out_lit(&o, ",\"start\":");
			out_num(&o, s->start);
			out_lit(&o, ",\"end\":");
			out_num(&o, s->end);
			out_lit(&o, ",\"text\":");
			out_json(&o, d->text + s->start, s->end - s->start);
			if (!dateline_done) {
				json_dateline(&o, d);
				dateline_done = true;
			}
			out_lit(&o, "}\n");
		}
		if (o.b.n > 1 << 16)
			out_flush(&o);
	}
	if (format == DYAD_RENDER_TEXT && !dateline_done)
		text_dateline(&o, d, a);
	return out_done(&o);
}

/* Index of the sentence holding token k, advancing *cur through sentences
 * in order; -1 for tokens outside every sentence (the dateline). */
static long sentence_of(const dyad_doc *d, size_t k, size_t *cur)
{
	while (*cur < d->nsents && d->sents[*cur].first + d->sents[*cur].ntok <= k)
		(*cur)++;
	if (*cur < d->nsents && d->sents[*cur].first <= k)
		return (long)*cur;
	return -1;
}

dyad_status dyad_render_tokens(const dyad_doc *d, const dyad_article *a, dyad_render_format format,
                               dyad_write_fn write, void *ctx)
{
	if (!d || !a || !write)
		return DYAD_ERR_ARG;
	out_ctx o;
	out_init(&o, write, ctx);
	size_t cur = 0;
	for (size_t k = 0; k < d->ntoks && o.st == DYAD_OK; k++) {
		const tok *t = &d->toks[k];
		long si = sentence_of(d, k, &cur);
		dyad_str norm = tok_norm(d, t);
		const char *cls = dyad_token_class_name((dyad_token_class)t->cls);
		if (format == DYAD_RENDER_TEXT) {
			text_id(&o, a);
			if (si < 0)
				out_lit(&o, "dateline");
			else
				out_num(&o, (uint64_t)si);
			out_lit(&o, "\t");
			out_num(&o, t->start);
			out_lit(&o, "\t");
			out_num(&o, t->end);
			out_lit(&o, "\t");
			out_lit(&o, cls);
			out_lit(&o, "\t");
			out_collapsed(&o, d->text + t->start, t->end - t->start);
			out_lit(&o, "\t");
			out_collapsed(&o, norm.p, norm.n);
			out_lit(&o, "\n");
		} else {
			out_lit(&o, "{\"article\":");
			out_json(&o, a->id.p, a->id.n);
			out_lit(&o, ",\"sentence\":");
			if (si < 0)
				out_lit(&o, "null");
			else
				out_num(&o, (uint64_t)si);
			out_lit(&o, ",\"start\":");
			out_num(&o, t->start);
			out_lit(&o, ",\"end\":");
			out_num(&o, t->end);
			out_lit(&o, ",\"class\":\"");
			out_lit(&o, cls);
			out_lit(&o, "\",\"text\":");
			out_json(&o, d->text + t->start, t->end - t->start);
			out_lit(&o, ",\"norm\":");
			out_json(&o, norm.p, norm.n);
			out_lit(&o, "}\n");
		}
		if (o.b.n > 1 << 16)
			out_flush(&o);
	}
	return out_done(&o);
}

dyad_status dyad_render_actors(const dyad_doc *d, const dyad_article *a, dyad_render_format format,
                               dyad_write_fn write, void *ctx)
{
	if (!d || !a || !write)
		return DYAD_ERR_ARG;
	out_ctx o;
	out_init(&o, write, ctx);
	for (size_t i = 0; i < d->nments && o.st == DYAD_OK; i++) {
		dyad_mention m = dyad_doc_mention(d, i);
		const char *how = dyad_mention_how_name(m.how);
		if (format == DYAD_RENDER_TEXT) {
			text_id(&o, a);
			out_num(&o, m.sentence);
			out_lit(&o, "\t");
			out_num(&o, m.start);
			out_lit(&o, "\t");
			out_num(&o, m.end);
			out_lit(&o, "\t");
			out_collapsed(&o, d->text + m.start, m.end - m.start);
			out_lit(&o, "\t");
			out_collapsed(&o, m.code.p, m.code.n);
			out_lit(&o, "\t");
			out_collapsed(&o, m.entry.p, m.entry.n);
			out_lit(&o, "\t");
			out_lit(&o, how);
			out_lit(&o, "\n");
		} else {
			out_lit(&o, "{\"article\":");
			out_json(&o, a->id.p, a->id.n);
			out_lit(&o, ",\"sentence\":");
			out_num(&o, m.sentence);
			out_lit(&o, ",\"start\":");
			out_num(&o, m.start);
			out_lit(&o, ",\"end\":");
			out_num(&o, m.end);
			out_lit(&o, ",\"text\":");
			out_json(&o, d->text + m.start, m.end - m.start);
			out_lit(&o, ",\"code\":");
			out_json(&o, m.code.p, m.code.n);
			out_lit(&o, ",\"entry\":");
			out_json(&o, m.entry.p, m.entry.n);
			out_lit(&o, ",\"how\":\"");
			out_lit(&o, how);
			out_lit(&o, "\"}\n");
		}
		if (o.b.n > 1 << 16)
			out_flush(&o);
	}
	return out_done(&o);
}

const char *dyad_events_tsv_header(void)
{
	return "article\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tplover\t"
	       "source_text\tverb_text\ttarget_text\tsource_start\tsource_end\tverb_start\t"
	       "verb_end\ttarget_start\ttarget_end\n";
}

static void out_goldstein(out_ctx *o, double g)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%.1f", g);
	if (o->st == DYAD_OK && n > 0)
		o->st = buf_append(&o->b, tmp, (size_t)n);
}

static void json_span(out_ctx *o, const dyad_doc *d, const char *key, size_t start, size_t end)
{
	out_lit(o, "\"");
	out_lit(o, key);
	out_lit(o, "\":{\"start\":");
	out_num(o, start);
	out_lit(o, ",\"end\":");
	out_num(o, end);
	out_lit(o, ",\"text\":");
	out_json(o, d->text + start, end - start);
	out_lit(o, "}");
}

static void json_flags(out_ctx *o, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {{DYAD_EVENT_PASSIVE, "passive"},
	             {DYAD_EVENT_INTENT, "intent"},
	             {DYAD_EVENT_THREAT, "threat"},
	             {DYAD_EVENT_DEFAULT, "default"}};
	out_lit(o, "[");
	bool first = true;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (!(flags & names[i].bit))
			continue;
		out_lit(o, first ? "\"" : ",\"");
		out_lit(o, names[i].name);
		out_lit(o, "\"");
		first = false;
	}
	out_lit(o, "]");
}

static void event_json(out_ctx *o, const dyad_doc *d, const dyad_article *a, const dyad_event *e,
                       const dyad_cameo_code *cc, bool known)
{
	out_lit(o, "{\"article\":");
	out_json(o, a->id.p, a->id.n);
	out_lit(o, ",\"sentence\":");
	out_num(o, e->sentence);
	out_lit(o, ",\"date\":");
	out_json(o, a->date.p ? a->date.p : "", a->date.n);
	out_lit(o, ",\"source\":");
	out_json(o, e->source.p, e->source.n);
	out_lit(o, ",\"target\":");
	out_json(o, e->target.p, e->target.n);
	out_lit(o, ",\"code\":");
	out_json(o, e->code.p, e->code.n);
	out_lit(o, ",\"root\":");
	out_json(o, e->code.p, e->code.n < 2 ? e->code.n : 2);
	out_lit(o, ",\"quad\":");
	if (known)
		out_num(o, (uint64_t)cc->quad);
	else
		out_lit(o, "null");
	out_lit(o, ",\"goldstein\":");
	if (known)
		out_goldstein(o, cc->goldstein);
	else
		out_lit(o, "null");
	out_lit(o, ",\"plover\":");
	if (known && cc->plover.n)
		out_json(o, cc->plover.p, cc->plover.n);
	else
		out_lit(o, "null");
	out_lit(o, ",\"source_entry\":");
	out_json(o, e->source_entry.p, e->source_entry.n);
	out_lit(o, ",\"target_entry\":");
	out_json(o, e->target_entry.p, e->target_entry.n);
	out_lit(o, ",\"flags\":");
	json_flags(o, e->flags);
	out_lit(o, ",\"evidence\":{");
	json_span(o, d, "source", e->source_start, e->source_end);
	out_lit(o, ",");
	json_span(o, d, "verb", e->verb_start, e->verb_end);
	out_lit(o, ",");
	json_span(o, d, "target", e->target_start, e->target_end);
	out_lit(o, "}}\n");
}

static void event_tsv(out_ctx *o, const dyad_doc *d, const dyad_article *a, const dyad_event *e,
                      const dyad_cameo_code *cc, bool known)
{
	text_id(o, a);
	out_num(o, e->sentence);
	out_lit(o, "\t");
	out_collapsed(o, a->date.p ? a->date.p : "", a->date.n);
	out_lit(o, "\t");
	out_collapsed(o, e->source.p, e->source.n);
	out_lit(o, "\t");
	out_collapsed(o, e->target.p, e->target.n);
	out_lit(o, "\t");
	out_collapsed(o, e->code.p, e->code.n);
	out_lit(o, "\t");
	out_collapsed(o, e->code.p, e->code.n < 2 ? e->code.n : 2);
	out_lit(o, "\t");
	if (known)
		out_num(o, (uint64_t)cc->quad);
	out_lit(o, "\t");
	if (known)
		out_goldstein(o, cc->goldstein);
	out_lit(o, "\t");
	if (known)
		out_collapsed(o, cc->plover.p, cc->plover.n);
	out_lit(o, "\t");
	out_collapsed(o, d->text + e->source_start, e->source_end - e->source_start);
	out_lit(o, "\t");
	out_collapsed(o, d->text + e->verb_start, e->verb_end - e->verb_start);
	out_lit(o, "\t");
	out_collapsed(o, d->text + e->target_start, e->target_end - e->target_start);
	size_t spans[6] = {e->source_start, e->source_end,   e->verb_start,
	                   e->verb_end,     e->target_start, e->target_end};
	for (size_t i = 0; i < 6; i++) {
		out_lit(o, "\t");
		out_num(o, spans[i]);
	}
	out_lit(o, "\n");
}

dyad_status dyad_render_events(const dyad_doc *d, const dyad_article *a, const dyad_cameo *cameo,
                               dyad_render_format format, dyad_write_fn write, void *ctx)
{
	if (!d || !a || !write)
		return DYAD_ERR_ARG;
	out_ctx o;
	out_init(&o, write, ctx);
	for (size_t i = 0; i < dyad_doc_event_count(d) && o.st == DYAD_OK; i++) {
		dyad_event e = dyad_doc_event(d, i);
		dyad_cameo_code cc;
		bool known = dyad_cameo_lookup(cameo, e.code.p, e.code.n, &cc) == 1;
		if (format == DYAD_RENDER_JSON)
			event_json(&o, d, a, &e, &cc, known);
		else
			event_tsv(&o, d, a, &e, &cc, known);
		if (o.b.n > 1 << 16)
			out_flush(&o);
	}
	return out_done(&o);
}
