/* Turns raw file bytes into valid UTF-8. Valid UTF-8 passes unchanged; every
 * other byte is read as Windows-1252, so legacy and mixed files are indexed
 * rather than rejected. It does not normalize: see norm.h. */
#ifndef SEEKD_TEXT_DECODE_H
#define SEEKD_TEXT_DECODE_H

#include <stddef.h>

/* Decodes `len` bytes of `in`. Bytes that are not part of a valid UTF-8
 * sequence become their Windows-1252 character (U+FFFD where 1252 leaves the
 * byte undefined); NUL bytes become spaces so the result is a C string.
 * Returns a malloc'd NUL-terminated string (caller frees) and its length in
 * *out_len, or NULL when memory runs out. */
char *text_decode(const char *in, size_t len, size_t *out_len);

/* The length of the longest prefix of the `len` bytes at `s` that is valid
 * UTF-8 without NUL bytes: `len` when all of it is, else the offset of the
 * first bad byte. */
size_t text_utf8_prefix(const char *s, size_t len);

/* The largest n <= max such that the first n bytes of the `len` bytes at `s`
 * end on a character boundary: for cutting text without splitting a
 * character. */
size_t text_utf8_cut(const char *s, size_t len, size_t max);

#endif
