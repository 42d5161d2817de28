/* Reading a file's bytes as text the way a careful person would: a byte
 * order mark decides; UTF-16 without one is recognised; valid UTF-8 is
 * UTF-8; anything else goes to a detector (uchardet, checked by a letter
 * plausibility score among the Cyrillic and Latin single-byte encodings) and
 * is decoded with iconv. Bytes that are not text (NUL bytes UTF-16 does not
 * explain, many control characters) are refused. It does not normalize. */
#ifndef SEEKD_TEXT_CHARSET_H
#define SEEKD_TEXT_CHARSET_H

#include <stddef.h>
#include "status.h"

#define CHARSET_NAME_MAX 48

typedef struct charset_text {
    /* UTF-8, NUL-terminated, malloc'd (NULL when not text): no byte order
     * mark, control characters other than tab and line breaks as spaces. */
    char *text;
    size_t len;
    /* What the bytes were read as: "UTF-8", "UTF-16LE", "windows-1251",
     * "KOI8-R", ..., or "UTF-8+windows-1252" for UTF-8 with stray bytes read
     * one by one as Windows-1252. */
    char name[CHARSET_NAME_MAX];
    /* NULL, or why the bytes are not text ("NUL bytes", "control
     * characters"); text is then NULL. */
    const char *not_text;
} charset_text;

/* Whether iconv can read the encoding `name` (any spelling iconv knows:
 * "cp1251", "KOI8-R", "utf-16le"); writes the name seekd reports for it to
 * `canon` (`cap` bytes). Returns 1 or 0. */
int charset_known(const char *name, char *canon, size_t cap);

/* Reads the `len` bytes at `bytes` as text into *out (free with
 * charset_text_fini). `forced` (NULL: detect) reads every byte as that
 * encoding, a byte order mark of it dropped; it must be one charset_known
 * accepts. Statuses: OK (out->not_text says whether it was text), INVALID
 * (an unknown forced encoding), NOMEM. */
seek_status charset_read(const char *bytes, size_t len, const char *forced, charset_text *out);

/* The Unicode encoding the bytes announce by a byte order mark or show as
 * UTF-16 without one, else NULL: what a reader of lines (JSON Lines) must
 * decode whole before splitting it. */
const char *charset_unicode(const char *bytes, size_t len);

/* The encoding of bytes that are neither Unicode nor valid UTF-8, as the
 * detector sees it, into `name` (`cap` bytes): the step charset_read takes
 * for them. */
void charset_detect(const char *bytes, size_t len, char *name, size_t cap);

/* Makes the `*len` bytes of valid UTF-8 at `s` fit for titles and text, in
 * place: control characters other than tab, LF and CR become spaces, U+FEFF
 * is dropped. Updates *len and NUL-terminates. */
void charset_clean(char *s, size_t *len);

void charset_text_fini(charset_text *t);  /* accepts a zeroed one */

#endif
