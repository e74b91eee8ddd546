/*
 * test_dict.c -- dictionaries and actor matching on small dictionaries
 * written here: our format and its errors, the TABARI/PETRARCH formats,
 * codes by date, variants, case rules, composition with roles, titles,
 * surnames, coreference, out-of-memory.
 */
#include "dyad/dyad.h"
#include "../harness.h"

#include <stdlib.h>
#include <string.h>

static const char *ours = "# a test dictionary\n"
                          "entry country:IRN\n"
                          "name    Iran\n"
                          "alias   Islamic Republic of Iran\n"
                          "adj     Iranian | Iranians\n"
                          "capital Tehran\n"
                          "code    IRN\n"
                          "\n"
                          "entry country:USA\n"
                          "name    United States\n"
                          "alias   US | U.S. | USA\n"
                          "code    USA\n"
                          "\n"
                          "entry country:JOR\n"
                          "name    Jordan\n"
                          "ambiguous\n"
                          "code    JOR\n"
                          "\n"
                          "entry person:ebrahim-raisi\n"
                          "name    Ebrahim Raisi\n"
                          "office  head-of-judiciary IRN 2019-03-07 2021-06-30\n"
                          "office  president IRN 2021-08-03 2024-05-19\n"
                          "code    IRNELI\n"
                          "\n"
                          "entry person:hossein-amir-abdollahian\n"
                          "name    Hossein Amir-Abdollahian\n"
                          "office  foreign-minister IRN 2021-08-25 2024-05-19\n"
                          "code    IRNELI\n"
                          "\n"
                          "entry group:pij\n"
                          "name    Palestinian Islamic Jihad\n"
                          "alias   Islamic Jihad\n"
                          "code    PSEREBPIJ\n"
                          "\n"
                          "entry person:ziyad-al-nakhalah\n"
                          "name    Ziyad al-Nakhalah\n"
                          "office  secretary-general PSEREBPIJ 2018-09-28 -\n"
                          "code    PSEREBPIJ\n"
                          "\n"
                          "entry agent:president\n"
                          "name    president\n"
                          "code    ~GOV\n"
                          "\n"
                          "entry agent:foreign-minister\n"
                          "name    foreign minister\n"
                          "alias   top diplomat | foreign ministers\n"
                          "code    ~GOV\n"
                          "\n"
                          "entry agent:leader\n"
                          "name    leader\n"
                          "code    ~GOV\n"
                          "\n"
                          "entry agent:police\n"
                          "name    police\n"
                          "code    ~COP\n"
                          "\n"
                          "entry agent:fighters\n"
                          "name    fighters\n"
                          "code    ~REB\n"
                          "\n"
                          "entry title:religious\n"
                          "name    Sayyed\n"
                          "alias   His Eminence\n";

typedef struct diags {
	int n;
	char last[256];
	unsigned long long lines[16];
} diags;

static void on_diag(void *ctx, const dyad_error *e)
{
	diags *d = ctx;
	if (d->n < 16)
		d->lines[d->n] = e->line;
	d->n++;
	dyad_error_format(e, d->last, sizeof d->last);
}

static dyad_dict *make_dict(const char *text, dyad_dict_format f, diags *dg)
{
	dyad_dict *d = dyad_dict_new(NULL);
	if (dg) {
		memset(dg, 0, sizeof *dg);
		dyad_dict_set_diag(d, on_diag, dg);
	}
	dyad_dict_load_mem(d, "test.dict", text, strlen(text), f, NULL);
	return d;
}

/* Mentions of text as "TEXT=CODE/ENTRY/HOW;..." */
static char *mentions(dyad_dict *dict, const char *text, const char *date)
{
	static char out[4096];
	dyad_doc *doc = dyad_doc_new(NULL);
	dyad_doc_analyze(doc, text, strlen(text), NULL);
	dyad_doc_find_actors(doc, dict, date, NULL);
	out[0] = '\0';
	size_t n = 0;
	for (size_t i = 0; i < dyad_doc_mention_count(doc); i++) {
		dyad_mention m = dyad_doc_mention(doc, i);
		n += (size_t)snprintf(out + n, sizeof out - n, "%.*s=%.*s/%.*s/%s;",
		                      (int)(m.end - m.start), text + m.start, (int)m.code.n,
		                      m.code.p, (int)m.entry.n, m.entry.p,
		                      dyad_mention_how_name(m.how));
	}
	dyad_doc_free(doc);
	return out;
}

#define CHECK_MENTIONS(dict, text, date, want, name)                                               \
	do {                                                                                       \
		const char *got_ = mentions((dict), (text), (date));                               \
		CHECK_STR(got_, strlen(got_), (want), (name));                                     \
	} while (0)

static void test_ours(void)
{
	diags dg;
	dyad_dict *d = make_dict(ours, DYAD_DICT_AUTO, &dg);
	dyad_dict_stats s = dyad_dict_get_stats(d);
	CHECK_EQ_U(dg.n, 0, "ours: loads without problems");
	CHECK_EQ_U(s.entries, 13, "ours: 13 entries");
	CHECK(dyad_dict_compile(d, NULL) == DYAD_OK, "ours: compiles");

	CHECK_MENTIONS(d, "Ebrahim Raisi spoke.", "2022-01-10",
	               "Ebrahim Raisi=IRNGOV/person:ebrahim-raisi/exact;",
	               "dates: president in 2022");
	CHECK_MENTIONS(d, "Ebrahim Raisi spoke.", "2020-01-10",
	               "Ebrahim Raisi=IRNJUD/person:ebrahim-raisi/exact;",
	               "dates: head of the judiciary in 2020");
	CHECK_MENTIONS(d, "Ebrahim Raisi spoke.", "2025-01-10",
	               "Ebrahim Raisi=IRNELI/person:ebrahim-raisi/exact;",
	               "dates: the default code after office");
	CHECK_MENTIONS(d, "Ebrahim Raisi spoke.", NULL,
	               "Ebrahim Raisi=IRNELI/person:ebrahim-raisi/exact;",
	               "dates: no date gives the default code");

	CHECK_MENTIONS(d, "Ziad Nakhala arrived.", "2023-06-18",
	               "Ziad Nakhala=PSEREBPIJ/person:ziyad-al-nakhalah/variant;",
	               "variant: Ziad Nakhala");
	CHECK_MENTIONS(d, "Ziyad al-Nakhalah arrived.", "2023-06-18",
	               "Ziyad al-Nakhalah=PSEREBPIJ/person:ziyad-al-nakhalah/exact;",
	               "exact: Ziyad al-Nakhalah");
	CHECK_MENTIONS(d, "Ziyad Nakhaleh arrived.", "2023-06-18",
	               "Ziyad Nakhaleh=PSEREBPIJ/person:ziyad-al-nakhalah/variant;",
	               "variant: Nakhaleh");
	CHECK_MENTIONS(d, "Hossein Amir Abdollahian met him.", "2023-06-18",
	               "Hossein Amir Abdollahian=IRNGOV/person:hossein-amir-abdollahian/variant;"
	               "him=IRNGOV/person:hossein-amir-abdollahian/coreference;",
	               "variant: a hyphen or a space; him is the last person");
	CHECK_MENTIONS(d, "Hussein Amir- Abdullahian left.", "2023-06-18",
	               "Hussein Amir- Abdullahian=IRNGOV/person:hossein-amir-abdollahian/variant;",
	               "variant: Hussein and Abdullahian, a hyphen then a space");
	CHECK_MENTIONS(d, "ziad nakhala arrived.", "2023-06-18", "",
	               "case: a name in lower case is not a name");

	CHECK_MENTIONS(d, "The US said it would help us.", NULL, "US=USA/country:USA/exact;",
	               "case: US in capitals is the country, us is a pronoun");
	CHECK_MENTIONS(d, "The U.S. agreed.", NULL, "U.S.=USA/country:USA/exact;", "dotted U.S.");
	CHECK_MENTIONS(d, "The Bahamas voted.", NULL, "",
	               "false friend: Hamas is not inside Bahamas");
	CHECK_MENTIONS(d, "Jordan Peterson spoke.", NULL, "", "ambiguous: Jordan inside a name");
	CHECK_MENTIONS(d, "King Abdullah of Jordan spoke.", NULL, "Jordan=JOR/country:JOR/exact;",
	               "ambiguous: Jordan the country");

	CHECK_MENTIONS(d, "Tehran rejected the offer.", NULL, "Tehran=IRNGOV/country:IRN/exact;",
	               "capital: a metonym for the government");
	CHECK_MENTIONS(d, "Talks were held in Tehran.", NULL, "Tehran=IRN/country:IRN/exact;",
	               "capital: after in, a place");
	CHECK_MENTIONS(d, "Iraqi police and Iranian police met.", NULL,
	               "police=COP/agent:police/agent;Iranian police=IRNCOP/agent:police/agent;",
	               "agent: adjective + role (Iraq is not in this dictionary)");
	CHECK_MENTIONS(d, "Iran's foreign minister spoke.", "2019-01-01",
	               "Iran's foreign minister=IRNGOV/agent:foreign-minister/agent;",
	               "agent: possessive + role, no one named before");
	CHECK_MENTIONS(d, "The foreign minister of Iran spoke.", NULL,
	               "foreign minister of Iran=IRNGOV/agent:foreign-minister/agent;",
	               "agent: role of country");
	CHECK_MENTIONS(d, "Police said nothing.", NULL, "Police=COP/agent:police/agent;",
	               "agent: a role with no country");
	CHECK_MENTIONS(d, "Islamic Jihad fighters fired rockets.", NULL,
	               "Islamic Jihad fighters=PSEREBPIJ/group:pij/agent;",
	               "group + role is the group");

	CHECK_MENTIONS(d,
	               "Iran's President Ebrahim Raisi met His Eminence Sayyed Ziyad al-Nakhalah.",
	               "2023-06-18",
	               "Ebrahim Raisi=IRNGOV/person:ebrahim-raisi/exact;"
	               "Ziyad al-Nakhalah=PSEREBPIJ/person:ziyad-al-nakhalah/exact;",
	               "titles: country, role and titles before a person are the person's");
	CHECK_MENTIONS(d, "Ebrahim Raisi met Ziad Nakhala. Raisi praised Nakhala.", "2023-06-18",
	               "Ebrahim Raisi=IRNGOV/person:ebrahim-raisi/exact;"
	               "Ziad Nakhala=PSEREBPIJ/person:ziyad-al-nakhalah/variant;"
	               "Raisi=IRNGOV/person:ebrahim-raisi/surname;"
	               "Nakhala=PSEREBPIJ/person:ziyad-al-nakhalah/surname;",
	               "surname: after the full name");
	CHECK_MENTIONS(d, "Raisi praised the envoy.", "2023-06-18", "",
	               "surname: not before the full name");
	CHECK_MENTIONS(d, "Ebrahim Raisi met the envoy. The Iranian president said he was hopeful.",
	               "2023-06-18",
	               "Ebrahim Raisi=IRNGOV/person:ebrahim-raisi/exact;"
	               "Iranian president=IRNGOV/person:ebrahim-raisi/coreference;"
	               "he=IRNGOV/person:ebrahim-raisi/coreference;",
	               "coreference: a role phrase and a pronoun");
	CHECK_MENTIONS(
	        d,
	        "Ziyad al-Nakhalah spoke. The Islamic Jihad leader thanked Iran's top diplomat, "
	        "Hossein Amir-Abdollahian.",
	        "2023-06-18",
	        "Ziyad al-Nakhalah=PSEREBPIJ/person:ziyad-al-nakhalah/exact;"
	        "Islamic Jihad leader=PSEREBPIJ/person:ziyad-al-nakhalah/coreference;"
	        "Iran's top diplomat=IRNGOV/agent:foreign-minister/agent;"
	        "Hossein Amir-Abdollahian=IRNGOV/person:hossein-amir-abdollahian/exact;",
	        "coreference: the group's leader; a role not named before stays a role");
	CHECK_MENTIONS(d, "Islamic Jihad fired rockets. The group said it would continue.", NULL,
	               "Islamic Jihad=PSEREBPIJ/group:pij/exact;The "
	               "group=PSEREBPIJ/group:pij/coreference;",
	               "coreference: the group");
	CHECK_MENTIONS(d, "Ebrahim Raisi met the envoy. The Iranian president spoke.", "2025-01-01",
	               "Ebrahim Raisi=IRNELI/person:ebrahim-raisi/exact;"
	               "Iranian president=IRNGOV/agent:president/agent;",
	               "coreference: only to someone who held the office at the date");
	dyad_dict_free(d);
}

static void test_ours_errors(void)
{
	const char *text = "entry country:AAA\n"
	                   "name Aland\n"
	                   "code aaa\n"                        /* 3: lower-case code */
	                   "office president AAA 2020-13-01\n" /* 4: bad date */
	                   "office pope AAA 2020\n"            /* 5: unknown office */
	                   "frobnicate x\n"                    /* 6: unknown directive */
	                   "code AAA 2021 2020\n"              /* 7: FROM after TO */
	                   "code AAA\n"
	                   "entry Bad Id\n"      /* 9: bad id */
	                   "name Nowhere\n"      /* 10: outside an entry */
	                   "entry country:BBB\n" /* 11: no name */
	                   "code BBB\n"
	                   "entry country:CCC\n"
	                   "name Ceeland\n"
	                   "code CCC\n";
	diags dg;
	dyad_dict *d = make_dict(text, DYAD_DICT_DYAD, &dg);
	unsigned long long want[] = {3, 4, 5, 6, 7, 9, 10, 11};
	CHECK_EQ_U(dg.n, 8, "errors: eight problems reported");
	int same = dg.n == 8;
	for (int i = 0; i < 8 && same; i++)
		same = dg.lines[i] == want[i];
	CHECK(same, "errors: on lines 3 4 5 6 7 9 10 11");
	CHECK_EQ_U(dyad_dict_get_stats(d).entries, 2, "errors: the two good entries are kept");
	CHECK_EQ_U(dyad_dict_get_stats(d).lines_skipped, 8, "errors: counted");
	CHECK(strstr(dg.last, "test.dict:11: entry has no name; dropped") != NULL,
	      "errors: message format");
	CHECK_MENTIONS(d, "Aland and Ceeland signed.", NULL,
	               "Aland=AAA/country:AAA/exact;Ceeland=CCC/country:CCC/exact;",
	               "errors: loading went on");
	dyad_dict_free(d);
}

static const char *peer_actors = "<!-- a PETRARCH-style actor dictionary -->\n"
                                 "AFGHANISTAN_  [AFG]\n"
                                 "+AFGHAN_\n"
                                 "+KABUL_\n"
                                 "BOUTROS_BOUTROS-GHALI_ [UNO 920101-961231] [EGY] ; TABARI style\n"
                                 "MOHAMMAD_ZAHIR_SHAH_  # comment\n"
                                 "\t[AFGELI 320101-331108]\n"
                                 "\t[AFGGOV 331108-730717]\n"
                                 "SOMEONE_ [XXX <991231] [YYY >000101]\n"
                                 "BROKEN_ [ZZZ 9901-991231]\n";

static const char *peer_agents = "!PERSON! = MAN, MEN, WOMAN\n"
                                 "POLICE {} [~COP]\n"
                                 "CONGRESS!PERSON! [~LEG]\n"
                                 "FOREIGN_MINISTER [~GOVFRM]\n"
                                 "MILITIA [~REB]\n"
                                 "AID_AGENCY {AID_AGENCIES} [NGO~]\n"
                                 "NOCODE\n";

static void test_peer(void)
{
	diags dg;
	dyad_dict *d = dyad_dict_new(NULL);
	memset(&dg, 0, sizeof dg);
	dyad_dict_set_diag(d, on_diag, &dg);
	dyad_dict_load_mem(d, "x.actors", peer_actors, strlen(peer_actors), DYAD_DICT_AUTO, NULL);
	dyad_dict_load_mem(d, "x.agents", peer_agents, strlen(peer_agents), DYAD_DICT_AUTO, NULL);
	CHECK_EQ_U(dg.n, 2, "peer: two bad lines");
	CHECK(dg.lines[0] == 10 && dg.lines[1] == 7,
	      "peer: the bad date and the agent without a code");
	CHECK_MENTIONS(d, "Afghan officials met in Kabul.", NULL,
	               "Afghan=AFG/peer:afghanistan/exact;Kabul=AFG/peer:afghanistan/exact;",
	               "peer: synonyms");
	CHECK_MENTIONS(d, "Boutros Boutros-Ghali spoke.", "1993-05-01",
	               "Boutros Boutros-Ghali=UNO/peer:boutros-boutros-ghali/exact;",
	               "peer: dated code");
	CHECK_MENTIONS(d, "Boutros Boutros-Ghali spoke.", "1999-05-01",
	               "Boutros Boutros-Ghali=EGY/peer:boutros-boutros-ghali/exact;",
	               "peer: default code");
	CHECK_MENTIONS(d, "Mohammad Zahir Shah spoke.", "1950-01-01",
	               "Mohammad Zahir Shah=AFGGOV/peer:mohammad-zahir-shah/exact;",
	               "peer: dates on their own lines, YYMMDD in the 1900s");
	CHECK_MENTIONS(d, "Someone spoke.", "1995-01-01", "Someone=XXX/peer:someone/exact;",
	               "peer: <date");
	CHECK_MENTIONS(d, "Someone spoke.", "2005-01-01", "Someone=YYY/peer:someone/exact;",
	               "peer: >date, years 00-30 are 2000-2030");
	CHECK_MENTIONS(
	        d, "Afghan policemen and congressmen met.", NULL,
	        "Afghan=AFG/peer:afghanistan/exact;congressmen=LEG/peer:congress-person/agent;",
	        "peer agents: substitution sets; no plural after {}");
	CHECK_MENTIONS(d, "Afghan militias clashed.", NULL,
	               "Afghan militias=AFGREB/peer:militia/agent;",
	               "peer agents: regular plural militia -> militias");
	CHECK_MENTIONS(d, "Afghan aid agencies helped.", NULL,
	               "Afghan aid agencies=NGOAFG/peer:aid-agency/agent;",
	               "peer agents: an irregular plural and a prefix code");
	dyad_dict_free(d);
}

static const char *rules_dict =
        "entry country:COD\nname DR Congo\nalias Congo\ncode COD\n"
        "entry country:SLV\nname El Salvador\ncode SLV\n"
        "entry country:USA\nname United States\nalias America\ncapital Washington\ncode USA\n"
        "entry country:SYR\nname Syria\ncode SYR\n"
        "entry country:IRQ\nname Iraq\ncode IRQ\n"
        "entry country:PSE\nname Palestine\nalias West Bank\ncode PSE\n"
        "entry region:west\nname the West\ncode WST\n"
        "entry region:lam\nname Latin America\ncode LAM\n"
        "entry igo:nato\nname NATO\ncode IGONAT\n"
        "entry igo:who\nname WHO\ncode IGOUNOWHO\n"
        "entry igo:un\nname UN\nalias UN chief\ncode IGOUNO\n"
        "entry person:bashar-al-assad\nname Bashar al-Assad\nalias Assad\ncode SYRGOV\n"
        "entry person:antonio-guterres\nname Antonio Guterres\noffice secretary-general IGOUNO "
        "2017-01-01 -\ncode PRTELI\n"
        "entry person:tamim\nname Tamim bin Hamad Al Thani\nalias Sheikh Tamim bin Hamad\ncode "
        "QATGOV\n"
        "entry person:zelensky\nname Volodymyr Zelensky\nalias Zelensky | President Zelensky\ncode "
        "UKRGOV\n"
        "entry title:t\nname Sheikh\nalias Dr\n"
        "entry agent:president\nname president\ncode ~GOV\n";

static void test_rules(void)
{
	dyad_dict *d = make_dict(rules_dict, DYAD_DICT_DYAD, NULL);
	CHECK_MENTIONS(d, "Troops from DR Congo left.", NULL, "DR Congo=COD/country:COD/exact;",
	               "rules: a title (Dr) only goes before a person");
	CHECK_MENTIONS(d, "El Salvador voted. Salvador Dali painted.", NULL,
	               "El Salvador=SLV/country:SLV/exact;", "rules: a country keeps its article");
	CHECK_MENTIONS(d, "Bashar al-Assad met. Then al-Assad left.", NULL,
	               "Bashar al-Assad=SYRGOV/person:bashar-al-assad/exact;"
	               "al-Assad=SYRGOV/person:bashar-al-assad/variant;",
	               "rules: the article stays in the span and makes a variant");
	CHECK_MENTIONS(d, "The anti-Assad forces and the Syria-Iraq border.", NULL,
	               "Syria=SYR/country:SYR/exact;Iraq=IRQ/country:IRQ/exact;",
	               "rules: compounds of actors give parts, anti-Assad gives none");
	CHECK_MENTIONS(d, "Nato and the WHO met. Who knows? Washington agreed.", NULL,
	               "Nato=IGONAT/igo:nato/exact;WHO=IGOUNOWHO/igo:who/exact;"
	               "Washington=USAGOV/country:USA/exact;",
	               "rules: British-style Nato, WHO not who, a capital as the government");
	CHECK_MENTIONS(
	        d, "Denzel Washington smiled in Latin America.", NULL,
	        "Latin America=LAM/region:lam/exact;",
	        "rules: a capital inside a person's name; a region before a country inside it");
	CHECK_MENTIONS(d, "Settlers in the West Bank and the West.", NULL,
	               "West Bank=PSE/country:PSE/exact;the West=WST/region:west/exact;",
	               "rules: 'the' before a name yields to a longer name after it");
	CHECK_MENTIONS(d, "Sheikh Tamim bin Hamad Al Thani arrived. Dr Zelensky spoke.", NULL,
	               "Tamim bin Hamad Al Thani=QATGOV/person:tamim/exact;"
	               "Zelensky=UKRGOV/person:zelensky/exact;",
	               "rules: a title first, then the longest name after it");
	CHECK_MENTIONS(d, "President Zelensky spoke.", NULL,
	               "Zelensky=UKRGOV/person:zelensky/exact;",
	               "rules: an alias with a role yields to the name after the role");
	CHECK_MENTIONS(d, "UN chief Antonio Guterres spoke.", "2023-01-01",
	               "Antonio Guterres=IGOUNO/person:antonio-guterres/exact;",
	               "rules: an organisation before its own official belongs to the official");
	dyad_dict_free(d);
}

static void test_verbs(void)
{
	const char *text = "# verbs\n"
	                   "verb    meet\n"
	                   "forms   met | meeting\n"
	                   "code    040\n"
	                   "pattern * with +        042\n"
	                   "pattern $ * + in {Tehran | the capital} 043\n"
	                   "pattern * + to_ discuss 046\n"
	                   "verb    hold talks\n"
	                   "code    043\n"
	                   "pattern * with +        043\n" /* 10 */
	                   "pattern with +          043\n" /* 11: no verb */
	                   "pattern * * +           043\n" /* 12: two verbs */
	                   "pattern * + in {a | } 043\n"   /* 13: empty alternative */
	                   "pattern * + in {a      043\n"  /* 14: no } */
	                   "pattern * +\n"                 /* 15: no code */
	                   "code    40a\n"                 /* 16: bad code */
	                   "code    042\n"                 /* 17: a second default */
	                   "name    Nobody\n"              /* 18: not in a verb block */
	                   "verb\n"                        /* 19: no lemma */
	                   "pattern * + 040\n"             /* 20: outside a block */
	                   "discard world cup\n"
	                   "discard box office\n"
	                   "entry country:IRN\nname Iran\ncode IRN\n"
	                   "forms went\n"; /* 26: forms in an entry */
	diags dg;
	dyad_dict *d = make_dict(text, DYAD_DICT_AUTO, &dg);
	dyad_dict_stats s = dyad_dict_get_stats(d);
	CHECK_EQ_U(s.verbs, 2, "verbs: two verb blocks");
	CHECK_EQ_U(s.patterns, 6, "verbs: two default codes and four good patterns");
	CHECK_EQ_U(s.discards, 2, "verbs: two discard phrases");
	CHECK_EQ_U(s.entries, 1, "verbs: the entry after the verbs still loads");
	unsigned long long want[] = {11, 12, 13, 14, 15, 16, 17, 18};
	int same = dg.n == 11;
	for (int i = 0; i < 8 && same; i++)
		same = dg.lines[i] == want[i];
	CHECK_EQ_U(dg.n, 11, "verbs: eleven problems reported");
	CHECK(same, "verbs: on the lines of the bad patterns and codes, in order");
	CHECK(strstr(dg.last, "test.dict:26: forms and pattern belong in a verb block") != NULL,
	      "verbs: forms outside a verb block");
	dyad_dict_free(d);
}

static void test_lemmas(void)
{
	const char *text = "verb meet\ncode 040\nverb withdraw\ncode 0874\nverb raise\ncode 010\n"
	                   "verb stop\ncode 010\nverb carry\ncode 010\nverb attack\ncode 190\n"
	                   "verb agree\ncode 030\nverb die\ncode 010\nverb watch\ncode 010\n"
	                   "verb flee\ncode 010\nverb slay\nforms slaid\ncode 010\n"
	                   "verb hold talks\ncode 043\nverb hold\ncode 010\n";
	dyad_dict *d = make_dict(text, DYAD_DICT_AUTO, NULL);
	static const char *const cases[][2] = {
	        {"meet", "meet"},       {"meets", "meet"},        {"met", "meet"},
	        {"meeting", "meet"},    {"withdrew", "withdraw"}, {"withdrawn", "withdraw"},
	        {"raised", "raise"},    {"raising", "raise"},     {"stopped", "stop"},
	        {"stopping", "stop"},   {"carries", "carry"},     {"carried", "carry"},
	        {"attacked", "attack"}, {"Attacks", "attack"},    {"agreed", "agree"},
	        {"dying", "die"},       {"watches", "watch"},     {"fled", "flee"},
	        {"slaid", "slay"},      {"held", "hold"}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		dyad_str l = {NULL, 0};
		char name[64];
		snprintf(name, sizeof name, "lemma: %s -> %s", cases[i][0], cases[i][1]);
		int ok = dyad_dict_verb_lemma(d, cases[i][0], strlen(cases[i][0]), &l);
		CHECK(ok && l.n == strlen(cases[i][1]) && memcmp(l.p, cases[i][1], l.n) == 0, name);
	}
	static const char *const not_verbs[] = {"meat", "table", "rais", "sing", "ed", "s"};
	for (size_t i = 0; i < sizeof not_verbs / sizeof *not_verbs; i++) {
		char name[64];
		snprintf(name, sizeof name, "lemma: %s is not a known verb", not_verbs[i]);
		CHECK(!dyad_dict_verb_lemma(d, not_verbs[i], strlen(not_verbs[i]), NULL), name);
	}
	dyad_dict_free(d);
}

static void test_load_errors(void)
{
	dyad_dict *d = dyad_dict_new(NULL);
	dyad_error err;
	CHECK(dyad_dict_load(d, "/nonexistent/dict.txt", DYAD_DICT_AUTO, &err) == DYAD_ERR_IO,
	      "load: a missing file is DYAD_ERR_IO");
	CHECK(dyad_dict_load_dir(d, "/nonexistent", NULL, &err) == DYAD_ERR_IO,
	      "load: a missing dir");
	dyad_dict_compile(d, NULL);
	CHECK(dyad_dict_load_mem(d, "late", "entry x:y\nname Y\n", 16, DYAD_DICT_AUTO, &err) ==
	              DYAD_ERR_ARG,
	      "load: no loading after compiling");
	CHECK_MENTIONS(d, "Nothing to find here.", NULL, "", "empty dictionary finds nothing");
	dyad_dict_free(d);
	dyad_dict_free(NULL);
	CHECK(dyad_doc_find_actors(NULL, NULL, NULL, NULL) == DYAD_ERR_ARG, "null: find_actors");
}

static void test_out_of_memory(void)
{
	int nomem = 0, ok = 0, clean = 1;
	const char *text = "Iran's President Ebrahim Raisi met Ziad Nakhala. He thanked Tehran.";
	for (long budget = 0; budget < 400; budget += 3) {
		failing f = {budget, 0};
		dyad_allocator a = {failing_realloc, &f};
		dyad_dict *d = dyad_dict_new(&a);
		dyad_doc *doc = dyad_doc_new(&a);
		if (d && doc) {
			dyad_status st = dyad_dict_load_mem(d, "m", ours, strlen(ours),
			                                    DYAD_DICT_AUTO, NULL);
			if (st == DYAD_OK)
				st = dyad_doc_analyze(doc, text, strlen(text), NULL);
			if (st == DYAD_OK)
				st = dyad_doc_find_actors(doc, d, "2023-06-18", NULL);
			nomem += st == DYAD_ERR_NOMEM;
			ok += st == DYAD_OK && dyad_doc_mention_count(doc) == 4;
		}
		dyad_doc_free(doc);
		dyad_dict_free(d);
		clean &= f.live == 0;
	}
	CHECK(nomem > 0, "oom: failures reported as DYAD_ERR_NOMEM");
	CHECK(ok > 0, "oom: with enough memory the four mentions are found");
	CHECK(clean, "oom: nothing leaks");
}

int main(int argc, char **argv)
{
	harness_verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	test_ours();
	test_ours_errors();
	test_peer();
	test_rules();
	test_verbs();
	test_lemmas();
	test_load_errors();
	test_out_of_memory();
	return harness_done();
}
