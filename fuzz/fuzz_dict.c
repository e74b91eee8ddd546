/*
 * fuzz_dict.c -- libFuzzer harness for the dictionary readers. The first
 * byte picks the format (ours, peer actors, peer agents); the rest is the
 * dictionary. It is compiled and used on a fixed text: loading must never
 * fail on content (only report lines), matching must keep mentions inside
 * the text, and coding events with its verb patterns must keep each
 * event's evidence inside the text, with a code.
 */
#include "dyad/dyad.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *ctx, const dyad_error *e)
{
	(void)ctx;
	if (!e->msg)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char text[] = "TEHRAN (Wire) - Iran's President Ebrahim Raisi met Ziad "
	                           "Nakhala, the Islamic Jihad "
	                           "leader, on Sunday. He said the U.S. and Israeli police in Gaza "
	                           "were to blame. The group "
	                           "thanked Tehran. AFGHAN militias and congressmen met in Kabul.";
	if (size == 0)
		return 0;
	dyad_dict_format formats[] = {DYAD_DICT_DYAD, DYAD_DICT_PEER_ACTORS, DYAD_DICT_PEER_AGENTS};
	dyad_dict *d = dyad_dict_new(NULL);
	dyad_dict_set_diag(d, ignore, NULL);
	dyad_status st = dyad_dict_load_mem(d, "fuzz.dict", (const char *)data + 1, size - 1,
	                                    formats[data[0] % 3], NULL);
	if (st != DYAD_OK && st != DYAD_ERR_NOMEM && st != DYAD_ERR_LIMIT)
		__builtin_trap();
	dyad_doc *doc = dyad_doc_new(NULL);
	dyad_doc_analyze(doc, text, sizeof text - 1, NULL);
	if (dyad_doc_find_actors(doc, d, "2023-06-18", NULL) == DYAD_OK) {
		for (size_t i = 0; i < dyad_doc_mention_count(doc); i++) {
			dyad_mention m = dyad_doc_mention(doc, i);
			if (m.start >= m.end || m.end > sizeof text - 1 || !m.entry.p || !m.code.p)
				__builtin_trap();
		}
		if (dyad_doc_code_events(doc, d, NULL) == DYAD_OK) {
			for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
				dyad_event e = dyad_doc_event(doc, i);
				if (!e.code.n || e.source_end > sizeof text - 1 ||
				    e.target_end > sizeof text - 1 || e.verb_start >= e.verb_end ||
				    e.verb_end > sizeof text - 1)
					__builtin_trap();
			}
		}
	}
	dyad_doc_free(doc);
	dyad_dict_free(d);
	return 0;
}
