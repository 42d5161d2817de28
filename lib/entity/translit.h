/* Cyrillic-to-Latin transliteration used when matching gazetteer entries,
 * so that "Рахмон" in a Russian-language text meets "Rakhmon" in English.
 * Leaves out: case folding, accent stripping and any reverse (Latin to
 * Cyrillic) direction; callers fold and strip marks before calling. */
#ifndef SEEKD_ENTITY_TRANSLIT_H
#define SEEKD_ENTITY_TRANSLIT_H

#include <stddef.h>

/* Transliterates the Cyrillic letters of `in` (UTF-8, `len` bytes, normally
 * already case-folded and stripped of combining marks, e.g. "рахмон") to
 * lowercase ASCII Latin; every other byte sequence, including Latin letters,
 * digits, punctuation, Cyrillic letters outside the table and invalid or
 * truncated UTF-8, is copied unchanged. Uppercase Cyrillic maps to the same
 * lowercase Latin as its lowercase form. `in` is only read; it need not be
 * NUL-terminated and may be NULL when `len` is 0.
 *
 * Writes into the caller-owned buffer `out` of `cap` bytes and always
 * NUL-terminates it when `cap` > 0 (`out` may be NULL when `cap` is 0).
 * Returns the length of the full result excluding the NUL, as snprintf does:
 * a return value >= `cap` means the output was cut to its first `cap` - 1
 * bytes (possibly in the middle of a UTF-8 sequence) and a buffer of
 * return + 1 bytes is needed. */
size_t translit_cyr(const char *in, size_t len, char *out, size_t cap);

/* Returns nonzero when the `len` bytes at `in` hold at least one Cyrillic
 * letter (U+0400..U+052F, less the signs and combining marks U+0482..U+0489),
 * so callers can skip transliteration for the common all-Latin case. */
int translit_has_cyr(const char *in, size_t len);

#endif
