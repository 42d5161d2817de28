/* A JSON writer: appends compact JSON text to a growing buffer, placing the
 * commas itself. Answers are written straight into it instead of being built
 * as jansson trees and then serialized: for a search answer of many small
 * objects, building and freeing the tree cost more than the search. Its
 * output reads exactly as jansson's compact form with JSON_REAL_PRECISION(8)
 * does, except that it also escapes DEL, the C1 controls, U+2028, U+2029
 * and the bidi controls (jansson writes them raw), so no consumer reading
 * the text on a terminal or splitting it at line breaks meets one. Running out of memory makes the writer fail; every later call is
 * then a no-op and jw_take returns NULL, so callers check once, at the end. */
#ifndef SEEKD_PROTO_JW_H
#define SEEKD_PROTO_JW_H

#include <stddef.h>
#include <jansson.h>

#define JW_MAX_DEPTH 32   /* deeper nesting is a bug of the caller: the writer fails */

typedef struct jw {
    char *buf;
    size_t len, cap;
    int failed;
    int after_key;                      /* a key was written; its value comes next */
    unsigned depth;
    unsigned char empty[JW_MAX_DEPTH];  /* nothing written yet at this level */
} jw;

void jw_init(jw *w);
/* Frees the buffer (needless after jw_take). */
void jw_fini(jw *w);
/* Hands over the text, NUL-terminated (length in *len), or NULL if the
 * writer failed; the writer is empty afterwards either way. */
char *jw_take(jw *w, size_t *len);

void jw_obj(jw *w);
void jw_obj_end(jw *w);
void jw_arr(jw *w);
void jw_arr_end(jw *w);
/* An object member's key; the next call writes its value. */
void jw_key(jw *w, const char *key);

/* Strings are UTF-8; a byte that is not part of valid UTF-8 is written as
 * U+FFFD, so the output is always valid JSON. */
void jw_str(jw *w, const char *s);
void jw_strn(jw *w, const char *s, size_t n);
void jw_int(jw *w, long long v);
/* Eight significant digits; a value that is not finite is written as 0.0. */
void jw_real(jw *w, double v);
void jw_bool(jw *w, int v);
void jw_null(jw *w);
/* Bytes as they are, with no comma: text outside any value (a newline). */
void jw_raw(jw *w, const char *s, size_t n);
/* A jansson value, serialized as it is (with the escapes above). */
void jw_json(jw *w, const json_t *v);
/* JSON text (`n` bytes) with its raw DEL, C1 controls, U+2028, U+2029 and
 * bidi controls written as \uXXXX escapes: a malloc'd NUL-terminated copy
 * (length in *len), or NULL when memory runs out. For lines that did not
 * come from a jw, such as a daemon's answer a client prints as it came. */
char *jw_safe_json(const char *text, size_t n, size_t *len);

#endif
