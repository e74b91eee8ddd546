/*
 * test_coder.c -- the event coder on a small dictionary written here:
 * subject-verb-object, patterns, passive, negation, intent, threats,
 * reported speech, compound actors, nouns, discards.
 */
#include "dyad/dyad.h"
#include "../harness.h"

#include <string.h>

static const char *dict_text =
        "entry country:IRN\nname Iran\nadj Iranian\ncapital Tehran\ncode IRN\n"
        "entry country:IRQ\nname Iraq\ncode IRQ\n"
        "entry country:SYR\nname Syria\ncode SYR\n"
        "entry country:ISR\nname Israel\ncode ISR\n"
        "entry country:PSE\nname Gaza\ncode PSE\n"
        "entry person:ebrahim-raisi\nname Ebrahim Raisi\noffice president IRN 2021-08-03 "
        "2024-05-19\n"
        "code IRNELI\n"
        "entry person:ziyad-al-nakhalah\nname Ziyad al-Nakhalah\ncode PSEREBPIJ\n"
        "entry agent:president\nname president\ncode ~GOV\n"
        "verb meet\nforms met\ncode 040\npattern * with + 042\npattern * + in Tehran 043\n"
        "verb attack\ncode 190\n"
        "verb accuse\ncode 112\n"
        "verb say\ncode 010\n"
        "verb hold talks\ncode 046\n"
        "verb hold\ncode 010\n"
        "discard world cup\n";

/* Events of text as "SRC>TGT:CODE;..." */
static char *events(dyad_dict *d, const char *text, const char *date)
{
	static char out[2048];
	dyad_doc *doc = dyad_doc_new(NULL);
	dyad_doc_analyze(doc, text, strlen(text), NULL);
	dyad_doc_find_actors(doc, d, date, NULL);
	dyad_doc_code_events(doc, d, NULL);
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
		dyad_event e = dyad_doc_event(doc, i);
		n += (size_t)snprintf(out + n, sizeof out - n, "%.*s>%.*s:%.*s;", (int)e.source.n,
		                      e.source.p, (int)e.target.n, e.target.p, (int)e.code.n,
		                      e.code.p);
	}
	dyad_doc_free(doc);
	return out;
}

#define CHECK_EVENTS(d, text, date, want, name)                                                    \
	do {                                                                                       \
		const char *got_ = events((d), (text), (date));                                    \
		CHECK_STR(got_, strlen(got_), (want), (name));                                     \
	} while (0)

int main(int argc, char **argv)
{
	harness_verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	dyad_dict *d = dyad_dict_new(NULL);
	dyad_dict_load_mem(d, "t.dict", dict_text, strlen(dict_text), DYAD_DICT_AUTO, NULL);
	CHECK_EVENTS(d, "Iran attacked Israel.", NULL, "IRN>ISR:190;", "svo: the default code");
	CHECK_EVENTS(d, "Iran's President Ebrahim Raisi met Ziyad al-Nakhalah in Tehran on Sunday.",
	             "2023-06-18", "IRNGOV>PSEREBPIJ:043;", "pattern: met + in Tehran is hosting");
	CHECK_EVENTS(d, "Iran met with Iraq.", NULL, "IRN>IRQ:042;", "pattern: met with");
	CHECK_EVENTS(d, "Gaza was attacked by Israel.", NULL, "ISR>PSE:190;",
	             "passive: by names the source");
	CHECK_EVENTS(d, "Iran did not meet Iraq.", NULL, "", "negation: no event");
	CHECK_EVENTS(d, "Iran never attacked Israel.", NULL, "", "negation: never");
	CHECK_EVENTS(d, "Iran will meet Iraq.", NULL, "IRN>IRQ:036;", "intent: will meet is 036");
	CHECK_EVENTS(d, "Israel threatened to attack Gaza.", NULL, "ISR>PSE:138;",
	             "threat: threatened to attack is 138");
	CHECK_EVENTS(d, "Iran said Israel attacked Gaza.", NULL, "ISR>PSE:190;",
	             "reported speech: the embedded clause, not the statement");
	CHECK_EVENTS(d, "Iran and Iraq met Syria.", NULL, "IRN>SYR:040;IRQ>SYR:040;",
	             "compound source: one event per dyad");
	CHECK_EVENTS(d, "Iran met Iraq and Syria.", NULL, "IRN>IRQ:040;IRN>SYR:040;",
	             "compound target: one event per dyad");
	CHECK_EVENTS(d, "The attack on Gaza angered Iran.", NULL, "",
	             "a determiner makes attack a noun");
	CHECK_EVENTS(d, "Iran held talks with Iraq.", NULL, "IRN>IRQ:046;", "phrase: hold talks");
	CHECK_EVENTS(d, "Iran accused Israel.", NULL, "IRN>ISR:112;", "accuse");
	CHECK_EVENTS(d, "Iran attacked Israel at the World Cup.", NULL, "", "discard: sports");
	CHECK_EVENTS(d, "Iran attacked.", NULL, "", "no target: no event");
	CHECK_EVENTS(d, "Iran met Iran.", NULL, "", "no self-events");
	CHECK_EVENTS(d, "Ebrahim Raisi met Tehran.", "2023-06-18", "",
	             "no events between two names of one actor code (IRNGOV and IRNGOV)");
	CHECK_EVENTS(d, "Iran named the operation against its enemies Operation Attack Gaza.", NULL,
	             "", "a capitalised word inside a sentence is a name, not a verb");
	CHECK_EVENTS(d, "Iran Attacks Israel Over Gaza Dispute.", NULL, "IRN>ISR:190;",
	             "a title-case headline has capitalised verbs");
	CHECK_EVENTS(d, "Iran said Tuesday the Iraq border was calm.", NULL, "",
	             "a statement whose target is only mentioned is not an event");
	CHECK_EVENTS(d, "Iran said Iraq.", NULL, "IRN>IRQ:010;",
	             "a statement with its target after the verb");
	dyad_doc *doc = dyad_doc_new(NULL);
	const char *t = "Iran attacked Israel.";
	dyad_doc_analyze(doc, t, strlen(t), NULL);
	dyad_doc_find_actors(doc, d, NULL, NULL);
	dyad_doc_code_events(doc, d, NULL);
	dyad_event e = dyad_doc_event(doc, 0);
	CHECK(e.source_start == 0 && e.source_end == 4, "evidence: source span");
	CHECK(e.verb_start == 5 && e.verb_end == 13, "evidence: verb span");
	CHECK(e.target_start == 14 && e.target_end == 20, "evidence: target span");
	CHECK(e.flags & DYAD_EVENT_DEFAULT, "evidence: default code flagged");
	dyad_doc_free(doc);
	CHECK(dyad_doc_code_events(NULL, d, NULL) == DYAD_ERR_ARG, "null: code events");
	dyad_dict_free(d);
	return harness_done();
}
