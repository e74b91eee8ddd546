/*
 * norm.c -- the normalised form of text, used for matching.
 *
 * Matching must not care how a name was typed: "IRAN", "Iran" and "ＩＲＡＮ";
 * "Qadhdhāfī" and "Qadhdhafi"; “Israel” and "Israel"; Persian ی and Arabic
 * ي. So each code point is mapped to: its compatibility decomposition (NFKC
 * without recomposition), case-folded, with non-spacing marks dropped
 * (accents, harakat, hamza above), typographic quotes and dashes made ASCII,
 * and a few letters that have no decomposition folded by hand (ø, æ, ł,
 * Arabic letter variants). The form is for keys, not for display.
 *
 * ASCII never comes here: the tokenizer lower-cases it inline with
 * norm_ascii_lower, which is the hot path.
 */
#include "dyad_int.h"

#include <utf8proc.h>

// clang-format off
const unsigned char norm_ascii_lower[256] = {
#define R16(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, \
	b + 11, b + 12, b + 13, b + 14, b + 15
	R16(0x00), R16(0x10), R16(0x20), R16(0x30),
	0x40, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
	'\'', R16(0x61) /* 0x61..0x70 */, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78,
	0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
	R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0), R16(0xE0), R16(0xF0)
#undef R16
};
// clang-format on

/* Folds applied before decomposition: punctuation whose plain form is ASCII. */
static const char *fold_punct(uint32_t cp)
{
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x2039:
	case 0x203A:
	case 0x02BC:
	case 0x02BB:
	case 0x02BD:
	case 0x02BE:
	case 0x02BF:
	case 0x00B4:
	case 0x2032:
	case 0x0060: return "'";
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x00AB:
	case 0x00BB:
	case 0x2033:
	case 0x300C:
	case 0x300D:
	case 0x300E:
	case 0x300F: return "\"";
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0xFE58:
	case 0xFE63:
	case 0xFF0D: return "-";
	case 0x2026: return "...";
	case 0x3002:
	case 0x06D4:
	case 0xFF61: return ".";
	case 0x061F: return "?";
	case 0x060C:
	case 0x3001: return ",";
	case 0x061B: return ";";
	case 0x0640: return ""; /* Arabic tatweel: a stretch, not a letter */
	}
	return NULL;
}

/* Folds applied to each code point after decomposition and case folding. */
static const char *fold_letter(uint32_t cp)
{
	switch (cp) {
	case 0x00F8: return "o";  /* ø */
	case 0x00E6: return "ae"; /* æ */
	case 0x0153: return "oe"; /* œ */
	case 0x0142: return "l";  /* ł */
	case 0x0111: return "d";  /* đ */
	case 0x00F0: return "d";  /* ð */
	case 0x00FE: return "th"; /* þ */
	case 0x0131: return "i";  /* dotless i */
	case 0x0127: return "h";  /* ħ */
	case 0x0167: return "t";  /* ŧ */
	case 0x02BE:
	case 0x02BF: return "'";        /* ʾ ʿ in transliterations */
	case 0x0649: return "\xD9\x8A"; /* alef maksura -> yeh */
	case 0x06CC: return "\xD9\x8A"; /* Persian yeh -> Arabic yeh */
	case 0x06A9: return "\xD9\x83"; /* Persian keheh -> kaf */
	case 0x0629: return "\xD9\x87"; /* teh marbuta -> heh */
	case 0x06C0: return "\xD9\x87"; /* heh with yeh above -> heh */
	}
	if (cp >= 0x0660 && cp <= 0x0669) /* Arabic-Indic digits */
		return "0123456789" + (cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9) /* Persian digits */
		return "0123456789" + (cp - 0x06F0);
	if (cp >= 0x0966 && cp <= 0x096F) /* Devanagari digits */
		return "0123456789" + (cp - 0x0966);
	return NULL;
}

static dyad_status append_folded(buf *out, uint32_t cp)
{
	const char *f = fold_letter(cp);
	if (f) {
		/* digits fold to one character of the digit string */
		size_t n = (cp >= 0x0660 && cp <= 0x096F && f[0] >= '0' && f[0] <= '9')
		                   ? 1
		                   : __builtin_strlen(f);
		return buf_append(out, f, n);
	}
	char enc[4];
	return buf_append(out, enc, utf8_encode(cp, enc));
}

static bool is_dropped_mark(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME;
}

dyad_status norm_codepoint(buf *out, uint32_t cp)
{
	if (cp < 0x80)
		return buf_putc(out, (char)norm_ascii_lower[cp]);
	const char *f = fold_punct(cp);
	if (f)
		return buf_append(out, f, __builtin_strlen(f));
	if (cp >= 0xAC00 && cp <= 0xD7A3) /* Hangul syllables stay composed */
		return append_folded(out, cp);
	utf8proc_int32_t dst[32];
	int boundclass = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(
	        (utf8proc_int32_t)cp, dst, 32,
	        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD, &boundclass);
	if (n < 0 || n > 32) /* cannot happen for a scalar value; keep it as is */
		return append_folded(out, cp);
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		uint32_t c = (uint32_t)dst[i];
		if (is_dropped_mark(c))
			continue;
		dyad_status st =
		        c < 0x80 ? buf_putc(out, (char)norm_ascii_lower[c]) : append_folded(out, c);
		if (st != DYAD_OK)
			return st;
	}
	return DYAD_OK;
}
