/*
 * sentences.c -- stage 1b: tokens -> sentences, and the dateline.
 *
 * In: doc->toks from tokens.c. Out: doc->sents (token ranges with byte
 * spans) and doc->dateline.
 *
 * A sentence ends:
 * - at a blank line, always;
 * - at a line break, unless the text was wrapped: the next line starts in
 *   lower case, the line ends with a comma or an opening quote, or the whole
 *   paragraph is hard-wrapped (3+ lines of similar width, mostly ending
 *   mid-sentence). So headlines, bylines, list lines and scraped boilerplate
 *   ("LEAVE A REPLY") each stand alone;
 * - after . ! ? ... (with any closing quotes and brackets that follow) when
 *   what comes next can start a sentence. Who decides is the token before a
 *   period: a title (Mr., Gen.) never ends a sentence; other abbreviations
 *   (U.S., Jan., Inc.) and initials (W.) end one only before a word that
 *   usually opens a sentence (The, He, But, ...); any other word ends one
 *   before a capital, a digit or an opening quote;
 * - not after a quotation whose attribution follows ("We will fight!" Zarif
 *   said.), nor after a list number at the start of a line ("1. Talks").
 * A sentence longer than DYAD_MAX_SENTENCE_TOKENS is cut and the cut counted.
 *
 * A dateline ("TEHRAN (Reuters) -", "Tehran(IP)-", "WASHINGTON —") is looked
 * for at the start of the first paragraphs; it is kept out of the sentences
 * so the city it names is not read as an actor, and recorded as the place.
 */
#include "dyad_int.h"

#include <string.h>

/* --- word lists -------------------------------------------------------- */

/* A word list entry carries its length so a lookup compares lengths first
 * and bytes only on a match; lists are short, lookups frequent. */
typedef struct word {
	const char *w;
	size_t n;
} word;
// clang-format off
#define W(s) {s, sizeof(s) - 1}
// clang-format on

static bool in_list(const dyad_doc *d, const tok *t, const word *list, size_t n)
{
	dyad_str s = tok_norm(d, t);
	for (size_t i = 0; i < n; i++)
		if (list[i].n == s.n && memcmp(list[i].w, s.p, s.n) == 0)
			return true;
	return false;
}
#define IN_LIST(d, t, list) in_list((d), (t), (list), sizeof(list) / sizeof *(list))

/* Titles before a name: a period after one never ends a sentence. */
static const word titles[] = {W("mr"),   W("mrs"),  W("ms"),  W("dr"),     W("prof"), W("gen"),
                              W("lt"),   W("col"),  W("maj"), W("capt"),   W("cpt"),  W("sgt"),
                              W("adm"),  W("gov"),  W("sen"), W("rep"),    W("rev"),  W("amb"),
                              W("brig"), W("cmdr"), W("cdr"), W("gens"),   W("hon"),  W("pres"),
                              W("supt"), W("insp"), W("det"), W("cpl"),    W("pvt"),  W("messrs"),
                              W("mme"),  W("mlle"), W("fr"),  W("lieut"),  W("cmdt"), W("atty"),
                              W("sec"),  W("secs"), W("rt"),  W("sheikh"), W("dep")};

/* Abbreviations that may end a sentence: the period ends one only if a
 * sentence opener follows. */
static const word abbrevs[] = {
        W("jan"),  W("feb"),  W("mar"),  W("apr"),    W("jun"),  W("jul"),  W("aug"),  W("sep"),
        W("sept"), W("oct"),  W("nov"),  W("dec"),    W("no"),   W("nos"),  W("st"),   W("mt"),
        W("ft"),   W("inc"),  W("ltd"),  W("co"),     W("corp"), W("jr"),   W("sr"),   W("etc"),
        W("vs"),   W("v"),    W("al"),   W("approx"), W("est"),  W("dept"), W("univ"), W("ave"),
        W("rd"),   W("blvd"), W("bros"), W("vol"),    W("art"),  W("fig"),  W("cf"),   W("ca"),
        W("pp"),   W("p"),    W("ch"),   W("sq"),     W("km"),   W("kg"),   W("govt"), W("intl"),
        W("assn"), W("mon"),  W("tue"),  W("tues"),   W("wed"),  W("thu"),  W("thur"), W("thurs"),
        W("fri"),  W("sat"),  W("sun"),  W("min"),    W("max"),  W("tel"),  W("ext"),  W("op"),
        W("ed"),   W("eds"),  W("repr"), W("nr"),     W("mio"),  W("bn"),   W("mn")};

/* Words that usually open a sentence and rarely continue a name. */
static const word openers[] = {
        W("the"),         W("a"),         W("an"),         W("he"),        W("she"),
        W("it"),          W("they"),      W("we"),         W("i"),         W("you"),
        W("this"),        W("that"),      W("these"),      W("those"),     W("there"),
        W("but"),         W("and"),       W("or"),         W("so"),        W("yet"),
        W("in"),          W("on"),        W("at"),         W("after"),     W("before"),
        W("when"),        W("while"),     W("if"),         W("although"),  W("though"),
        W("however"),     W("meanwhile"), W("since"),      W("because"),   W("for"),
        W("with"),        W("his"),       W("her"),        W("its"),       W("their"),
        W("our"),         W("my"),        W("your"),       W("some"),      W("many"),
        W("most"),        W("all"),       W("both"),       W("each"),      W("not"),
        W("as"),          W("by"),        W("from"),       W("during"),    W("despite"),
        W("according"),   W("earlier"),   W("later"),      W("still"),     W("also"),
        W("then"),        W("now"),       W("thus"),       W("instead"),   W("indeed"),
        W("what"),        W("why"),       W("how"),        W("who"),       W("where"),
        W("such"),        W("other"),     W("another"),    W("several"),   W("few"),
        W("only"),        W("even"),      W("under"),      W("over"),      W("among"),
        W("until"),       W("once"),      W("separately"), W("elsewhere"), W("asked"),
        W("mr"),          W("mrs"),       W("ms"),         W("dr"),        W("officials"),
        W("police"),      W("to"),        W("no"),         W("one"),       W("two"),
        W("three"),       W("last"),      W("next"),       W("every"),     W("any"),
        W("more"),        W("much"),      W("nor"),        W("neither"),   W("whether"),
        W("here"),        W("today"),     W("yesterday"),  W("tomorrow"),  W("further"),
        W("furthermore"), W("moreover"),  W("therefore")};

/* Verbs that attribute a quotation to its speaker. */
static const word reporting[] = {
        W("said"),       W("says"),        W("say"),          W("told"),       W("tells"),
        W("added"),      W("adds"),        W("asked"),        W("asks"),       W("warned"),
        W("warns"),      W("stated"),      W("states"),       W("insisted"),   W("insists"),
        W("noted"),      W("notes"),       W("declared"),     W("declares"),   W("wrote"),
        W("writes"),     W("explained"),   W("explains"),     W("continued"),  W("replied"),
        W("claimed"),    W("claims"),      W("stressed"),     W("stresses"),   W("emphasised"),
        W("emphasized"), W("argued"),      W("argues"),       W("tweeted"),    W("posted"),
        W("shouted"),    W("announced"),   W("remarked"),     W("observed"),   W("concluded"),
        W("conceded"),   W("admitted"),    W("acknowledged"), W("recalled"),   W("urged"),
        W("urges"),      W("according"),   W("responded"),    W("answered"),   W("vowed"),
        W("pledged"),    W("demanded"),    W("cautioned"),    W("maintained"), W("reiterated"),
        W("underlined"), W("underscored"), W("affirmed"),     W("confirmed")};

/* --- token predicates -------------------------------------------------- */

static bool is_terminal(const tok *t)
{
	return t->kind == TK_PERIOD || t->kind == TK_TERM || t->kind == TK_ELLIPSIS ||
	       t->kind == TK_FULLSTOP || t->kind == TK_ABBREV;
}

static bool adjacent(const tok *a, const tok *b)
{
	return a->end == b->start;
}

static bool starts_lower(const dyad_doc *d, const tok *t)
{
	if (t->cls != DYAD_TOKEN_WORD || (t->flags & DYAD_TOKEN_CAPITALIZED))
		return false;
	unsigned char b = (unsigned char)d->text[t->start];
	if (b < 0x80)
		return b >= 'a' && b <= 'z';
	/* a non-ASCII first letter: lower case if folding left it unchanged and
	 * the token is not all capitals; uncased scripts count as not lower */
	dyad_str n = tok_norm(d, t);
	return n.n > 0 && (unsigned char)n.p[0] < 0x80 && n.p[0] >= 'a' && n.p[0] <= 'z' &&
	       !(t->flags & DYAD_TOKEN_ALL_CAPS) && (unsigned char)d->text[t->start] < 0xC0;
}

static bool is_line_start(const dyad_doc *d, size_t k)
{
	return k == 0 || (d->toks[k].flags & DYAD_TOKEN_LINE_BEFORE) ||
	       (d->has_dateline && k == d->dateline_end_tok);
}

/* Can token t open a sentence after an ordinary full stop? */
static bool can_open(const dyad_doc *d, const tok *t)
{
	switch (t->cls) {
	case DYAD_TOKEN_WORD: return !starts_lower(d, t) && !(t->flags & DYAD_TOKEN_CLITIC);
	case DYAD_TOKEN_NUMBER:
	case DYAD_TOKEN_URL: return true;
	case DYAD_TOKEN_QUOTE:
	case DYAD_TOKEN_BRACKET: return !(t->flags & DYAD_TOKEN_CLOSING);
	case DYAD_TOKEN_SYMBOL: return true;
	case DYAD_TOKEN_PUNCT: return t->kind == TK_BULLET || t->kind == TK_OPEN_MARK;
	}
	return false;
}

/* After an abbreviation or an initial, only a clear sentence opener (or an
 * opening quote) starts a new sentence. */
static bool opener_follows(const dyad_doc *d, size_t j)
{
	const tok *t = &d->toks[j];
	if (t->cls == DYAD_TOKEN_QUOTE || t->cls == DYAD_TOKEN_BRACKET)
		return (t->flags & DYAD_TOKEN_OPENING) != 0;
	return t->cls == DYAD_TOKEN_WORD && (t->flags & DYAD_TOKEN_CAPITALIZED) &&
	       IN_LIST(d, t, openers);
}

/* "... fight!" Zarif said. -- a capitalised word (or the + noun) followed
 * within a few words by a reporting verb, with no sentence end between. */
static bool attribution_follows(const dyad_doc *d, size_t j)
{
	const tok *t = &d->toks[j];
	if (t->cls != DYAD_TOKEN_WORD || !(t->flags & DYAD_TOKEN_CAPITALIZED))
		return false;
	if (IN_LIST(d, t, openers) && !TOK_IS(d, t, "the"))
		return false;
	for (size_t k = j + 1; k < d->ntoks && k < j + 7; k++) {
		const tok *u = &d->toks[k];
		if (is_terminal(u) || (u->flags & DYAD_TOKEN_LINE_BEFORE))
			return false;
		if (u->cls == DYAD_TOKEN_WORD && IN_LIST(d, u, reporting))
			return true;
	}
	return false;
}

/* Skip closing quotes and brackets (and further terminal marks) that stick
 * to the terminal at k. Returns the index of the first token after them;
 * *quoted tells whether a closing quote was among them. */
static size_t skip_closers(const dyad_doc *d, size_t k, bool *quoted)
{
	size_t j = k + 1;
	*quoted = false;
	while (j < d->ntoks) {
		const tok *t = &d->toks[j];
		if (t->flags & (DYAD_TOKEN_SPACE_BEFORE | DYAD_TOKEN_LINE_BEFORE))
			break;
		bool closer = (t->cls == DYAD_TOKEN_QUOTE && !(t->flags & DYAD_TOKEN_OPENING)) ||
		              (t->cls == DYAD_TOKEN_BRACKET && (t->flags & DYAD_TOKEN_CLOSING));
		if (!closer && !is_terminal(t))
			break;
		if (t->cls == DYAD_TOKEN_QUOTE)
			*quoted = true;
		j++;
	}
	return j;
}

/* A period right after a word: who the word is decides. */
static bool period_ends(const dyad_doc *d, size_t k, size_t j, size_t first)
{
	const tok *next = &d->toks[j];
	if (k > first && adjacent(&d->toks[k - 1], &d->toks[k])) {
		const tok *w = &d->toks[k - 1];
		if (w->cls == DYAD_TOKEN_WORD) {
			if (IN_LIST(d, w, titles))
				return false;
			bool initial =
			        w->end - w->start == 1 && (w->flags & DYAD_TOKEN_CAPITALIZED);
			if (IN_LIST(d, w, abbrevs) || initial)
				return opener_follows(d, j);
		}
		/* "1. Talks" -- a list number opening a line */
		if (w->cls == DYAD_TOKEN_NUMBER && k - 1 == first && is_line_start(d, k - 1) &&
		    w->end - w->start <= 3)
			return false;
	}
	return can_open(d, next);
}

/* Does the terminal at k end the sentence that began at token `first`?
 * *after receives the index of the first token after the sentence. */
static bool ends_here(const dyad_doc *d, size_t k, size_t first, size_t *after)
{
	bool quoted;
	size_t j = skip_closers(d, k, &quoted);
	*after = j;
	if (j >= d->ntoks)
		return true;
	const tok *t = &d->toks[k];
	const tok *next = &d->toks[j];
	if (next->flags & DYAD_TOKEN_PARA_BEFORE)
		return true;
	if ((next->flags & DYAD_TOKEN_LINE_BEFORE) && !(next->flags & TOK_SOFT_LINE))
		return !(t->kind == TK_PERIOD && k > first && k - 1 == first &&
		         d->toks[first].cls == DYAD_TOKEN_NUMBER);
	if (t->kind == TK_FULLSTOP)
		return true;
	if (starts_lower(d, next))
		return false;
	if (quoted && attribution_follows(d, j))
		return false;
	switch (t->kind) {
	case TK_TERM:
		return next->cls != DYAD_TOKEN_PUNCT || next->kind == TK_BULLET ||
		       next->kind == TK_OPEN_MARK;
	case TK_ELLIPSIS:
		/* "[...]" marks words left out of a quotation, never an end */
		if (k > first && d->toks[k - 1].cls == DYAD_TOKEN_BRACKET &&
		    (d->toks[k - 1].flags & DYAD_TOKEN_OPENING) && adjacent(&d->toks[k - 1], t))
			return false;
		return can_open(d, next) && next->cls != DYAD_TOKEN_SYMBOL;
	case TK_ABBREV: return opener_follows(d, j);
	case TK_PERIOD:
		if (quoted)
			return can_open(d, next);
		return period_ends(d, k, j, first);
	default: return false;
	}
}

/* At a line break before token k (not a blank line): does the sentence end? */
static bool line_ends(const dyad_doc *d, size_t k)
{
	const tok *t = &d->toks[k];
	if (t->flags & TOK_SOFT_LINE)
		return false;
	const tok *prev = &d->toks[k - 1];
	if (prev->kind == TK_COMMA)
		return false;
	if ((prev->cls == DYAD_TOKEN_QUOTE || prev->cls == DYAD_TOKEN_BRACKET) &&
	    (prev->flags & DYAD_TOKEN_OPENING))
		return false;
	return !starts_lower(d, t);
}

/* --- hard-wrapped paragraphs -------------------------------------------- */

enum { WRAP_MIN_LINES = 3, WRAP_MIN_WIDTH = 40, WRAP_MAX_WIDTH = 100 };

typedef struct line_span {
	size_t first, last; /* token indices */
} line_span;

static bool line_is_list_item(const dyad_doc *d, size_t k)
{
	const tok *t = &d->toks[k];
	if (t->kind == TK_BULLET || (t->kind == TK_DASH && t->end - t->start == 1))
		return true;
	if (t->cls == DYAD_TOKEN_NUMBER && k + 1 < d->ntoks) {
		const tok *u = &d->toks[k + 1];
		return adjacent(t, u) && (u->kind == TK_PERIOD || TOK_IS(d, u, ")"));
	}
	return false;
}

/* Mark the line breaks of the paragraph made of tokens [a, b) soft if the
 * paragraph looks hard-wrapped. */
static void mark_paragraph(dyad_doc *d, size_t a, size_t b)
{
	size_t lines = 0, fit = 0, open_ends = 0, widest = 0;
	size_t line_first = a;
	for (size_t k = a; k < b; k++) {
		bool last_of_line = k + 1 == b || (d->toks[k + 1].flags & DYAD_TOKEN_LINE_BEFORE);
		if (!last_of_line)
			continue;
		size_t width = d->toks[k].end - d->toks[line_first].start;
		if (width > widest)
			widest = width;
		if (k + 1 < b) { /* not the paragraph's last line */
			lines++;
			fit += width >= WRAP_MIN_WIDTH && width <= WRAP_MAX_WIDTH;
			open_ends += !is_terminal(&d->toks[k]) &&
			             d->toks[k].cls != DYAD_TOKEN_QUOTE &&
			             d->toks[k].cls != DYAD_TOKEN_BRACKET;
		}
		line_first = k + 1;
	}
	if (lines + 1 < WRAP_MIN_LINES || widest > WRAP_MAX_WIDTH + 20 || fit * 3 < lines * 2 ||
	    open_ends * 2 < lines)
		return;
	for (size_t k = a + 1; k < b; k++)
		if ((d->toks[k].flags & DYAD_TOKEN_LINE_BEFORE) && !line_is_list_item(d, k))
			d->toks[k].flags |= TOK_SOFT_LINE;
}

static void mark_wrapped(dyad_doc *d)
{
	size_t a = 0;
	for (size_t k = 1; k <= d->ntoks; k++) {
		if (k == d->ntoks || (d->toks[k].flags & DYAD_TOKEN_PARA_BEFORE)) {
			mark_paragraph(d, a, k);
			a = k;
		}
	}
}

/* --- datelines ---------------------------------------------------------- */

static bool is_word(const tok *t)
{
	return t->cls == DYAD_TOKEN_WORD && !(t->flags & DYAD_TOKEN_CLITIC);
}

static bool place_connector(const dyad_doc *d, const tok *t)
{
	static const word small[] = {W("de"), W("la"),   W("al"), W("el"),  W("du"),
	                             W("es"), W("of"),   W("do"), W("da"),  W("del"),
	                             W("di"), W("upon"), W("on"), W("the"), W("an")};
	return is_word(t) && !(t->flags & DYAD_TOKEN_CAPITALIZED) && IN_LIST(d, t, small);
}

static bool is_month(const dyad_doc *d, const tok *t)
{
	static const word months[] = {W("jan"),       W("feb"),     W("mar"),      W("apr"),
	                              W("may"),       W("jun"),     W("jul"),      W("aug"),
	                              W("sep"),       W("sept"),    W("oct"),      W("nov"),
	                              W("dec"),       W("january"), W("february"), W("march"),
	                              W("april"),     W("june"),    W("july"),     W("august"),
	                              W("september"), W("october"), W("november"), W("december")};
	return is_word(t) && IN_LIST(d, t, months);
}

/* Capitalised words, with lower-case particles between them (Rio de
 * Janeiro). Returns the index after them; *caps tells if all are capitals. */
static size_t cap_words(const dyad_doc *d, size_t k, size_t limit, bool *caps)
{
	size_t j = k, words = 0;
	*caps = true;
	while (j < d->ntoks && words < limit) {
		const tok *t = &d->toks[j];
		if (j > k && (t->flags & DYAD_TOKEN_LINE_BEFORE))
			break;
		if (is_word(t) && (t->flags & DYAD_TOKEN_CAPITALIZED)) {
			if (!(t->flags & DYAD_TOKEN_ALL_CAPS) && t->end - t->start > 1)
				*caps = false;
			j++;
			words++;
			continue;
		}
		if (words && place_connector(d, t) && j + 1 < d->ntoks &&
		    is_word(&d->toks[j + 1]) && (d->toks[j + 1].flags & DYAD_TOKEN_CAPITALIZED)) {
			j++;
			continue;
		}
		break;
	}
	return words ? j : k;
}

/* ", Sudan" or ", Jan. 5" or ", June 3" after the city. */
static size_t dateline_extra(const dyad_doc *d, size_t j)
{
	for (int rounds = 0; rounds < 2 && j + 1 < d->ntoks; rounds++) {
		if (d->toks[j].kind != TK_COMMA)
			break;
		size_t k = j + 1;
		if (is_month(d, &d->toks[k])) {
			k++;
			if (k < d->ntoks && d->toks[k].kind == TK_PERIOD)
				k++;
			if (k < d->ntoks && d->toks[k].cls == DYAD_TOKEN_NUMBER)
				k++;
			j = k;
			continue;
		}
		if (d->toks[k].cls == DYAD_TOKEN_NUMBER && k + 1 < d->ntoks &&
		    is_month(d, &d->toks[k + 1])) {
			j = k + 2;
			continue;
		}
		bool caps;
		size_t e = cap_words(d, k, 3, &caps);
		if (e == k)
			break;
		j = e;
	}
	return j;
}

/* Try a dateline at token k. */
static bool dateline_at(dyad_doc *d, size_t k)
{
	bool caps;
	size_t j = cap_words(d, k, 4, &caps);
	if (j == k || j >= d->ntoks)
		return false;
	size_t place_end = j;
	j = dateline_extra(d, j);
	size_t agency_a = 0, agency_b = 0;
	if (j < d->ntoks && TOK_IS(d, &d->toks[j], "(")) {
		size_t close = j + 1;
		while (close < d->ntoks && close < j + 8 && !TOK_IS(d, &d->toks[close], ")") &&
		       !(d->toks[close].flags & DYAD_TOKEN_LINE_BEFORE))
			close++;
		if (close >= d->ntoks || !TOK_IS(d, &d->toks[close], ")") || close == j + 1)
			return false;
		agency_a = j + 1;
		agency_b = close;
		j = close + 1;
	}
	if (j + 1 >= d->ntoks || (d->toks[j + 1].flags & DYAD_TOKEN_LINE_BEFORE))
		return false;
	const tok *sep = &d->toks[j];
	bool dash = sep->kind == TK_DASH;
	bool colon = sep->kind == TK_COLON && (caps || agency_b) &&
	             !(d->toks[j + 1].flags & DYAD_TOKEN_ALL_CAPS);
	if (!(dash || colon) || (!caps && !agency_b))
		return false;
	d->has_dateline = true;
	d->dateline.start = d->toks[k].start;
	d->dateline.end = sep->end;
	d->dateline.place_start = d->toks[k].start;
	d->dateline.place_end = d->toks[place_end - 1].end;
	d->dateline.agency_start = agency_b ? d->toks[agency_a].start : 0;
	d->dateline.agency_end = agency_b ? d->toks[agency_b - 1].end : 0;
	d->dateline_end_tok = j + 1;
	return true;
}

/* Scraped pages put navigation, a headline and a timestamp before the
 * dateline: look at the first lines, within the first tokens. */
enum { DATELINE_MAX_LINES = 12, DATELINE_MAX_TOKEN = 400 };

void sent_find_dateline(dyad_doc *d)
{
	d->has_dateline = false;
	memset(&d->dateline, 0, sizeof d->dateline);
	d->dateline_end_tok = 0;
	size_t lines = 0;
	for (size_t k = 0; k < d->ntoks && k < DATELINE_MAX_TOKEN; k++) {
		if (k > 0 && !(d->toks[k].flags & DYAD_TOKEN_LINE_BEFORE))
			continue;
		if (dateline_at(d, k) || ++lines >= DATELINE_MAX_LINES)
			return;
	}
}

/* --- splitting ------------------------------------------------------------ */

static dyad_status close_sentence(dyad_doc *d, size_t first, size_t last, unsigned flags)
{
	if (d->nsents == d->cap_sents) {
		dyad_status st = mem_grow(&d->alloc, (void **)&d->sents, &d->cap_sents,
		                          d->nsents + 1, sizeof(sent));
		if (st != DYAD_OK)
			return st;
	}
	sent *s = &d->sents[d->nsents++];
	s->start = d->toks[first].start;
	s->end = d->toks[last].end;
	s->first = (uint32_t)first;
	s->ntok = (uint32_t)(last - first + 1);
	if (first == 0 || (d->toks[first].flags & DYAD_TOKEN_PARA_BEFORE) ||
	    (d->has_dateline && first == d->dateline_end_tok))
		flags |= DYAD_SENTENCE_PARA_START;
	s->flags = flags;
	return DYAD_OK;
}

/* Flags for a sentence that ends at a line break after token `last`. */
static unsigned line_end_flags(const dyad_doc *d, size_t last)
{
	const tok *t = &d->toks[last];
	while (last > 0 && (t->cls == DYAD_TOKEN_QUOTE || t->cls == DYAD_TOKEN_BRACKET) &&
	       (t->flags & DYAD_TOKEN_CLOSING))
		t = &d->toks[--last];
	return is_terminal(t) ? 0 : DYAD_SENTENCE_NO_STOP;
}

dyad_status sent_split(dyad_doc *d)
{
	mark_wrapped(d);
	size_t dl_first = SIZE_MAX, dl_end = 0;
	if (d->has_dateline) {
		dl_end = d->dateline_end_tok;
		for (dl_first = dl_end;
		     dl_first > 0 && d->toks[dl_first - 1].start >= d->dateline.start;)
			dl_first--;
	}
	const size_t none = SIZE_MAX;
	size_t first = none;
	dyad_status st = DYAD_OK;
	for (size_t k = 0; k < d->ntoks && st == DYAD_OK; k++) {
		if (k >= dl_first && k < dl_end) {
			if (first != none)
				st = close_sentence(d, first, k - 1, line_end_flags(d, k - 1));
			first = none;
			continue;
		}
		const tok *t = &d->toks[k];
		if (first != none && (t->flags & DYAD_TOKEN_LINE_BEFORE) &&
		    ((t->flags & DYAD_TOKEN_PARA_BEFORE) || line_ends(d, k))) {
			st = close_sentence(d, first, k - 1, line_end_flags(d, k - 1));
			first = none;
			if (st != DYAD_OK)
				break;
		}
		if (first == none)
			first = k;
		if (k - first + 1 >= DYAD_MAX_SENTENCE_TOKENS) {
			d->stats.cut_sentences++;
			st = close_sentence(d, first, k, DYAD_SENTENCE_CUT);
			first = none;
			continue;
		}
		size_t after;
		if (is_terminal(t) && ends_here(d, k, first, &after)) {
			st = close_sentence(d, first, after - 1, 0);
			first = none;
			k = after - 1;
		}
	}
	if (st == DYAD_OK && first != none)
		st = close_sentence(d, first, d->ntoks - 1, line_end_flags(d, d->ntoks - 1));
	return st;
}
