/*
 * utf8.c -- decoding UTF-8 with repair, and the character classes the
 * tokenizer works with.
 *
 * Invalid input is replaced, never rejected: each maximal subpart of an
 * ill-formed sequence becomes one U+FFFD (the Unicode and WHATWG practice),
 * so "\xE2\x80" is one replacement and "\xFF\xFF" two. Offsets never move:
 * the caller keeps pointing into the original bytes.
 *
 * Classes for ASCII come from a table; other code points are looked up in a
 * short list of punctuation that matters for sentences and quotes, then in
 * utf8proc's general categories.
 */
#include "dyad_int.h"

#include <utf8proc.h>

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *bad)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t need;
	uint32_t v;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F; /* nothing above U+10FFFF */
	} else {
		*cp = UTF8_REPLACEMENT;
		*bad = true;
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*cp = UTF8_REPLACEMENT;
			*bad = true;
			return i;
		}
		v = v << 6 | (s[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need + 1;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#define S CC_SPACE
#define P CC_PUNCT
#define Y CC_SYMBOL
#define U CC_UPPER
#define L CC_LOWER
#define D CC_DIGIT
#define C CC_CTRL
// clang-format off
const uint8_t utf8_ascii_class[128] = {
	CC_NUL, C, C, C, C, C, C, C, C, S, CC_LF, S, S, CC_CR, C, C,
	C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	/*  ! " # $ % & ' ( ) * + , - . / */
	S, CC_TERM, CC_DQ, Y, Y, Y, CC_AMP, CC_APOS, CC_OPEN, CC_CLOSE, Y, Y, CC_COMMA,
	CC_HYPHEN, CC_PERIOD, CC_SLASH,
	/* 0-9 : ; < = > ? */
	D, D, D, D, D, D, D, D, D, D, CC_COLON, CC_COLON, Y, Y, Y, CC_TERM,
	/* @ A-O */
	CC_AT, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	/* P-Z [ \ ] ^ _ */
	U, U, U, U, U, U, U, U, U, U, U, CC_OPEN, P, CC_CLOSE, Y, P,
	/* ` a-o */
	CC_APOS, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	/* p-z { | } ~ DEL */
	L, L, L, L, L, L, L, L, L, L, L, CC_OPEN, Y, CC_CLOSE, Y, C,
};
// clang-format on
#undef S
#undef P
#undef Y
#undef U
#undef L
#undef D
#undef C

/* Punctuation and spacing whose role in text differs from what the general
 * category alone would suggest. */
static bool special_class(uint32_t cp, char_class *out)
{
	switch (cp) {
	case 0x0085:
	case 0x2028: *out = CC_LF; return true;
	case 0x2029: *out = CC_PARA; return true;
	case 0x00A0:
	case 0x1680:
	case 0x202F:
	case 0x205F:
	case 0x3000: *out = CC_SPACE; return true;
	case 0x00AD:
	case 0x200C:
	case 0x200D:
	case 0x2060: *out = CC_JOINER; return true;
	case 0x200B:
	case 0xFEFF: *out = CC_BREAK; return true;
	case 0x2019:
	case 0x02BC:
	case 0x00B4:
	case 0x2032: *out = CC_APOS; return true;
	case 0x2018:
	case 0x201A:
	case 0x201B:
	case 0x2039: *out = CC_SQ_OPEN; return true;
	case 0x203A: *out = CC_Q_CLOSE; return true;
	case 0x201C:
	case 0x201E:
	case 0x201F:
	case 0x00AB:
	case 0x300C:
	case 0x300E: *out = CC_Q_OPEN; return true;
	case 0x201D:
	case 0x00BB:
	case 0x300D:
	case 0x300F:
	case 0x2033: *out = CC_Q_CLOSE; return true;
	case 0x2010:
	case 0x2011: *out = CC_HYPHEN; return true;
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0xFE58: *out = CC_DASH; return true;
	case 0x2026: *out = CC_ELLIPSIS; return true;
	case 0x061F:
	case 0xFF01:
	case 0xFF1F:
	case 0x203C:
	case 0x2047:
	case 0x2048:
	case 0x2049:
	case 0x037E:
	case 0x0964:
	case 0x0965: *out = CC_TERM; return true;
	case 0x3002:
	case 0x06D4:
	case 0xFF0E:
	case 0xFF61: *out = CC_FULLSTOP; return true;
	case 0x060C:
	case 0x3001:
	case 0xFF0C: *out = CC_COMMA; return true;
	case 0x061B:
	case 0xFF1A:
	case 0xFF1B: *out = CC_COLON; return true;
	case UTF8_REPLACEMENT: *out = CC_REPL; return true;
	}
	return false;
}

char_class utf8_class(uint32_t cp)
{
	char_class cc;
	if (special_class(cp, &cc))
		return cc;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT: return CC_UPPER;
	case UTF8PROC_CATEGORY_LL: return CC_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: return CC_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: return CC_MARK;
	case UTF8PROC_CATEGORY_ND: return CC_DIGIT;
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO: return CC_LETTER;
	case UTF8PROC_CATEGORY_ZS: return CC_SPACE;
	case UTF8PROC_CATEGORY_ZL: return CC_LF;
	case UTF8PROC_CATEGORY_ZP: return CC_PARA;
	case UTF8PROC_CATEGORY_CC: return CC_CTRL;
	case UTF8PROC_CATEGORY_CF: return CC_BREAK;
	case UTF8PROC_CATEGORY_PD: return CC_HYPHEN;
	case UTF8PROC_CATEGORY_PS: return CC_OPEN;
	case UTF8PROC_CATEGORY_PE: return CC_CLOSE;
	case UTF8PROC_CATEGORY_PI: return CC_Q_OPEN;
	case UTF8PROC_CATEGORY_PF: return CC_Q_CLOSE;
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PO: return CC_PUNCT;
	case UTF8PROC_CATEGORY_CN:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS: return CC_SYMBOL;
	default: return CC_SYMBOL;
	}
}
