/*
 * json.c -- a small strict JSON reader for records held in memory, and the
 * JSON string writer every renderer uses.
 *
 * The reader serves ingest_jsonl.c: it walks one object, decodes the string
 * fields it wants and skips everything else, with nesting bounded by
 * DYAD_MAX_JSON_DEPTH. Errors are a static message and the position of the
 * fault, so the caller can say "file:line: message at byte N". One
 * leniency: raw control characters inside strings (tabs pasted into text
 * by scrapers) are kept rather than rejected; the text stage handles them.
 *
 * The writer repairs as it escapes: invalid UTF-8 becomes U+FFFD and NUL
 * bytes are dropped, so output is always valid UTF-8 and valid JSON.
 */
#include "dyad_int.h"

#include <string.h>

void json_init(json_cursor *c, const char *p, size_t n)
{
	c->p = c->start = p;
	c->end = p + n;
	c->depth = 0;
	c->err_msg = NULL;
	c->err_at = p;
}

bool json_fail(json_cursor *c, const char *msg)
{
	if (!c->err_msg) {
		c->err_msg = msg;
		c->err_at = c->p;
	}
	return false;
}

void json_skip_ws(json_cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

bool json_expect(json_cursor *c, char ch)
{
	json_skip_ws(c);
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static bool hex4(json_cursor *c, uint32_t *out)
{
	if (c->end - c->p < 4)
		return json_fail(c, "truncated \\u escape");
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(c->p[i]);
		if (h < 0)
			return json_fail(c, "invalid \\u escape");
		v = v << 4 | (uint32_t)h;
	}
	c->p += 4;
	*out = v;
	return true;
}

/* After "\u": one code point, joining a surrogate pair; a lone surrogate
 * becomes U+FFFD. */
static bool unicode_escape(json_cursor *c, uint32_t *cp)
{
	uint32_t hi;
	if (!hex4(c, &hi))
		return false;
	*cp = hi;
	if (hi >= 0xDC00 && hi <= 0xDFFF) {
		*cp = UTF8_REPLACEMENT;
	} else if (hi >= 0xD800 && hi <= 0xDBFF) {
		*cp = UTF8_REPLACEMENT;
		if (c->end - c->p >= 6 && c->p[0] == '\\' && c->p[1] == 'u') {
			const char *save = c->p;
			uint32_t lo;
			c->p += 2;
			if (!hex4(c, &lo))
				return false;
			if (lo >= 0xDC00 && lo <= 0xDFFF)
				*cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
			else
				c->p = save;
		}
	}
	return true;
}

static dyad_status put(buf *out, const char *p, size_t n)
{
	return out ? buf_append(out, p, n) : DYAD_OK;
}

static bool escape(json_cursor *c, buf *out)
{
	if (c->p >= c->end)
		return json_fail(c, "unterminated string");
	char e = *c->p++;
	char ch;
	switch (e) {
	case '"': ch = '"'; break;
	case '\\': ch = '\\'; break;
	case '/': ch = '/'; break;
	case 'b': ch = '\b'; break;
	case 'f': ch = '\f'; break;
	case 'n': ch = '\n'; break;
	case 'r': ch = '\r'; break;
	case 't': ch = '\t'; break;
	case 'u': {
		uint32_t cp;
		if (!unicode_escape(c, &cp))
			return false;
		char enc[4];
		dyad_status st = put(out, enc, utf8_encode(cp, enc));
		return st == DYAD_OK ? true
		                     : json_fail(c, st == DYAD_ERR_LIMIT ? "string too long"
		                                                         : "out of memory");
	}
	default: c->p--; return json_fail(c, "invalid escape in string");
	}
	dyad_status st = put(out, &ch, 1);
	return st == DYAD_OK
	               ? true
	               : json_fail(c, st == DYAD_ERR_LIMIT ? "string too long" : "out of memory");
}

bool json_string(json_cursor *c, buf *out)
{
	if (c->p >= c->end || *c->p != '"')
		return json_fail(c, "expected a string");
	c->p++;
	for (;;) {
		const char *run = c->p;
		while (c->p < c->end && *c->p != '"' && *c->p != '\\')
			c->p++;
		dyad_status st = put(out, run, (size_t)(c->p - run));
		if (st != DYAD_OK)
			return json_fail(c, st == DYAD_ERR_LIMIT ? "string too long"
			                                         : "out of memory");
		if (c->p >= c->end)
			return json_fail(c, "unterminated string");
		if (*c->p++ == '"')
			return true;
		if (!escape(c, out))
			return false;
	}
}

static bool literal(json_cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
		return json_fail(c, "invalid value");
	c->p += n;
	return true;
}

static bool number(json_cursor *c)
{
	if (c->p < c->end && *c->p == '-')
		c->p++;
	const char *digits = c->p;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
		c->p++;
	if (c->p == digits)
		return json_fail(c, "invalid value");
	if (c->p < c->end && *c->p == '.') {
		c->p++;
		const char *frac = c->p;
		while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
			c->p++;
		if (c->p == frac)
			return json_fail(c, "invalid number");
	}
	if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
			c->p++;
		const char *ex = c->p;
		while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
			c->p++;
		if (c->p == ex)
			return json_fail(c, "invalid number");
	}
	return true;
}

static bool skip_container(json_cursor *c, char close)
{
	if (++c->depth > DYAD_MAX_JSON_DEPTH)
		return json_fail(c, "JSON nested deeper than DYAD_MAX_JSON_DEPTH");
	c->p++;
	if (json_expect(c, close)) {
		c->depth--;
		return true;
	}
	for (;;) {
		json_skip_ws(c);
		if (close == '}') {
			if (!json_string(c, NULL))
				return false;
			if (!json_expect(c, ':'))
				return json_fail(c, "expected ':' after key");
		}
		if (!json_skip_value(c))
			return false;
		if (json_expect(c, ','))
			continue;
		if (json_expect(c, close))
			break;
		return json_fail(c, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
	c->depth--;
	return true;
}

bool json_skip_value(json_cursor *c)
{
	json_skip_ws(c);
	if (c->p >= c->end)
		return json_fail(c, "unexpected end of record");
	switch (*c->p) {
	case '{': return skip_container(c, '}');
	case '[': return skip_container(c, ']');
	case '"': return json_string(c, NULL);
	case 't': return literal(c, "true");
	case 'f': return literal(c, "false");
	case 'n': return literal(c, "null");
	default: return number(c);
	}
}

/* Number literal at the cursor, copied as text (for numeric ids). */
bool json_number_text(json_cursor *c, buf *out)
{
	const char *s = c->p;
	if (!number(c))
		return false;
	return buf_append(out, s, (size_t)(c->p - s)) == DYAD_OK ? true
	                                                         : json_fail(c, "out of memory");
}

dyad_status json_write_string(buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	dyad_status st = buf_putc(out, '"');
	size_t i = 0;
	while (i < n && st == DYAD_OK) {
		size_t run = i;
		while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80 &&
		       s[i] != '"' && s[i] != '\\')
			i++;
		st = buf_append(out, s + run, i - run);
		if (i >= n || st != DYAD_OK)
			break;
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x80) {
			uint32_t cp;
			bool bad = false;
			size_t len = utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
			if (cp == 0x2028 || cp == 0x2029) {
				char esc[7] = {'\\', 'u', '2', '0', '2', cp == 0x2028 ? '8' : '9',
				               0};
				st = buf_append(out, esc, 6);
			} else if (bad) {
				st = buf_append(out, "\xEF\xBF\xBD", 3);
			} else {
				st = buf_append(out, s + i, len);
			}
			i += len;
			continue;
		}
		i++;
		switch (b) {
		case 0: break; /* NUL bytes are dropped */
		case '"': st = buf_append(out, "\\\"", 2); break;
		case '\\': st = buf_append(out, "\\\\", 2); break;
		case '\n': st = buf_append(out, "\\n", 2); break;
		case '\r': st = buf_append(out, "\\r", 2); break;
		case '\t': st = buf_append(out, "\\t", 2); break;
		default: {
			char esc[6] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 15]};
			st = buf_append(out, esc, 6);
		}
		}
	}
	return st == DYAD_OK ? buf_putc(out, '"') : st;
}
