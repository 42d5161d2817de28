/* Text from documents made harmless for a terminal: every control character
 * (C0, DEL, C1), the line and paragraph separators and the bidirectional
 * embedding, override and isolate controls are written as visible escapes,
 * as `ls -b` and ripgrep show names, so no byte of a document can move the
 * cursor, clear the screen, retitle a window, start a new output line or
 * reorder what follows it. Backslashes stay as they are. */
#ifndef SEEKD_TEXT_VISIBLE_H
#define SEEKD_TEXT_VISIBLE_H

#include <stddef.h>
#include <stdio.h>

/* The escapes: \t \n \r for tab and line breaks; \xHH for other C0 bytes,
 * DEL (\x7f) and bytes that are not UTF-8; \uHHHH for C1 controls
 * (\u009b), U+2028, U+2029 and the bidi controls U+202A..U+202E,
 * U+2066..U+2069. Everything else is copied. */

/* Nonzero when the `n` bytes at `s` would be written unchanged. */
int text_is_visible(const char *s, size_t n);

/* Writes the `n` bytes at `s` to `f`, escaped. */
void text_fput_visible(FILE *f, const char *s, size_t n);

/* The same for a C string (NULL writes nothing). */
void text_fputs_visible(FILE *f, const char *s);

/* `s` escaped into `buf` (`cap` bytes, at least 16), cut to fit: when the
 * escaped text is longer than cap - 1 bytes, its middle gives way to "…",
 * keeping a third of the room for its start and the rest for its end (a
 * path's file name). For messages naming paths, which deep folders would
 * otherwise make thousands of characters long. Returns buf. */
char *text_shown(const char *s, char *buf, size_t cap);

#endif
