/*
 * error.c -- status names and the one way errors are put into words:
 * "origin:line: message at byte N", the form editors and grep understand.
 */
#include "dyad_int.h"

#include <stdio.h>

const char *dyad_version(void)
{
	return DYAD_VERSION;
}

const char *dyad_status_name(dyad_status status)
{
	switch (status) {
	case DYAD_OK: return "ok";
	case DYAD_EOF: return "eof";
	case DYAD_ERR_NOMEM: return "nomem";
	case DYAD_ERR_IO: return "io";
	case DYAD_ERR_LIMIT: return "limit";
	case DYAD_ERR_SYNTAX: return "syntax";
	case DYAD_ERR_FIELD: return "field";
	case DYAD_ERR_ARG: return "arg";
	case DYAD_WARN_DATE: return "date";
	}
	return "unknown";
}

void error_set(dyad_error *err, dyad_status code, const char *msg, const char *origin,
               uint64_t line, uint64_t byte)
{
	if (!err)
		return;
	err->code = code;
	err->msg = msg;
	err->origin = origin;
	err->line = line;
	err->byte = byte;
}

size_t dyad_error_format(const dyad_error *err, char *out, size_t cap)
{
	if (!err) {
		if (cap)
			out[0] = '\0';
		return 0;
	}
	const char *msg = err->msg ? err->msg : dyad_status_name(err->code);
	const char *origin = err->origin ? err->origin : "";
	int n;
	if (err->origin && err->line)
		n = snprintf(out, cap, "%s:%llu: %s at byte %llu", origin,
		             (unsigned long long)err->line, msg, (unsigned long long)err->byte);
	else if (err->origin)
		n = snprintf(out, cap, "%s: %s", origin, msg);
	else
		n = snprintf(out, cap, "%s", msg);
	return n < 0 ? 0 : (size_t)n;
}
